-- Event places resolved with the gazetteer, and the background flag for events dated well
-- before their article (coding/places.py, coding/dates.py). Existing rows get the defaults the
-- coder gives an event with no place and a recent date.
ALTER TABLE events ADD COLUMN location_name VARCHAR DEFAULT '';
ALTER TABLE events ADD COLUMN location_lat DOUBLE;
ALTER TABLE events ADD COLUMN location_lon DOUBLE;
ALTER TABLE events ADD COLUMN location_reason VARCHAR DEFAULT '';
ALTER TABLE events ADD COLUMN date_background BOOLEAN DEFAULT false;

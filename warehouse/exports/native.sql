-- cameoflow's own columns: every column of the events table.
SELECT * FROM selected ORDER BY event_date, event_id

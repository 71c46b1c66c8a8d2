-- Deduplicated event counts per directed dyad, day and GDELT quad class.
CREATE OR REPLACE VIEW dyad_daily AS
SELECT
    event_date,
    source_code,
    target_code,
    quad_class,
    count(*) AS num_events,
    sum(num_reports) AS num_reports
FROM events_dedup
GROUP BY event_date, source_code, target_code, quad_class;

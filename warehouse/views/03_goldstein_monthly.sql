-- Goldstein scores of deduplicated events per directed dyad and calendar month.
CREATE OR REPLACE VIEW goldstein_monthly AS
SELECT
    CAST(date_trunc('month', event_date) AS DATE) AS month,
    source_code,
    target_code,
    count(*) AS num_events,
    avg(goldstein) AS goldstein_mean,
    sum(goldstein) AS goldstein_sum
FROM events_dedup
GROUP BY ALL;

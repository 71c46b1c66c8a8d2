-- One-a-day deduplication (Phoenix style): one row per day, dyad and event code, however many
-- reports describe it. Negated and hypothetical events are left out: they did not happen.
CREATE OR REPLACE VIEW events_dedup AS
SELECT
    e.event_date,
    e.source_code,
    e.target_code,
    e.event_code,
    e.event_base_code,
    e.event_root_code,
    e.quad_class,
    e.goldstein,
    min(e.source_country) AS source_country,
    min(e.target_country) AS target_country,
    count(*) AS num_reports,
    count(DISTINCT a.source) AS num_sources,
    list(DISTINCT e.article_id ORDER BY e.article_id) AS article_ids,
    min(e.event_id) AS first_event_id
FROM events AS e
LEFT JOIN articles AS a USING (article_id)
WHERE NOT e.negated AND NOT e.hypothetical
GROUP BY
    e.event_date, e.source_code, e.target_code, e.event_code,
    e.event_base_code, e.event_root_code, e.quad_class, e.goldstein;

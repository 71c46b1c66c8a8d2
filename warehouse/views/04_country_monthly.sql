-- Per country (actor root) and month: deduplicated events it took part in, as source or target,
-- by quad class, with the mean Goldstein score. An event within one country counts once.
CREATE OR REPLACE VIEW country_monthly AS
WITH involved AS (
    SELECT event_date, source_country AS country, goldstein, quad_class,
           TRUE AS as_source, source_country = target_country AS as_target
    FROM events_dedup WHERE source_country <> ''
    UNION ALL
    SELECT event_date, target_country, goldstein, quad_class, FALSE, TRUE
    FROM events_dedup WHERE target_country <> '' AND target_country IS DISTINCT FROM source_country
)
SELECT
    CAST(date_trunc('month', event_date) AS DATE) AS month,
    country,
    count(*) AS num_events,
    count(*) FILTER (WHERE as_source) AS num_as_source,
    count(*) FILTER (WHERE as_target) AS num_as_target,
    count(*) FILTER (WHERE quad_class = 1) AS num_verbal_coop,
    count(*) FILTER (WHERE quad_class = 2) AS num_material_coop,
    count(*) FILTER (WHERE quad_class = 3) AS num_verbal_conflict,
    count(*) FILTER (WHERE quad_class = 4) AS num_material_conflict,
    avg(goldstein) AS goldstein_mean
FROM involved
GROUP BY ALL;

-- The Phoenix (OEDA) dataset's 26 columns in its order; one row per coded report (the
-- events_dedup view gives Phoenix's one-a-day counting). PentaClass is Phoenix's own scheme:
-- 0 statements (root 01), 1 verbal cooperation (02-05), 2 material cooperation (06-08),
-- 3 verbal conflict (09-13), 4 material conflict (14-20). Attributes and issues are empty.
SELECT
    e.event_id AS EventID,
    strftime(e.event_date, '%Y%m%d') AS "Date",
    CAST(year(e.event_date) AS INTEGER) AS "Year",
    CAST(month(e.event_date) AS INTEGER) AS "Month",
    CAST(day(e.event_date) AS INTEGER) AS "Day",
    e.source_code AS SourceActorFull,
    e.source_country AS SourceActorEntity,
    e.source_role AS SourceActorRole,
    CAST(NULL AS VARCHAR) AS SourceActorAttribute,
    e.target_code AS TargetActorFull,
    e.target_country AS TargetActorEntity,
    e.target_role AS TargetActorRole,
    CAST(NULL AS VARCHAR) AS TargetActorAttribute,
    e.event_code AS EventCode,
    e.event_root_code AS EventRootCode,
    CASE
        WHEN e.event_root_code = '01' THEN 0
        WHEN e.event_root_code BETWEEN '02' AND '05' THEN 1
        WHEN e.event_root_code BETWEEN '06' AND '08' THEN 2
        WHEN e.event_root_code BETWEEN '09' AND '13' THEN 3
        WHEN e.event_root_code BETWEEN '14' AND '20' THEN 4
    END AS PentaClass,
    e.goldstein AS GoldsteinScore,
    CAST(NULL AS VARCHAR) AS Issues,
    e.location_lat AS Lat,
    e.location_lon AS Lon,
    nullif(coalesce(nullif(e.location_name, ''), e.location_text), '') AS LocationName,
    CAST(NULL AS VARCHAR) AS StateName,
    nullif(e.location_country, '') AS CountryCode,
    e.article_id || '-' || CAST(e.sentence_index AS VARCHAR) AS SentenceID,
    a.url AS URLs,
    a.source AS NewsSources
FROM selected AS e
LEFT JOIN articles AS a USING (article_id)

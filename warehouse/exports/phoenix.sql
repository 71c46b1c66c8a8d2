-- Phoenix (OEDA) dataset names; one row per coded event, not yet one-a-day.
SELECT
    e.event_id AS EventID,
    strftime(e.event_date, '%Y%m%d') AS "Date",
    CAST(year(e.event_date) AS INTEGER) AS "Year",
    CAST(month(e.event_date) AS INTEGER) AS "Month",
    CAST(day(e.event_date) AS INTEGER) AS "Day",
    e.source_code AS SourceActorFull,
    e.source_country AS SourceActorEntity,
    e.source_role AS SourceActorRole,
    e.target_code AS TargetActorFull,
    e.target_country AS TargetActorEntity,
    e.target_role AS TargetActorRole,
    e.event_code AS EventCode,
    e.event_root_code AS EventRootCode,
    e.plover_category AS PloverCategory,
    e.quad_class AS QuadClass,
    e.goldstein AS GoldsteinScore,
    e.location_text AS LocationName,
    e.location_country AS CountryCode,
    e.article_id || '-' || CAST(e.sentence_index AS VARCHAR) AS SentenceID,
    a.url AS URLs,
    a.source AS NewsSources
FROM selected AS e
LEFT JOIN articles AS a USING (article_id)

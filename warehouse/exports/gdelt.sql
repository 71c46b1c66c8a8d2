-- GDELT 1.0 event-table names for the columns cameoflow has; one row per coded event.
SELECT
    e.event_id AS GLOBALEVENTID,
    CAST(strftime(e.event_date, '%Y%m%d') AS INTEGER) AS SQLDATE,
    CAST(strftime(e.event_date, '%Y%m') AS INTEGER) AS MonthYear,
    CAST(year(e.event_date) AS INTEGER) AS "Year",
    e.source_code AS Actor1Code,
    e.source_text AS Actor1Name,
    e.source_country AS Actor1CountryCode,
    e.source_role AS Actor1Type1Code,
    e.target_code AS Actor2Code,
    e.target_text AS Actor2Name,
    e.target_country AS Actor2CountryCode,
    e.target_role AS Actor2Type1Code,
    e.event_code AS EventCode,
    e.event_base_code AS EventBaseCode,
    e.event_root_code AS EventRootCode,
    e.quad_class AS QuadClass,
    e.goldstein AS GoldsteinScale,
    e.location_text AS ActionGeo_FullName,
    e.location_country AS ActionGeo_CountryCode,
    CAST(strftime(a.ingested_at, '%Y%m%d') AS INTEGER) AS DATEADDED,
    a.url AS SOURCEURL
FROM selected AS e
LEFT JOIN articles AS a USING (article_id)

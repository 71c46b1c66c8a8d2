-- ICEWS coded-event-data columns in ICEWS's order; Intensity is the Goldstein score, as in
-- ICEWS. Sectors are the actor code's role blocks; countries are CAMEO/ISO alpha-3 codes where
-- ICEWS writes names; District and Province are empty.
SELECT
    e.event_id AS "Event ID",
    strftime(e.event_date, '%Y-%m-%d') AS "Event Date",
    e.source_text AS "Source Name",
    e.source_role AS "Source Sectors",
    e.source_country AS "Source Country",
    e.verb_text AS "Event Text",
    e.event_code AS "CAMEO Code",
    e.goldstein AS "Intensity",
    e.target_text AS "Target Name",
    e.target_role AS "Target Sectors",
    e.target_country AS "Target Country",
    e.article_id AS "Story ID",
    e.sentence_index AS "Sentence Number",
    a.source AS "Publisher",
    nullif(coalesce(nullif(e.location_name, ''), e.location_text), '') AS "City",
    CAST(NULL AS VARCHAR) AS "District",
    CAST(NULL AS VARCHAR) AS "Province",
    nullif(e.location_country, '') AS "Country",
    e.location_lat AS "Latitude",
    e.location_lon AS "Longitude"
FROM selected AS e
LEFT JOIN articles AS a USING (article_id)

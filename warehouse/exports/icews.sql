-- ICEWS coded-event-data names; Intensity is the Goldstein score, as in ICEWS.
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
    e.location_text AS "City",
    e.location_country AS "Country"
FROM selected AS e
LEFT JOIN articles AS a USING (article_id)

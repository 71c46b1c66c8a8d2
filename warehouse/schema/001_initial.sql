-- cameoflow warehouse, version 1. Codes are VARCHAR everywhere so "0311" keeps its leading zero.
-- Applied once by warehouse/db.py inside a transaction; never edit a released migration, add 002.

CREATE TABLE articles (
    article_id   VARCHAR PRIMARY KEY,
    title        VARCHAR NOT NULL,
    text         VARCHAR NOT NULL,
    published_at TIMESTAMPTZ NOT NULL,
    source       VARCHAR,
    url          VARCHAR,
    language     VARCHAR,
    ingested_at  TIMESTAMPTZ,
    run_id       VARCHAR
);

CREATE TABLE sentences (
    article_id     VARCHAR NOT NULL,
    sentence_index INTEGER NOT NULL,
    text           VARCHAR NOT NULL,
    PRIMARY KEY (article_id, sentence_index)
);

CREATE TABLE events (
    event_id           VARCHAR PRIMARY KEY,
    article_id         VARCHAR NOT NULL,
    sentence_index     INTEGER NOT NULL,
    sentence_text      VARCHAR,
    event_date         DATE NOT NULL,
    date_precision     VARCHAR,
    date_source        VARCHAR,
    source_code        VARCHAR NOT NULL,
    source_country     VARCHAR,
    source_role        VARCHAR,
    source_text        VARCHAR,
    source_rule        VARCHAR,
    target_code        VARCHAR NOT NULL,
    target_country     VARCHAR,
    target_role        VARCHAR,
    target_text        VARCHAR,
    target_rule        VARCHAR,
    event_code         VARCHAR NOT NULL,
    event_base_code    VARCHAR NOT NULL,
    event_root_code    VARCHAR NOT NULL,
    quad_class         INTEGER NOT NULL,
    goldstein          DOUBLE NOT NULL,
    plover_category    VARCHAR,
    verb_text          VARCHAR,
    matched_rule       VARCHAR,
    negated            BOOLEAN NOT NULL,
    hypothetical       BOOLEAN NOT NULL,
    future             BOOLEAN NOT NULL,
    reported_speech    BOOLEAN NOT NULL,
    passive            BOOLEAN NOT NULL,
    location_text      VARCHAR,
    location_country   VARCHAR,
    coder_version      VARCHAR,
    dictionary_version VARCHAR,
    run_id             VARCHAR,
    trace              JSON
);

CREATE INDEX events_article_idx ON events (article_id);
CREATE INDEX events_date_idx ON events (event_date);

-- Events that failed validation: the whole row as JSON plus the names of the failed expectations.
-- No key: a batch replaces every quarantined row of its articles, and two failing rows may share
-- an event_id (that is one of the failures).
CREATE TABLE quarantine (
    event_id            VARCHAR,
    article_id          VARCHAR,
    run_id              VARCHAR,
    "row"               JSON NOT NULL,
    failed_expectations VARCHAR[] NOT NULL,
    quarantined_at      TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
);

CREATE TABLE runs (
    run_id             VARCHAR PRIMARY KEY,
    flow               VARCHAR NOT NULL,
    started_at         TIMESTAMPTZ NOT NULL,
    finished_at        TIMESTAMPTZ,
    status             VARCHAR NOT NULL,
    inputs             JSON,
    -- {"stage": {"in": n, "out": n, "quarantined": n}, ...}
    counts             JSON,
    coder_version      VARCHAR,
    dictionary_version VARCHAR,
    validation         JSON
);

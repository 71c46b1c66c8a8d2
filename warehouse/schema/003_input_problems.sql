-- Every problem a run met in its input, with its reason, so that what was not coded is in the
-- warehouse next to what was. skipped: the record (file, line, feed entry) produced no article;
-- false for a note on an article that was still coded (a fallback date, stripped HTML, ...).
-- A run's problems are written when the run closes, in the transaction that closes it.
CREATE TABLE input_problems (
    run_id      VARCHAR NOT NULL,
    source      VARCHAR NOT NULL,
    line        INTEGER NOT NULL,
    reason      VARCHAR NOT NULL,
    skipped     BOOLEAN NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
);
CREATE INDEX input_problems_run_idx ON input_problems (run_id);

-- Why a sentence was not coded at all (over the length limit, a discard phrase); NULL when it
-- was coded, whether or not it yielded events.
ALTER TABLE sentences ADD COLUMN not_coded_reason VARCHAR;

-- How each variant ended, beyond what variant.status can hold (its CHECK is the first schema's): CUT_OFF,
-- REFUSED, FILTERED, STOPPED. Null on older rows, whose status says it (CANCELLED reads as STOPPED).
ALTER TABLE variant ADD COLUMN outcome TEXT;
-- The model's own words declining, and its thinking: kept beside the text, never in it.
ALTER TABLE variant ADD COLUMN refusal TEXT;
ALTER TABLE variant ADD COLUMN thinking TEXT NOT NULL DEFAULT '';
-- The variant's own output tokens, across its continuations; null when one request served several variants.
ALTER TABLE variant ADD COLUMN output_tokens INTEGER;

-- A variant continued in place: each continuation is a request of its own, kept as sent, with its own usage.
CREATE TABLE continuation (
    id                   INTEGER PRIMARY KEY,
    variant_id           INTEGER NOT NULL REFERENCES variant(id) ON DELETE CASCADE,
    provider             TEXT    NOT NULL,
    model                TEXT    NOT NULL,
    messages             TEXT    NOT NULL,
    parameters           TEXT    NOT NULL DEFAULT '{}',
    text                 TEXT    NOT NULL DEFAULT '',
    input_tokens         INTEGER,
    output_tokens        INTEGER,
    cached_input_tokens  INTEGER,
    started_at           INTEGER NOT NULL,
    finished_at          INTEGER,
    status               TEXT    NOT NULL,
    stop_reason          TEXT,
    error                TEXT
);
CREATE INDEX continuation_variant ON continuation(variant_id);

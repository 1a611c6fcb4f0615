-- Quire library: what a story costs. One row per request to a provider, as it reported its usage: kept with the
-- generation and variant, continuation or conversation message it belongs to, and kept when those are deleted, so
-- the spend of a day stays what it was. Input is the whole prompt; cache read and cache write are parts of it.
CREATE TABLE request_usage (
    id                  INTEGER PRIMARY KEY,
    story_id            INTEGER REFERENCES story(id) ON DELETE SET NULL,
    generation_id       INTEGER REFERENCES generation(id) ON DELETE SET NULL,
    variant_idx         INTEGER,
    continuation_id     INTEGER REFERENCES continuation(id) ON DELETE SET NULL,
    message_id          INTEGER REFERENCES message(id) ON DELETE SET NULL,
    kind                TEXT    NOT NULL,
    provider            TEXT    NOT NULL,
    model               TEXT    NOT NULL,
    input_tokens        INTEGER,
    output_tokens       INTEGER,
    cache_read_tokens   INTEGER,
    cache_write_tokens  INTEGER,
    cache_ttl           TEXT,
    at                  INTEGER NOT NULL
);
CREATE INDEX request_usage_at ON request_usage(at);
CREATE INDEX request_usage_story ON request_usage(story_id, at);
CREATE INDEX request_usage_generation ON request_usage(generation_id);

-- Prices the writer set, per provider and model, per million tokens; they win over the shipped defaults.
CREATE TABLE price (
    provider        TEXT    NOT NULL,
    model           TEXT    NOT NULL,
    input           REAL    NOT NULL,
    output          REAL    NOT NULL,
    cache_write     REAL,
    cache_read      REAL,
    cache_write_1h  REAL,
    currency        TEXT    NOT NULL DEFAULT 'USD',
    updated_at      INTEGER NOT NULL,
    PRIMARY KEY (provider, model)
);

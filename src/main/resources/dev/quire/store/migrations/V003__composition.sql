-- Quire library, schema 3: each scene's stitching pane, kept between sessions until it is accepted.
-- columns is a JSON array of variant ids, left to right; a deleted variant's id is skipped when read.

CREATE TABLE composition (
    scene_id      INTEGER PRIMARY KEY REFERENCES scene(id) ON DELETE CASCADE,
    text          TEXT    NOT NULL DEFAULT '',
    spans         TEXT    NOT NULL DEFAULT '[]',
    columns       TEXT    NOT NULL DEFAULT '[]',
    placement     TEXT    NOT NULL DEFAULT 'REPLACE_SCENE'
        CHECK (placement IN ('REPLACE_SCENE', 'AT_CURSOR', 'REPLACE_SELECTION')),
    anchor_start  INTEGER NOT NULL DEFAULT 0 CHECK (anchor_start >= 0),
    anchor_end    INTEGER NOT NULL DEFAULT 0 CHECK (anchor_end >= anchor_start),
    updated_at    INTEGER NOT NULL
);

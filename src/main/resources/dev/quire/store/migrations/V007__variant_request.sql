-- Quire library, schema 7: a column per request. In a mixed set each variant was asked of its own provider and
-- model, with its own parameters and instruction: what was sent for it, its usage and its timing are kept on the
-- variant. Null on variants whose generation's own request served them (every variant before this version).
ALTER TABLE variant ADD COLUMN provider TEXT;
ALTER TABLE variant ADD COLUMN model TEXT;
ALTER TABLE variant ADD COLUMN parameters TEXT;
ALTER TABLE variant ADD COLUMN instruction TEXT;
ALTER TABLE variant ADD COLUMN messages TEXT;
ALTER TABLE variant ADD COLUMN input_tokens INTEGER;
ALTER TABLE variant ADD COLUMN cached_input_tokens INTEGER;
ALTER TABLE variant ADD COLUMN started_at INTEGER;
ALTER TABLE variant ADD COLUMN finished_at INTEGER;

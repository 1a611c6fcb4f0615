-- Quire library: richer lore keywords. Secondary keywords and how they combine with the keywords (AND_ANY, NOT_ALL,
-- NOT_ANY, AND_ALL), a priority (higher reaches the prompt first), a scan depth (how many recent scenes or
-- messages are searched; 0 is the default), and what a lorebook brought that Quire does not model (a JSON object,
-- given back when the lore is exported).
ALTER TABLE lore_entry ADD COLUMN secondary_keywords TEXT NOT NULL DEFAULT '[]';
ALTER TABLE lore_entry ADD COLUMN secondary_logic TEXT NOT NULL DEFAULT 'AND_ANY'
    CHECK (secondary_logic IN ('AND_ANY', 'NOT_ALL', 'NOT_ANY', 'AND_ALL'));
ALTER TABLE lore_entry ADD COLUMN priority INTEGER NOT NULL DEFAULT 0;
ALTER TABLE lore_entry ADD COLUMN scan_depth INTEGER NOT NULL DEFAULT 0 CHECK (scan_depth >= 0);
ALTER TABLE lore_entry ADD COLUMN extensions TEXT NOT NULL DEFAULT '{}';

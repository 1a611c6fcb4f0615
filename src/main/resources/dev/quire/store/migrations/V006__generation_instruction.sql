-- Quire library, schema 6: what the writer asked each generation for, kept beside its frame, provider, model and
-- time, so the generate panel shows a scene's last instruction after a restart and its history can say what each
-- set of variants was for. Generations kept before this version have none ('').

ALTER TABLE generation ADD COLUMN instruction TEXT NOT NULL DEFAULT '';

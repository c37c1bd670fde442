ALTER TABLE translations DROP COLUMN corrected;
ALTER TABLE translations DROP COLUMN sentences;
DROP TABLE sentence_corrections;
DROP TABLE translation_flags;
DROP TABLE space_glossaries;

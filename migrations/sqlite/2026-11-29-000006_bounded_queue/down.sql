DROP TABLE on_demand_languages;
DROP TABLE translation_backfills;
ALTER TABLE translation_jobs DROP COLUMN not_before;

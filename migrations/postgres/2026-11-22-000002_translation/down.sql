DROP TABLE segment_cache;
DROP TABLE translations;
DROP TABLE translation_jobs;

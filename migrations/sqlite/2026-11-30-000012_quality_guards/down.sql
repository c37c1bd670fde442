DROP TABLE quality_guard_hits;

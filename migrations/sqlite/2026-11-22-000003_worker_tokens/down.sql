DROP TABLE worker_tokens;

-- Tokens of translation workers on other machines. A table of their own, so that a
-- worker token can never act as a user: it leases and completes jobs, nothing else.
CREATE TABLE worker_tokens (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_by BIGINT NOT NULL REFERENCES users(id),
    created_at TIMESTAMP NOT NULL,
    last_used_at TIMESTAMP
);

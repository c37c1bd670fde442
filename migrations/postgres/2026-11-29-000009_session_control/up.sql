-- Sessions end after a configurable idle time, and their owner can list and end them:
-- when each was last used, and by what browser (its User-Agent, shortened).
ALTER TABLE sessions ADD COLUMN last_seen_at TIMESTAMP;
ALTER TABLE sessions ADD COLUMN user_agent TEXT;
UPDATE sessions SET last_seen_at = created_at;

DROP INDEX reports_one_open;
ALTER TABLE spaces DROP COLUMN invite_uses;
ALTER TABLE spaces DROP COLUMN invite_max_uses;
ALTER TABLE spaces DROP COLUMN invite_expires_at;

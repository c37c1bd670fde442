-- Invitation codes that teachers control: an optional expiry and use limit, counted on
-- each join; rotating the code resets the count.
ALTER TABLE spaces ADD COLUMN invite_expires_at TIMESTAMP;
ALTER TABLE spaces ADD COLUMN invite_max_uses INTEGER;
ALTER TABLE spaces ADD COLUMN invite_uses INTEGER NOT NULL DEFAULT 0;

-- One open report per reporter and post: repeats would only bury other reports. Earlier
-- repeats are closed as duplicates first, keeping each reporter's oldest open one.
UPDATE reports SET resolved_at = created_at, resolution = 'duplicate'
WHERE resolved_at IS NULL
  AND id NOT IN (
      SELECT MIN(id) FROM reports WHERE resolved_at IS NULL GROUP BY reporter_id, post_id
  );
CREATE UNIQUE INDEX reports_one_open ON reports(reporter_id, post_id) WHERE resolved_at IS NULL;

-- Where a user's notification email goes. Pontis asks nobody for an address at sign-up
-- (pupils need none): a user who wants email gives one on their profile, and it is used
-- only once a link mailed to it has been followed, so that nobody can point the school's
-- mail at someone else's mailbox.
ALTER TABLE notification_settings ADD COLUMN email_address TEXT;
-- An address given but not confirmed yet, and the random token of its confirmation link.
ALTER TABLE notification_settings ADD COLUMN pending_address TEXT;
ALTER TABLE notification_settings ADD COLUMN confirm_token TEXT;
ALTER TABLE notification_settings ADD COLUMN pending_since TIMESTAMP;
CREATE UNIQUE INDEX notification_settings_confirm ON notification_settings(confirm_token);

-- A message asking to confirm this address (no notification, no digest): it goes to the
-- address being confirmed, not to the confirmed one.
ALTER TABLE email_outbox ADD COLUMN confirm_address TEXT;

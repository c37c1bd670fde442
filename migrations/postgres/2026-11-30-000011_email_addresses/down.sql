ALTER TABLE email_outbox DROP COLUMN confirm_address;
DROP INDEX notification_settings_confirm;
ALTER TABLE notification_settings DROP COLUMN pending_since;
ALTER TABLE notification_settings DROP COLUMN confirm_token;
ALTER TABLE notification_settings DROP COLUMN pending_address;
ALTER TABLE notification_settings DROP COLUMN email_address;

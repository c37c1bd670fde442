DROP TABLE email_outbox;
DROP TABLE notification_settings;
DROP TABLE notifications;
DROP TABLE thread_watches;

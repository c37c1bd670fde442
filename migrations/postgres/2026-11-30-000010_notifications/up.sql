-- Who follows a thread beyond the default: 'watching' (every reply notifies) or 'muted'
-- (nothing from the thread notifies, mentions included). No row: mentions and quotes only.
CREATE TABLE thread_watches (
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    thread_id BIGINT NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
    level TEXT NOT NULL CHECK (level IN ('watching', 'muted')),
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (user_id, thread_id)
);
CREATE INDEX thread_watches_thread ON thread_watches(thread_id, level);

-- What happened that a user should learn of. Rows name what happened, not its text: the
-- excerpt is read at display time, in the reader's language, after their access is
-- checked again, so a post hidden or deleted since never shows through a notification.
CREATE TABLE notifications (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    actor_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    space_id BIGINT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    thread_id BIGINT REFERENCES threads(id) ON DELETE CASCADE,
    post_id BIGINT REFERENCES posts(id) ON DELETE CASCADE,
    reason TEXT,
    created_at TIMESTAMP NOT NULL,
    read_at TIMESTAMP
);
CREATE INDEX notifications_user ON notifications(user_id, id);

-- How a user wants to be told by email. No row: the defaults (immediately, every kind).
CREATE TABLE notification_settings (
    user_id BIGINT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    email_mode TEXT NOT NULL CHECK (email_mode IN ('off', 'immediate', 'digest')),
    -- Kinds that send no email, comma-separated.
    email_kinds_off TEXT NOT NULL DEFAULT '',
    -- Notifications up to this id are in a digest already.
    digested_up_to BIGINT NOT NULL DEFAULT 0,
    last_digest_at TIMESTAMP,
    -- Random, in every email's one-click unsubscribe link (RFC 8058): whoever holds a
    -- message may turn that recipient's email off, and nothing else.
    unsubscribe_token TEXT NOT NULL UNIQUE,
    updated_at TIMESTAMP NOT NULL
);

-- Email to send, written in the same transaction as the notification it tells of, so that
-- nothing is lost while the mail server is down. The Message-ID is fixed when the row is
-- written: a message sent again after a crash between sending and marking it sent carries
-- the same Message-ID, which receivers use to drop the duplicate. The text is rendered
-- at sending time, so a post hidden in between is never mailed.
CREATE TABLE email_outbox (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    -- One notification (immediate mode), or a digest of the user's notifications with
    -- ids in (digest_after, digest_up_to].
    notification_id BIGINT REFERENCES notifications(id) ON DELETE CASCADE,
    digest_after BIGINT,
    digest_up_to BIGINT,
    message_id TEXT NOT NULL UNIQUE,
    state TEXT NOT NULL CHECK (state IN ('queued', 'sent', 'dropped')),
    attempts INTEGER NOT NULL DEFAULT 0,
    not_before TIMESTAMP NOT NULL,
    last_error TEXT,
    created_at TIMESTAMP NOT NULL,
    sent_at TIMESTAMP
);
CREATE INDEX email_outbox_due ON email_outbox(state, not_before);

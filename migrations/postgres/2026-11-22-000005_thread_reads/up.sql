-- How far each user has read each thread, for the unread marks of the thread list.
CREATE TABLE thread_reads (
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    thread_id BIGINT NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
    last_read_post_id BIGINT NOT NULL,
    PRIMARY KEY (user_id, thread_id)
);

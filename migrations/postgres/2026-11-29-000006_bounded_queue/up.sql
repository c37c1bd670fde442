-- A failed job waits before it is leased again, longer after each attempt.
ALTER TABLE translation_jobs ADD COLUMN not_before TIMESTAMP;

-- A new member's language is backfilled once per space, not on every join.
CREATE TABLE translation_backfills (
    space_id BIGINT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (space_id, lang)
);

-- The languages each user asked for on demand, and when first within the hour: a user
-- may start only so many new on-demand languages an hour.
CREATE TABLE on_demand_languages (
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    requested_at TIMESTAMP NOT NULL,
    PRIMARY KEY (user_id, lang)
);

-- How often each quality guard rejected a model's translation: counted as workers report
-- them with their results, shown on the admin page.
CREATE TABLE quality_guard_hits (
    model TEXT NOT NULL,
    guard TEXT NOT NULL,
    hits BIGINT NOT NULL DEFAULT 0,
    last_at TIMESTAMP NOT NULL,
    PRIMARY KEY (model, guard)
);

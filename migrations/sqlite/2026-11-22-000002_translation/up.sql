-- A source is a post body (Markdown) or a thread title (plain text).

-- What needs translating: one row per source and target language, re-queued on every edit.
-- A worker leases rows for a while; a crashed worker's lease runs out and another takes it.
CREATE TABLE translation_jobs (
    id INTEGER PRIMARY KEY,
    source_kind TEXT NOT NULL CHECK (source_kind IN ('post', 'title')),
    source_id BIGINT NOT NULL,
    source_lang TEXT NOT NULL,
    target_lang TEXT NOT NULL,
    source_revision INTEGER NOT NULL,
    priority INTEGER NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('queued', 'leased', 'done', 'failed', 'unreachable')),
    attempts INTEGER NOT NULL DEFAULT 0,
    lease_owner TEXT,
    lease_expires_at TIMESTAMP,
    last_error TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (source_kind, source_id, target_lang)
);
CREATE INDEX translation_jobs_queue ON translation_jobs(state, priority DESC, id);

-- The latest translation of each source into each language, and the revision it
-- translates: older than the source's revision means stale.
CREATE TABLE translations (
    id INTEGER PRIMARY KEY,
    source_kind TEXT NOT NULL CHECK (source_kind IN ('post', 'title')),
    source_id BIGINT NOT NULL,
    target_lang TEXT NOT NULL,
    source_revision INTEGER NOT NULL,
    body TEXT NOT NULL,
    engine TEXT NOT NULL,
    model TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (source_kind, source_id, target_lang)
);

-- Sentence translations by (language pair, model, sentence), so that an edit translates
-- only the sentences that changed.
CREATE TABLE segment_cache (
    key TEXT PRIMARY KEY,
    translation TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);

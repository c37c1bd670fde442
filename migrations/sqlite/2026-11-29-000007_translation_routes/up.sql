-- The language pairs some worker can translate, as each worker last announced them: the
-- server's own at start-up (never expiring), a remote worker's with its leases (for a
-- day). A language is translated on demand only where a route reaches it.
CREATE TABLE translation_routes (
    provider TEXT NOT NULL,
    source_lang TEXT NOT NULL,
    target_lang TEXT NOT NULL,
    expires_at TIMESTAMP,
    PRIMARY KEY (provider, source_lang, target_lang)
);
CREATE INDEX translation_routes_pair ON translation_routes(source_lang, target_lang);

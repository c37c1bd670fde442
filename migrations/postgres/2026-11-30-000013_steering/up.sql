-- What teachers steer translation with, per space.

-- The class glossary: terms never translated (names) and terms with a fixed translation,
-- read and written whole, as a JSON list of entries (pontis_types::glossary).
CREATE TABLE space_glossaries (
    space_id BIGINT PRIMARY KEY REFERENCES spaces(id) ON DELETE CASCADE,
    entries TEXT NOT NULL,
    updated_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    updated_at TIMESTAMP NOT NULL
);

-- A reader's flag on one translated sentence, until a teacher approves a correction of
-- that sentence or dismisses the flag (both delete it).
CREATE TABLE translation_flags (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    space_id BIGINT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    post_id BIGINT NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    source_lang TEXT NOT NULL,
    target_lang TEXT NOT NULL,
    source TEXT NOT NULL,
    machine TEXT NOT NULL,
    suggestion TEXT,
    flagged_by BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX translation_flags_once
    ON translation_flags(post_id, target_lang, source, flagged_by);
CREATE INDEX translation_flags_space ON translation_flags(space_id, id);

-- A teacher's translation of one sentence, used instead of the engine's wherever that
-- sentence is translated between those languages in the space. Revoking deletes it.
CREATE TABLE sentence_corrections (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    space_id BIGINT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    source_lang TEXT NOT NULL,
    target_lang TEXT NOT NULL,
    source TEXT NOT NULL,
    translation TEXT NOT NULL,
    approved_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    approved_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX sentence_corrections_key
    ON sentence_corrections(space_id, source_lang, target_lang, source);

-- Each translation's sentences, source beside translation, for readers to flag one, and
-- whether a teacher's correction is among them (shown to readers).
ALTER TABLE translations ADD COLUMN sentences TEXT NOT NULL DEFAULT '[]';
ALTER TABLE translations ADD COLUMN corrected BOOLEAN NOT NULL DEFAULT FALSE;

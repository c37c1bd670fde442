-- What the search index must catch up on, written in the same transaction as the change
-- itself, so that no change is lost when the index is down or the process stops. Rows
-- name what changed, not how: the indexer rebuilds the documents from the tables.
CREATE TABLE search_outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    entity TEXT NOT NULL,
    entity_id BIGINT NOT NULL,
    created_at TIMESTAMP NOT NULL
);

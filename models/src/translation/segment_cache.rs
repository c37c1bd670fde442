//! Sentence translations kept between jobs, keyed by the pipeline's `segment_key`: an
//! edit that changes one sentence re-translates one sentence.

use std::collections::HashMap;

use diesel::prelude::*;

use crate::db::Db;
use crate::error::Result;
use crate::rows::now;
use crate::schema::segment_cache;

pub fn cached_segments(db: &Db, keys: &[String]) -> Result<HashMap<String, String>> {
    db.read(|conn| {
        let mut found = HashMap::new();
        for chunk in keys.chunks(500) {
            let rows: Vec<(String, String)> = segment_cache::table
                .filter(segment_cache::key.eq_any(chunk))
                .select((segment_cache::key, segment_cache::translation))
                .load(conn)?;
            found.extend(rows);
        }
        Ok(found)
    })
}

pub fn store_segments(db: &Db, entries: &[(String, String)]) -> Result<()> {
    if entries.is_empty() {
        return Ok(());
    }
    db.write(|conn| {
        let keys: Vec<&String> = entries.iter().map(|(k, _)| k).collect();
        let existing: Vec<String> = segment_cache::table
            .filter(segment_cache::key.eq_any(&keys))
            .select(segment_cache::key)
            .load(conn)?;
        let at = now();
        for (key, translation) in entries.iter().filter(|(k, _)| !existing.contains(k)) {
            diesel::insert_into(segment_cache::table)
                .values((
                    segment_cache::key.eq(key),
                    segment_cache::translation.eq(translation),
                    segment_cache::created_at.eq(at),
                ))
                .execute(conn)?;
        }
        Ok(())
    })
}

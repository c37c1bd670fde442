//! What search sees of the forum: the outbox of changes, the documents built from the
//! tables, and each reader's scope. Knows nothing of the index behind it.
//!
//! Every change search must see (a post written, edited, hidden, unhidden or deleted, a
//! translation stored, a thread hidden) writes an outbox row in the same transaction. The
//! indexer drains rows in batches and rebuilds each named post's documents from the tables
//! as they are then: replaying a row is harmless, and the order of rows does not matter.

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::access::Actor;
use crate::db::{AnyConnection, Db};
use crate::error::Result;
use crate::reading::Reading;
use crate::rows::{Post, Thread, now};
use crate::schema::{memberships, posts, search_outbox, spaces, threads, translations};
use pontis_types::{DocumentKind, Role, SourceKind, Visibility};

const ENTITY_POST: &str = "post";
const ENTITY_THREAD: &str = "thread";

/// Search must rebuild this post's documents.
pub(crate) fn touch_post(conn: &mut AnyConnection, post_id: i64) -> Result<()> {
    enqueue(conn, ENTITY_POST, post_id)
}

/// Search must rebuild the documents of every post in this thread.
pub(crate) fn touch_thread(conn: &mut AnyConnection, thread_id: i64) -> Result<()> {
    enqueue(conn, ENTITY_THREAD, thread_id)
}

/// A thread's title documents belong to its opening post.
pub(crate) fn touch_title(conn: &mut AnyConnection, thread_id: i64) -> Result<()> {
    if let Some(post_id) = opening_post(conn, thread_id)? {
        touch_post(conn, post_id)?;
    }
    Ok(())
}

fn enqueue(conn: &mut AnyConnection, entity: &str, entity_id: i64) -> Result<()> {
    // What search must see again, live readers may want to see too.
    crate::db::announce(conn)?;
    diesel::insert_into(search_outbox::table)
        .values((
            search_outbox::entity.eq(entity),
            search_outbox::entity_id.eq(entity_id),
            search_outbox::created_at.eq(now()),
        ))
        .execute(conn)?;
    Ok(())
}

fn opening_post(conn: &mut AnyConnection, thread_id: i64) -> Result<Option<i64>> {
    Ok(posts::table
        .filter(posts::thread_id.eq(thread_id))
        .order(posts::id.asc())
        .select(posts::id)
        .first(conn)
        .optional()?)
}

/// One text of one post in one language: the original or a translation. A thread's title
/// is a document of its opening post, so that every hit is a post.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchDocument {
    /// Unique per post, kind and language: `{post_id}-{kind}-{lang}`.
    pub id: String,
    pub post_id: i64,
    pub thread_id: i64,
    pub space_id: i64,
    pub author_id: i64,
    pub kind: DocumentKind,
    /// The language of `text`.
    pub lang: String,
    /// The language the author wrote in.
    pub origin_lang: String,
    pub is_original: bool,
    /// The post revision `text` belongs to.
    pub revision: i32,
    /// False when the post or its thread is hidden: only moderators and the author find it.
    pub visible: bool,
    /// Seconds since the Unix epoch.
    pub created_at: i64,
    pub text: String,
}

impl SearchDocument {
    pub fn document_id(post_id: i64, kind: DocumentKind, lang: &str) -> String {
        format!("{post_id}-{kind}-{lang}")
    }
}

/// The documents a post has now; none once it is deleted or gone.
#[derive(Debug, Clone, PartialEq)]
pub struct PostDocuments {
    pub post_id: i64,
    pub documents: Vec<SearchDocument>,
}

/// Outbox rows taken together, with the documents they call for.
#[derive(Debug, Clone)]
pub struct OutboxBatch {
    /// Rows to acknowledge once the index holds `posts`.
    pub row_ids: Vec<i64>,
    pub posts: Vec<PostDocuments>,
}

/// The oldest outbox rows, up to `limit`, and the current documents of the posts they name;
/// `None` when the outbox is empty.
pub fn outbox_batch(db: &Db, limit: i64) -> Result<Option<OutboxBatch>> {
    db.read(|conn| {
        let rows: Vec<(i64, String, i64)> = search_outbox::table
            .order(search_outbox::id.asc())
            .limit(limit)
            .select((
                search_outbox::id,
                search_outbox::entity,
                search_outbox::entity_id,
            ))
            .load(conn)?;
        if rows.is_empty() {
            return Ok(None);
        }
        let mut post_ids = BTreeSet::new();
        let mut thread_ids = Vec::new();
        for (_, entity, id) in &rows {
            if entity == ENTITY_THREAD {
                thread_ids.push(*id);
            } else {
                post_ids.insert(*id);
            }
        }
        if !thread_ids.is_empty() {
            let in_threads: Vec<i64> = posts::table
                .filter(posts::thread_id.eq_any(&thread_ids))
                .select(posts::id)
                .load(conn)?;
            post_ids.extend(in_threads);
        }
        let post_ids: Vec<i64> = post_ids.into_iter().collect();
        Ok(Some(OutboxBatch {
            row_ids: rows.iter().map(|(id, _, _)| *id).collect(),
            posts: documents_for_posts(conn, &post_ids)?,
        }))
    })
}

/// Forgets outbox rows the index now reflects. Rows written since the batch was read stay.
pub fn acknowledge(db: &Db, row_ids: &[i64]) -> Result<()> {
    db.write(|conn| {
        for chunk in row_ids.chunks(500) {
            diesel::delete(search_outbox::table.filter(search_outbox::id.eq_any(chunk)))
                .execute(conn)?;
        }
        Ok(())
    })
}

/// The newest outbox row, if any.
pub fn outbox_last_id(db: &Db) -> Result<Option<i64>> {
    db.read(|conn| {
        Ok(search_outbox::table
            .select(diesel::dsl::max(search_outbox::id))
            .first::<Option<i64>>(conn)?)
    })
}

/// Forgets every outbox row up to `last_id`, once a rebuild has covered them.
pub fn acknowledge_through(db: &Db, last_id: i64) -> Result<()> {
    db.write(|conn| {
        diesel::delete(search_outbox::table.filter(search_outbox::id.le(last_id))).execute(conn)?;
        Ok(())
    })
}

/// Outbox rows not yet indexed, for health checks and tests.
pub fn outbox_len(db: &Db) -> Result<i64> {
    db.read(|conn| Ok(search_outbox::table.count().get_result(conn)?))
}

/// Post ids in order, `limit` at a time after `after`, for rebuilding the whole index.
pub fn post_ids_after(db: &Db, after: i64, limit: i64) -> Result<Vec<i64>> {
    db.read(|conn| {
        Ok(posts::table
            .filter(posts::id.gt(after))
            .order(posts::id.asc())
            .limit(limit)
            .select(posts::id)
            .load(conn)?)
    })
}

/// The documents of each post as the tables hold them now: the original body, each
/// translation of the current revision (a translation of an older one would match words the
/// post no longer says), and for an opening post its thread's title and title translations.
pub fn documents_for(db: &Db, post_ids: &[i64]) -> Result<Vec<PostDocuments>> {
    db.read(|conn| documents_for_posts(conn, post_ids))
}

fn documents_for_posts(conn: &mut AnyConnection, post_ids: &[i64]) -> Result<Vec<PostDocuments>> {
    let mut found: HashMap<i64, Post> = HashMap::new();
    for chunk in post_ids.chunks(500) {
        let rows: Vec<Post> = posts::table
            .filter(posts::id.eq_any(chunk))
            .select(Post::as_select())
            .load(conn)?;
        found.extend(rows.into_iter().map(|p| (p.id, p)));
    }
    let thread_ids: BTreeSet<i64> = found.values().map(|p| p.thread_id).collect();
    let thread_ids: Vec<i64> = thread_ids.into_iter().collect();
    let threads_by_id: HashMap<i64, Thread> = threads::table
        .filter(threads::id.eq_any(&thread_ids))
        .select(Thread::as_select())
        .load(conn)?
        .into_iter()
        .map(|t| (t.id, t))
        .collect();
    let openers: HashMap<i64, i64> = posts::table
        .filter(posts::thread_id.eq_any(&thread_ids))
        .group_by(posts::thread_id)
        .select((posts::thread_id, diesel::dsl::min(posts::id)))
        .load::<(i64, Option<i64>)>(conn)?
        .into_iter()
        .filter_map(|(thread, first)| first.map(|first| (thread, first)))
        .collect();
    let live: Vec<i64> = found
        .values()
        .filter(|p| p.deleted_at.is_none())
        .map(|p| p.id)
        .collect();
    let body_translations = load_translations(conn, SourceKind::Post, &live)?;
    let title_translations = load_translations(conn, SourceKind::Title, &thread_ids)?;

    let mut result = Vec::with_capacity(post_ids.len());
    for &post_id in post_ids {
        let mut documents = Vec::new();
        if let Some(post) = found.get(&post_id).filter(|p| p.deleted_at.is_none())
            && let Some(thread) = threads_by_id.get(&post.thread_id)
        {
            let base = DocumentBase {
                post,
                thread,
                visible: !post.hidden && !thread.hidden,
            };
            documents.push(base.document(DocumentKind::Body, &post.lang, &post.body, true));
            for (lang, revision, text) in body_translations.get(&post.id).into_iter().flatten() {
                if *revision == post.revision {
                    documents.push(base.document(DocumentKind::Body, lang, text, false));
                }
            }
            if openers.get(&thread.id) == Some(&post.id) {
                documents.push(base.document(
                    DocumentKind::Title,
                    &thread.lang,
                    &thread.title,
                    true,
                ));
                for (lang, _, text) in title_translations.get(&thread.id).into_iter().flatten() {
                    documents.push(base.document(DocumentKind::Title, lang, text, false));
                }
            }
        }
        result.push(PostDocuments { post_id, documents });
    }
    Ok(result)
}

type StoredTranslations = HashMap<i64, Vec<(String, i32, String)>>;

fn load_translations(
    conn: &mut AnyConnection,
    kind: SourceKind,
    ids: &[i64],
) -> Result<StoredTranslations> {
    let mut by_source: StoredTranslations = HashMap::new();
    for chunk in ids.chunks(500) {
        let rows: Vec<(i64, String, i32, String)> = translations::table
            .filter(translations::source_kind.eq(kind))
            .filter(translations::source_id.eq_any(chunk))
            .select((
                translations::source_id,
                translations::target_lang,
                translations::source_revision,
                translations::body,
            ))
            .load(conn)?;
        for (source, lang, revision, text) in rows {
            by_source
                .entry(source)
                .or_default()
                .push((lang, revision, text));
        }
    }
    Ok(by_source)
}

struct DocumentBase<'a> {
    post: &'a Post,
    thread: &'a Thread,
    visible: bool,
}

impl DocumentBase<'_> {
    fn document(
        &self,
        kind: DocumentKind,
        lang: &str,
        text: &str,
        is_original: bool,
    ) -> SearchDocument {
        SearchDocument {
            id: SearchDocument::document_id(self.post.id, kind, lang),
            post_id: self.post.id,
            thread_id: self.thread.id,
            space_id: self.thread.space_id,
            author_id: self.post.author_id,
            kind,
            lang: lang.to_owned(),
            origin_lang: match kind {
                DocumentKind::Body => self.post.lang.clone(),
                DocumentKind::Title => self.thread.lang.clone(),
            },
            is_original,
            revision: self.post.revision,
            visible: self.visible,
            created_at: timestamp(self.post.created_at),
            text: text.to_owned(),
        }
    }
}

fn timestamp(at: NaiveDateTime) -> i64 {
    at.and_utc().timestamp()
}

/// Which documents a reader may find: the spaces they can read, and those where they also
/// see hidden posts. Their own hidden posts they always find.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReaderScope {
    pub user_id: i64,
    /// The language results are shown in: the one asked for, else the reader's first.
    pub lang: String,
    pub readable_spaces: Vec<i64>,
    pub moderated_spaces: Vec<i64>,
}

/// The same rules as `SpaceAccess`: admins read and moderate everything; others read public
/// spaces and the spaces they belong to, and moderate where their role says so.
pub fn reader_scope(db: &Db, actor: &Actor, lang: Option<&str>) -> Result<ReaderScope> {
    db.read(|conn| {
        let lang = Reading::of(conn, actor, lang)?.lang().to_owned();
        let all: Vec<(i64, Visibility)> = spaces::table
            .select((spaces::id, spaces::visibility))
            .load(conn)?;
        let roles: HashMap<i64, Role> = memberships::table
            .filter(memberships::user_id.eq(actor.user_id))
            .select((memberships::space_id, memberships::role))
            .load::<(i64, Role)>(conn)?
            .into_iter()
            .collect();
        let mut scope = ReaderScope {
            user_id: actor.user_id,
            lang,
            readable_spaces: Vec::new(),
            moderated_spaces: Vec::new(),
        };
        for (space_id, visibility) in all {
            let role = roles.get(&space_id).copied();
            let public = visibility == Visibility::Public;
            if actor.is_admin || role.is_some() || public {
                scope.readable_spaces.push(space_id);
            }
            if actor.is_admin || role.is_some_and(|r| r.moderates()) {
                scope.moderated_spaces.push(space_id);
            }
        }
        Ok(scope)
    })
}

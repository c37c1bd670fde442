//! One event hub per process for every live stream: each look at the database serves all
//! subscribers at once, so the queries it costs do not grow with the number of open
//! streams. A look happens when a writer of this process commits an announced change (on
//! PostgreSQL, any process: LISTEN/NOTIFY), at most once per `INTERVAL`, and otherwise
//! every `FALLBACK` for writers that announce nothing here. Each subscriber's access is
//! checked again at every look, for all of them together, before anything reaches them.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use pontis_models::changes::{self, Activity, Mark, Sight};
use pontis_models::{Actor, Db, notifications};
use pontis_types::NotificationView;
use tokio::sync::mpsc;

/// The shortest time between two looks.
const INTERVAL: Duration = Duration::from_millis(500);
/// The longest time between two looks when nothing announces a change.
const FALLBACK: Duration = Duration::from_secs(10);
/// Events waiting for a slow client; past this the client is dropped (and reconnects).
const BACKLOG: usize = 64;

/// What a subscriber hears.
#[derive(Debug, Clone)]
pub enum LiveEvent {
    Post {
        thread_id: i64,
        post_id: i64,
    },
    /// A post's translation (`post_id`), or the title's (`None`), into the reader's language.
    Translation {
        thread_id: i64,
        post_id: Option<i64>,
    },
    Notification {
        view: Box<NotificationView>,
        unread_count: i64,
    },
    /// The reader may no longer follow this thread live.
    End {
        thread_id: i64,
    },
}

/// What one stream follows.
struct Subscriber {
    actor: Actor,
    /// What was already there when the stream opened is not news to it.
    since: Mark,
    /// Each followed thread, with the language its reader reads it in.
    threads: Vec<(i64, String)>,
    notifications: bool,
    tx: mpsc::Sender<LiveEvent>,
}

#[derive(Default)]
struct Topics {
    next_id: u64,
    subscribers: HashMap<u64, Subscriber>,
}

struct Shared {
    topics: Mutex<Topics>,
    woken: Mutex<bool>,
    wake: Condvar,
    stop: AtomicBool,
}

impl Shared {
    fn topics(&self) -> MutexGuard<'_, Topics> {
        // A panic elsewhere while holding the lock leaves plain data behind: keep going.
        self.topics.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn wake(&self) {
        *self.woken.lock().unwrap_or_else(|e| e.into_inner()) = true;
        self.wake.notify_one();
    }
}

/// The process's hub; stops its thread when dropped.
pub struct Hub {
    shared: Arc<Shared>,
    threads: Vec<JoinHandle<()>>,
    listener_stop: Arc<AtomicBool>,
}

/// A stream's place in the hub, given up when the stream is dropped.
pub struct Subscription {
    id: u64,
    shared: Arc<Shared>,
    pub events: mpsc::Receiver<LiveEvent>,
}

impl Drop for Subscription {
    fn drop(&mut self) {
        self.shared.topics().subscribers.remove(&self.id);
    }
}

impl Hub {
    /// Starts the hub over `db`, returning it and the handle writers must use so that
    /// their announced changes wake it.
    pub fn start(db: Db) -> std::io::Result<(Self, Db)> {
        let shared = Arc::new(Shared {
            topics: Mutex::new(Topics::default()),
            woken: Mutex::new(false),
            wake: Condvar::new(),
            stop: AtomicBool::new(false),
        });
        let waker = Arc::clone(&shared);
        let hook: pontis_models::db::ChangeHook = Arc::new(move || waker.wake());
        let db = db.with_change_hook(Arc::clone(&hook));
        let listener_stop = Arc::new(AtomicBool::new(false));
        let mut threads = Vec::new();
        if let Some(listener) = db.spawn_change_listener(hook, Arc::clone(&listener_stop))? {
            threads.push(listener);
        }
        let looker = Arc::clone(&shared);
        let looking_db = db.clone();
        threads.push(
            std::thread::Builder::new()
                .name("event-hub".into())
                .spawn(move || run(&looker, &looking_db))?,
        );
        Ok((
            Self {
                shared,
                threads,
                listener_stop,
            },
            db,
        ))
    }

    /// Follows `threads` (each with its reading language) and, with `notifications`, the
    /// actor's new notifications, from `since` (`changes::mark` when the stream opened).
    /// Access was checked by the caller for the first look.
    pub fn subscribe(
        &self,
        actor: Actor,
        threads: Vec<(i64, String)>,
        notifications: bool,
        since: Mark,
    ) -> Subscription {
        let (tx, events) = mpsc::channel(BACKLOG);
        let mut topics = self.shared.topics();
        let id = topics.next_id;
        topics.next_id += 1;
        topics.subscribers.insert(
            id,
            Subscriber {
                actor,
                since,
                threads,
                notifications,
                tx,
            },
        );
        Subscription {
            id,
            shared: Arc::clone(&self.shared),
            events,
        }
    }

    /// Open streams, for the operator's figures and tests.
    pub fn subscribers(&self) -> usize {
        self.shared.topics().subscribers.len()
    }
}

impl Drop for Hub {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::Relaxed);
        self.listener_stop.store(true, Ordering::Relaxed);
        self.shared.wake();
        for thread in self.threads.drain(..) {
            let _ = thread.join();
        }
    }
}

/// One subscriber as a look sees it.
struct Watcher {
    id: u64,
    actor: Actor,
    since: Mark,
    threads: Vec<(i64, String)>,
    notifications: bool,
    tx: mpsc::Sender<LiveEvent>,
}

/// A copy of what one look needs, taken under the lock and used without it.
struct Snapshot {
    subscribers: Vec<Watcher>,
}

impl Snapshot {
    fn take(shared: &Shared) -> Self {
        let topics = shared.topics();
        Self {
            subscribers: topics
                .subscribers
                .iter()
                .map(|(id, s)| Watcher {
                    id: *id,
                    actor: s.actor,
                    since: s.since,
                    threads: s.threads.clone(),
                    notifications: s.notifications,
                    tx: s.tx.clone(),
                })
                .collect(),
        }
    }

    fn thread_ids(&self) -> Vec<i64> {
        let ids: HashSet<i64> = self
            .subscribers
            .iter()
            .flat_map(|w| w.threads.iter().map(|(t, _)| *t))
            .collect();
        ids.into_iter().collect()
    }

    fn user_ids(&self) -> Vec<i64> {
        let ids: HashSet<i64> = self
            .subscribers
            .iter()
            .filter(|w| w.notifications)
            .map(|w| w.actor.user_id)
            .collect();
        ids.into_iter().collect()
    }

    fn readers(&self) -> Vec<(Actor, i64)> {
        let pairs: HashSet<(i64, bool, i64)> = self
            .subscribers
            .iter()
            .flat_map(|w| {
                w.threads
                    .iter()
                    .map(|(t, _)| (w.actor.user_id, w.actor.is_admin, *t))
            })
            .collect();
        pairs
            .into_iter()
            .map(|(user_id, is_admin, thread)| (Actor { user_id, is_admin }, thread))
            .collect()
    }
}

fn run(shared: &Shared, db: &Db) {
    let mut mark = loop {
        match changes::mark(db) {
            Ok(mark) => break mark,
            Err(error) => {
                tracing::warn!(%error, "event hub cannot read the database yet");
                if wait(shared, FALLBACK).1 {
                    return;
                }
            }
        }
    };
    let mut last_look = Instant::now();
    loop {
        let (woken, stopped) = wait(shared, FALLBACK);
        if stopped {
            return;
        }
        // Writes come in bursts: one look serves all of an interval's.
        let since = last_look.elapsed();
        if since < INTERVAL {
            std::thread::sleep(INTERVAL - since);
        }
        last_look = Instant::now();
        match look(shared, db, mark, woken) {
            Ok(next) => mark = next,
            Err(error) => tracing::warn!(%error, "event hub look failed; trying again"),
        }
    }
}

/// Waits up to `timeout` for a wake; returns (woken, stopped).
fn wait(shared: &Shared, timeout: Duration) -> (bool, bool) {
    let guard = shared.woken.lock().unwrap_or_else(|e| e.into_inner());
    let (mut woken, _) = shared
        .wake
        .wait_timeout_while(guard, timeout, |woken| {
            !*woken && !shared.stop.load(Ordering::Relaxed)
        })
        .unwrap_or_else(|e| e.into_inner());
    let was_woken = std::mem::replace(&mut *woken, false);
    (was_woken, shared.stop.load(Ordering::Relaxed))
}

/// One look for every subscriber: returns the new mark.
fn look(shared: &Shared, db: &Db, after: Mark, woken: bool) -> pontis_models::Result<Mark> {
    let upto = changes::mark(db)?;
    let snapshot = Snapshot::take(shared);
    if snapshot.subscribers.is_empty() || (upto == after && !woken) {
        return Ok(upto);
    }
    let activity = changes::activity(
        db,
        &snapshot.thread_ids(),
        &snapshot.user_ids(),
        after,
        upto,
    )?;
    // Checked again at every look that may tell anyone anything.
    let sights = changes::audience(db, &snapshot.readers())?;
    let mut told = Told::new(db, &activity);
    let mut gone = Vec::new();
    let mut ended: Vec<(u64, i64)> = Vec::new();
    for watcher in &snapshot.subscribers {
        let actor = &watcher.actor;
        let mut events = Vec::new();
        for (thread_id, lang) in &watcher.threads {
            let Some(sight) = sights.get(&(actor.user_id, *thread_id)) else {
                continue;
            };
            if !sight.follows {
                events.push(LiveEvent::End {
                    thread_id: *thread_id,
                });
                ended.push((watcher.id, *thread_id));
                continue;
            }
            events.extend(thread_events(&activity, watcher, *thread_id, lang, sight));
        }
        if watcher.notifications {
            events.extend(
                told.notifications_for(actor)?
                    .into_iter()
                    .filter(|(id, _)| *id > watcher.since.notification)
                    .map(|(_, event)| event),
            );
        }
        for event in events {
            if watcher.tx.try_send(event).is_err() {
                gone.push(watcher.id);
                break;
            }
        }
    }
    let mut topics = shared.topics();
    for id in gone {
        topics.subscribers.remove(&id);
    }
    for (id, thread_id) in ended {
        if let Some(subscriber) = topics.subscribers.get_mut(&id) {
            subscriber.threads.retain(|(t, _)| *t != thread_id);
        }
    }
    Ok(upto)
}

fn thread_events(
    activity: &Activity,
    watcher: &Watcher,
    thread_id: i64,
    lang: &str,
    sight: &Sight,
) -> Vec<LiveEvent> {
    let user_id = watcher.actor.user_id;
    let posts = activity
        .posts
        .iter()
        .filter(|p| p.id > watcher.since.post)
        .filter(|p| p.thread_id == thread_id && p.visible_to(user_id, sight))
        .map(|p| LiveEvent::Post {
            thread_id,
            post_id: p.id,
        });
    let translations = activity
        .translations
        .iter()
        .filter(|t| t.id > watcher.since.translation)
        .filter(|t| t.thread_id == thread_id && t.lang == lang)
        .filter(|t| t.post.as_ref().is_none_or(|p| p.visible_to(user_id, sight)))
        .map(|t| LiveEvent::Translation {
            thread_id,
            post_id: t.post.as_ref().map(|p| p.id),
        });
    posts.chain(translations).collect()
}

/// Notifications as each recipient sees them, read once per look and user however many
/// streams they have open.
struct Told<'a> {
    db: &'a Db,
    activity: &'a Activity,
    seen: HashMap<i64, Vec<(i64, LiveEvent)>>,
}

impl<'a> Told<'a> {
    fn new(db: &'a Db, activity: &'a Activity) -> Self {
        Self {
            db,
            activity,
            seen: HashMap::new(),
        }
    }

    /// (notification id, event) for each new notification the actor may see.
    fn notifications_for(&mut self, actor: &Actor) -> pontis_models::Result<Vec<(i64, LiveEvent)>> {
        if let Some(events) = self.seen.get(&actor.user_id) {
            return Ok(events.clone());
        }
        let ids: Vec<i64> = self
            .activity
            .notifications
            .iter()
            .filter(|(user, _)| *user == actor.user_id)
            .map(|(_, id)| *id)
            .collect();
        let mut events = Vec::new();
        if !ids.is_empty() {
            let unread_count = notifications::unread_count(self.db, actor)?.unread_count;
            for id in ids {
                if let Some(view) = notifications::visible_notification(self.db, actor, id)? {
                    events.push((
                        id,
                        LiveEvent::Notification {
                            view: Box::new(view),
                            unread_count,
                        },
                    ));
                }
            }
        }
        self.seen.insert(actor.user_id, events.clone());
        Ok(events)
    }
}

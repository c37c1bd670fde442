//! Who is told of what, and what each recipient may still see of it, on both databases.

use pontis_models::testing::TestDb;
use pontis_models::testing::{space, user};
use pontis_models::{
    Actor, Db, Delivery, moderation, notifications, on_both_backends, posts, spaces, threads,
};
use pontis_types::*;

fn join(db: &Db, who: &Actor, s: &SpaceView) {
    spaces::join(
        db,
        who,
        &s.slug,
        JoinSpaceRequest {
            invite_code: s.invite_code.clone(),
        },
    )
    .expect("join");
}

fn start(db: &Db, who: &Actor, slug: &str, body: &str) -> ThreadWithPostView {
    threads::create_thread(
        db,
        who,
        slug,
        CreateThreadRequest {
            title: "Solar panels".into(),
            body: body.into(),
            lang: Some("en".into()),
        },
    )
    .expect("thread")
}

fn reply(db: &Db, who: &Actor, thread_id: i64, body: &str) -> PostView {
    posts::create_post(
        db,
        who,
        thread_id,
        CreatePostRequest {
            body: body.into(),
            lang: Some("en".into()),
        },
    )
    .expect("reply")
}

/// (kind, post id) of every notification about posts the user sees, newest first.
fn seen(db: &Db, who: &Actor) -> Vec<(NotificationKind, Option<i64>)> {
    notifications::list(db, who, false, None, 50)
        .expect("list")
        .items
        .iter()
        .filter(|n| n.kind != NotificationKind::MemberJoined)
        .map(|n| (n.kind, n.post_id))
        .collect()
}

fn joins_seen(db: &Db, who: &Actor) -> usize {
    notifications::list(db, who, false, None, 50)
        .expect("list")
        .items
        .iter()
        .filter(|n| n.kind == NotificationKind::MemberJoined)
        .count()
}

/// Gives `who` a confirmed address, as following the mailed link does.
fn confirmed_address(db: &Db, who: &Actor, address: &str) {
    notifications::address::request_address(db, who, address).expect("address");
    let (_, token) = pontis_models::testing::email_tokens(db, who.user_id);
    let confirmed = notifications::address::confirm(db, &token.expect("a confirmation token"))
        .expect("confirm");
    assert!(confirmed.is_some());
}

fn unread(db: &Db, who: &Actor) -> i64 {
    notifications::unread_count(db, who)
        .expect("count")
        .unread_count
}

fn replies_reach_watchers_once_and_never_the_author(t: TestDb) {
    let db = &t.db;
    let (ana, ben, carla) = (
        user(db, "ana", &["en"]),
        user(db, "ben", &["en"]),
        user(db, "carla", &["en"]),
    );
    let s = space(db, &ana, "solar", Visibility::Public);
    join(db, &ben, &s);
    join(db, &carla, &s);
    let t1 = start(db, &ana, "solar", "How many panels?");
    let r1 = reply(db, &ben, t1.thread.id, "Four, I think.");
    // Ana started the thread, so she watches it; Ben wrote the reply; Carla does not watch.
    assert_eq!(seen(db, &ana)[0], (NotificationKind::Reply, Some(r1.id)));
    assert!(seen(db, &ben).is_empty());
    assert!(
        !seen(db, &carla)
            .iter()
            .any(|(k, _)| *k == NotificationKind::Reply)
    );
    // Ben replied, so he now watches: Ana's answer reaches him, not her.
    let r2 = reply(db, &ana, t1.thread.id, "Thanks!");
    assert_eq!(seen(db, &ben), vec![(NotificationKind::Reply, Some(r2.id))]);
    assert_eq!(seen(db, &ana).len(), 1);
    // A mention of a watcher is one notification, of the stronger kind.
    let r3 = reply(db, &carla, t1.thread.id, "@ana @ben @nobody good idea");
    assert_eq!(seen(db, &ana)[0], (NotificationKind::Mention, Some(r3.id)));
    assert_eq!(seen(db, &ana).len(), 2);
    // Muting stops everything from the thread, mentions included.
    notifications::set_watch(db, &ben, t1.thread.id, WatchLevel::Muted).expect("mute");
    reply(db, &carla, t1.thread.id, "@ben are you there?");
    assert_eq!(seen(db, &ben).len(), 2);
    assert_eq!(
        notifications::watch_level(db, &ben, t1.thread.id)
            .expect("level")
            .level,
        WatchLevel::Muted
    );
    // Reading: some ids, then everything up to one.
    // Two replies and a mention, and two members who joined her space.
    assert_eq!(unread(db, &ana), 5);
    let newest = notifications::list(db, &ana, true, None, 50)
        .expect("list")
        .items[0]
        .id;
    let count = notifications::mark_read(
        db,
        &ana,
        MarkReadRequest {
            ids: vec![newest],
            up_to: None,
        },
    )
    .expect("read");
    assert_eq!(count.unread_count, 4);
    notifications::mark_read(
        db,
        &ana,
        MarkReadRequest {
            ids: vec![],
            up_to: Some(newest),
        },
    )
    .expect("read all");
    assert_eq!(unread(db, &ana), 0);
    assert!(
        notifications::list(db, &ana, true, None, 50)
            .expect("list")
            .items
            .is_empty()
    );
    // Nobody marks another's notifications read.
    let before = unread(db, &ben);
    notifications::mark_read(
        db,
        &carla,
        MarkReadRequest {
            ids: vec![],
            up_to: Some(i64::MAX),
        },
    )
    .expect("read");
    assert_eq!(unread(db, &ben), before);
}

fn mentions_reach_only_those_who_may_read(t: TestDb) {
    let db = &t.db;
    let (ana, ben, outsider) = (
        user(db, "ana", &["en"]),
        user(db, "ben", &["en"]),
        user(db, "outsider", &["en"]),
    );
    let s = space(db, &ana, "closed", Visibility::MembersOnly);
    join(db, &ben, &s);
    // With email on, each notification stored queues one email: the outsider's would show.
    let db = &db.clone().with_delivery(Delivery { email: true });
    confirmed_address(db, &ben, "ben@school.example");
    confirmed_address(db, &outsider, "outsider@elsewhere.example");
    let before = notifications::outbox_len(db).expect("len");
    let t1 = start(
        db,
        &ana,
        "closed",
        "Hello @ben and @outsider, look at `@ana`.",
    );
    assert_eq!(
        seen(db, &ben),
        vec![(NotificationKind::Mention, Some(t1.post.id))]
    );
    assert!(seen(db, &outsider).is_empty());
    assert_eq!(notifications::outbox_len(db).expect("len"), before + 1);
    assert!(seen(db, &ana).is_empty());
}

fn quotes_reach_the_quoted_author(t: TestDb) {
    let db = &t.db;
    let (ana, ben, carla) = (
        user(db, "ana", &["en"]),
        user(db, "ben", &["en"]),
        user(db, "carla", &["en"]),
    );
    let s = space(db, &ana, "solar", Visibility::Public);
    join(db, &ben, &s);
    join(db, &carla, &s);
    let t1 = start(db, &ana, "solar", "Start");
    let quoted = reply(db, &ben, t1.thread.id, "Panels face south.");
    notifications::set_watch(db, &ben, t1.thread.id, WatchLevel::Normal).expect("unwatch");
    let quoting = reply(
        db,
        &carla,
        t1.thread.id,
        &format!(
            "> Panels face south.\n> — [@ben](#post-{})\n\nWhy?",
            quoted.id
        ),
    );
    assert_eq!(
        seen(db, &ben),
        vec![(NotificationKind::Quote, Some(quoting.id))]
    );
}

fn moderation_reports_and_joins_reach_the_right_people(t: TestDb) {
    let db = &t.db;
    let (owner, teacher, student, other) = (
        user(db, "owner", &["en"]),
        user(db, "teacher", &["en"]),
        user(db, "student", &["en"]),
        user(db, "other", &["en"]),
    );
    let s = space(db, &owner, "solar", Visibility::Public);
    join(db, &teacher, &s);
    spaces::set_role(db, &owner, "solar", "teacher", Role::Teacher).expect("role");
    join(db, &student, &s);
    join(db, &other, &s);
    // Owners learn of new members; teachers and students do not.
    assert_eq!(joins_seen(db, &owner), 3);
    assert_eq!(joins_seen(db, &teacher), 0);
    assert_eq!(joins_seen(db, &student), 0);
    let t1 = start(db, &student, "solar", "My phone number is 555");
    let post = t1.post.id;
    moderation::report_post(
        db,
        &other,
        post,
        ReportRequest {
            reason: "personal data".into(),
        },
    )
    .expect("report");
    assert_eq!(
        seen(db, &teacher),
        vec![(NotificationKind::Report, Some(post))]
    );
    assert!(seen(db, &owner).contains(&(NotificationKind::Report, Some(post))));
    assert!(
        !seen(db, &other)
            .iter()
            .any(|(k, _)| *k == NotificationKind::Report)
    );
    assert!(
        !seen(db, &student)
            .iter()
            .any(|(k, _)| *k == NotificationKind::Report)
    );
    moderation::set_post_hidden(
        db,
        &teacher,
        post,
        true,
        ReasonRequest {
            reason: Some("no phone numbers".into()),
        },
    )
    .expect("hide");
    let mine = notifications::list(db, &student, false, None, 50)
        .expect("list")
        .items;
    assert_eq!(mine[0].kind, NotificationKind::PostHidden);
    assert_eq!(mine[0].reason.as_deref(), Some("no phone numbers"));
    moderation::set_post_hidden(db, &teacher, post, false, ReasonRequest { reason: None })
        .expect("unhide");
    assert_eq!(
        seen(db, &student)[0],
        (NotificationKind::PostUnhidden, Some(post))
    );
}

fn hidden_posts_and_left_spaces_disappear_except_for_moderators(t: TestDb) {
    let db = &t.db;
    let (owner, ben, carla) = (
        user(db, "owner", &["en"]),
        user(db, "ben", &["en"]),
        user(db, "carla", &["en"]),
    );
    let s = space(db, &owner, "solar", Visibility::Public);
    join(db, &ben, &s);
    join(db, &carla, &s);
    let t1 = start(db, &ben, "solar", "Start");
    reply(db, &owner, t1.thread.id, "Owner here");
    let bad = reply(db, &carla, t1.thread.id, "@ben something unkind");
    assert_eq!(unread(db, &ben), 2);
    moderation::set_post_hidden(db, &owner, bad.id, true, ReasonRequest { reason: None })
        .expect("hide");
    // Ben no longer sees the mention nor the reply it was, nor counts them.
    assert_eq!(seen(db, &ben).len(), 1);
    assert_eq!(unread(db, &ben), 1);
    // The owner, a moderator, still sees theirs, marked.
    let owners: Vec<NotificationView> = notifications::list(db, &owner, false, None, 50)
        .expect("list")
        .items
        .into_iter()
        .filter(|n| n.post_id == Some(bad.id))
        .collect();
    assert_eq!(owners.len(), 1);
    assert!(owners[0].post_hidden);
    // A deleted post disappears too; what was written never shows in an excerpt again.
    let later = reply(db, &carla, t1.thread.id, "@ben deleted soon");
    posts::delete_post(db, &carla, later.id).expect("delete");
    assert!(!seen(db, &ben).iter().any(|(_, p)| *p == Some(later.id)));
    let owner_view = notifications::list(db, &owner, false, None, 50)
        .expect("list")
        .items
        .into_iter()
        .find(|n| n.post_id == Some(later.id))
        .expect("moderator keeps it");
    assert!(owner_view.post_deleted && owner_view.excerpt.is_none());
    // Leaving the space takes its notifications away.
    spaces::leave(db, &ben, "solar").expect("leave");
    assert!(seen(db, &ben).is_empty());
    assert_eq!(unread(db, &ben), 0);
}

fn excerpts_and_titles_are_in_the_readers_language(t: TestDb) {
    let db = &t.db;
    let (ana, ben) = (user(db, "ana", &["es"]), user(db, "ben", &["en"]));
    let s = space(db, &ana, "solar", Visibility::Public);
    join(db, &ben, &s);
    let t1 = start(db, &ana, "solar", "Hola");
    reply(db, &ben, t1.thread.id, "**Four** panels, I think.");
    let item = notifications::list(db, &ana, false, None, 50)
        .expect("list")
        .items[0]
        .clone();
    // Nothing translated yet: the original, with its language.
    assert_eq!(
        item.excerpt,
        Some(Excerpt {
            text: "Four panels, I think.".into(),
            lang: "en".into(),
            translated: false,
        })
    );
    assert_eq!(item.thread_title.as_deref(), Some("Solar panels"));
    assert_eq!(item.actor.map(|a| a.handle).as_deref(), Some("ben"));
}

fn email_rows_follow_the_instance_and_the_users_choice(t: TestDb) {
    let plain = &t.db;
    let (ana, ben, carla) = (
        user(plain, "ana", &["en"]),
        user(plain, "ben", &["en"]),
        user(plain, "carla", &["en"]),
    );
    let s = space(plain, &ana, "solar", Visibility::Public);
    join(plain, &ben, &s);
    join(plain, &carla, &s);
    let t1 = start(plain, &ana, "solar", "Start");
    // Without a mail server nothing is queued, and the settings say email is unavailable.
    reply(plain, &ben, t1.thread.id, "one");
    assert_eq!(notifications::outbox_len(plain).expect("len"), 0);
    assert!(
        !notifications::settings(plain, &ana)
            .expect("settings")
            .email_available
    );
    let db = &plain.clone().with_delivery(Delivery { email: true });
    // Email goes only to a confirmed address: nobody has one yet.
    reply(db, &carla, t1.thread.id, "no address yet");
    assert_eq!(notifications::outbox_len(db).expect("len"), 0);
    confirmed_address(db, &ana, "ana@school.example");
    confirmed_address(db, &ben, "ben@school.example");
    // Counted from here: the confirmation messages are queued too.
    let base = notifications::outbox_len(db).expect("len");
    // Ben watches too (he replied); only Ana's email is counted here.
    notifications::update_settings(
        db,
        &ben,
        UpdateNotificationSettingsRequest {
            email_mode: Some(EmailMode::Off),
            email_kinds_off: None,
            email_address: None,
        },
    )
    .expect("settings");
    reply(db, &ben, t1.thread.id, "two");
    assert_eq!(notifications::outbox_len(db).expect("len"), base + 1);
    notifications::update_settings(
        db,
        &ana,
        UpdateNotificationSettingsRequest {
            email_mode: None,
            email_kinds_off: Some(vec![NotificationKind::Reply]),
            email_address: None,
        },
    )
    .expect("settings");
    reply(db, &ben, t1.thread.id, "three");
    assert_eq!(notifications::outbox_len(db).expect("len"), base + 1);
    reply(db, &carla, t1.thread.id, "@ana four");
    assert_eq!(notifications::outbox_len(db).expect("len"), base + 2);
    let view = notifications::update_settings(
        db,
        &ana,
        UpdateNotificationSettingsRequest {
            email_mode: Some(EmailMode::Off),
            email_kinds_off: None,
            email_address: None,
        },
    )
    .expect("settings");
    assert_eq!(view.email_mode, EmailMode::Off);
    assert_eq!(view.email_kinds_off, vec![NotificationKind::Reply]);
    assert!(view.email_available);
    reply(db, &carla, t1.thread.id, "@ana five");
    assert_eq!(notifications::outbox_len(db).expect("len"), base + 2);
}

on_both_backends!(
    replies_reach_watchers_once_and_never_the_author,
    mentions_reach_only_those_who_may_read,
    quotes_reach_the_quoted_author,
    moderation_reports_and_joins_reach_the_right_people,
    hidden_posts_and_left_spaces_disappear_except_for_moderators,
    excerpts_and_titles_are_in_the_readers_language,
    email_rows_follow_the_instance_and_the_users_choice,
);

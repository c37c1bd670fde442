//! Who may do what, as one table: route × who asks × the space's visibility → the status
//! and error code they get. Each backend builds one class per visibility and asks every
//! row of it; a row that answers otherwise is reported with the others at the end.

use actix_web::http::Method;
use pontis_models::{Backend, on_both_backends};
use serde_json::{Value, json};

use crate::common::{TestApp, TestUser};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Visibility {
    Public,
    MembersOnly,
}

impl Visibility {
    fn as_str(self) -> &'static str {
        match self {
            Visibility::Public => "public",
            Visibility::MembersOnly => "members_only",
        }
    }
}

/// Who asks.
#[derive(Debug, Clone, Copy)]
enum Who {
    /// Registered, not a member.
    Outsider,
    /// Students of the class; Ana started the thread, Ben replied.
    Ana,
    Ben,
    /// A student who replied and was then banned.
    Banned,
    Owner,
}

/// The class every row is asked of: a thread by Ana, a reply by Ben that Ana reported, a
/// reply by Cara, who was then banned.
struct Fixture {
    app: TestApp,
    users: [(&'static str, TestUser); 5],
    thread: i64,
    reply: i64,
    banned_reply: i64,
}

impl Fixture {
    async fn build(backend: Backend, visibility: Visibility) -> Self {
        let app = TestApp::start(backend).await;
        let class = app.class("class", visibility.as_str()).await;
        let cara = app.register("cara", &["pt", "en"]).await;
        app.join(&cara, "class", Some(&class.invite_code)).await;
        let (thread, _) = app
            .thread(&class.ana, "class", "Our project", "What shall we build?")
            .await;
        let reply = app.reply(&class.ben, thread, "A solar oven").await;
        let banned_reply = app.reply(&cara, thread, "A windmill").await;
        app.post(
            &format!("/api/v1/posts/{reply}/reports"),
            &class.ana,
            json!({"reason": "unkind"}),
        )
        .await
        .expect(201);
        app.ban(&class.teacher, "class", "cara").await;
        Self {
            app,
            users: [
                ("outsider", class.outsider),
                ("ana", class.ana),
                ("ben", class.ben),
                ("cara", cara),
                ("owner", class.owner),
            ],
            thread,
            reply,
            banned_reply,
        }
    }

    fn user(&self, who: Who) -> &TestUser {
        let handle = match who {
            Who::Outsider => "outsider",
            Who::Ana => "ana",
            Who::Ben => "ben",
            Who::Banned => "cara",
            Who::Owner => "owner",
        };
        self.users
            .iter()
            .find(|(h, _)| *h == handle)
            .map(|(_, user)| user)
            .expect("a fixture user")
    }

    /// `{thread}`, `{reply}` and `{banned_reply}` in a row's path become the fixture's ids.
    fn path(&self, template: &str) -> String {
        template
            .replace("{thread}", &self.thread.to_string())
            .replace("{reply}", &self.reply.to_string())
            .replace("{banned_reply}", &self.banned_reply.to_string())
    }
}

/// One row: the space's visibility, method, path, who asks, the JSON body, and the status
/// and error code they must get.
type Row = (
    Visibility,
    &'static str,
    &'static str,
    Who,
    Option<Value>,
    u16,
    &'static str,
);

#[rustfmt::skip]
fn rows() -> Vec<Row> {
    use Visibility::{MembersOnly, Public};
    use Who::*;
    let new_thread = || Some(json!({"title": "Hello", "body": "Can I post here?"}));
    let new_reply = || Some(json!({"body": "Let me in"}));
    let edit = || Some(json!({"body": "Someone was here"}));
    let report = || Some(json!({"reason": "spam"}));
    let ban = || Some(json!({"handle": "ana", "reason": "spam"}));
    let role = || Some(json!({"role": "teacher"}));
    let public = || Some(json!({"visibility": "public"}));
    let resolve = || Some(json!({"report_ids": [1]}));
    vec![
        // Spaces
        (Public,      "POST",   "/api/v1/spaces/class/leave",       Outsider, None,         403, "not_member"),
        (MembersOnly, "POST",   "/api/v1/spaces/class/leave",       Outsider, None,         404, "space_not_found"),
        (Public,      "GET",    "/api/v1/spaces/class/members",     Outsider, None,         403, "not_member"),
        (MembersOnly, "GET",    "/api/v1/spaces/class/members",     Outsider, None,         404, "space_not_found"),
        (Public,      "PATCH",  "/api/v1/spaces/class/members/ana", Outsider, role(),       403, "permission_denied"),
        (Public,      "DELETE", "/api/v1/spaces/class/members/ana", Outsider, None,         403, "permission_denied"),
        (MembersOnly, "DELETE", "/api/v1/spaces/class/members/ana", Outsider, None,         404, "space_not_found"),
        (MembersOnly, "DELETE", "/api/v1/spaces/class/members/ana", Ben,      None,         403, "permission_denied"),
        (MembersOnly, "DELETE", "/api/v1/spaces/class/members/ben", Ben,      None,         403, "permission_denied"),
        (Public,      "POST",   "/api/v1/spaces/class/invite",      Ben,      None,         403, "permission_denied"),
        (MembersOnly, "POST",   "/api/v1/spaces/class/invite",      Outsider, None,         404, "space_not_found"),
        (Public,      "PATCH",  "/api/v1/spaces/class",             Outsider, public(),     403, "permission_denied"),
        (MembersOnly, "PATCH",  "/api/v1/spaces/class",             Ben,      public(),     403, "permission_denied"),
        (MembersOnly, "PATCH",  "/api/v1/spaces/class",             Outsider, public(),     404, "space_not_found"),
        (MembersOnly, "PATCH",  "/api/v1/spaces/class/members/ana", Outsider, role(),       404, "space_not_found"),
        // Threads
        (Public,      "POST",   "/api/v1/spaces/class/threads",     Outsider, new_thread(), 403, "not_member"),
        (MembersOnly, "POST",   "/api/v1/spaces/class/threads",     Outsider, new_thread(), 404, "space_not_found"),
        (MembersOnly, "GET",    "/api/v1/spaces/class/threads",     Outsider, None,         404, "space_not_found"),
        (MembersOnly, "GET",    "/api/v1/threads/{thread}",         Outsider, None,         404, "thread_not_found"),
        (MembersOnly, "GET",    "/api/v1/threads/{thread}",         Banned,   None,         404, "thread_not_found"),
        (MembersOnly, "GET",    "/api/v1/threads/{thread}/events",  Outsider, None,         404, "thread_not_found"),
        (MembersOnly, "GET",    "/api/v1/threads/{thread}/events",  Banned,   None,         404, "thread_not_found"),
        (Public,      "GET",    "/api/v1/threads/{thread}/events",  Banned,   None,         403, "banned"),
        (Public,      "POST",   "/api/v1/threads/{thread}/posts",       Outsider, new_reply(),  403, "not_member"),
        (MembersOnly, "POST",   "/api/v1/threads/{thread}/posts",       Outsider, new_reply(),  404, "thread_not_found"),
        // Posts
        (MembersOnly, "GET",    "/api/v1/posts/{reply}",            Outsider, None,         404, "post_not_found"),
        (Public,      "PATCH",  "/api/v1/posts/{reply}",            Outsider, edit(),       403, "permission_denied"),
        (MembersOnly, "PATCH",  "/api/v1/posts/{reply}",            Outsider, edit(),       404, "post_not_found"),
        // A ban in a public space stops writing; in a members-only one it also ends the
        // membership, so the space is gone for the banned student.
        (Public,      "PATCH",  "/api/v1/posts/{banned_reply}",     Banned,   edit(),       403, "banned"),
        (MembersOnly, "PATCH",  "/api/v1/posts/{banned_reply}",     Banned,   edit(),       404, "post_not_found"),
        (MembersOnly, "GET",    "/api/v1/posts/{reply}/revisions",  Outsider, None,         404, "post_not_found"),
        (MembersOnly, "GET",    "/api/v1/posts/999999/revisions",   Ana,      None,         404, "post_not_found"),
        (Public,      "DELETE", "/api/v1/posts/{reply}",            Outsider, None,         403, "permission_denied"),
        (MembersOnly, "DELETE", "/api/v1/posts/{reply}",            Outsider, None,         404, "post_not_found"),
        (MembersOnly, "DELETE", "/api/v1/posts/999999",             Owner,    None,         404, "post_not_found"),
        // Moderation
        (Public,      "POST",   "/api/v1/posts/{reply}/hide",       Outsider, None,         403, "permission_denied"),
        (Public,      "POST",   "/api/v1/posts/{reply}/unhide",     Outsider, None,         403, "permission_denied"),
        (MembersOnly, "POST",   "/api/v1/posts/{reply}/hide",       Outsider, None,         404, "post_not_found"),
        (MembersOnly, "POST",   "/api/v1/posts/{reply}/unhide",     Outsider, None,         404, "post_not_found"),
        (Public,      "POST",   "/api/v1/posts/{reply}/reports",    Outsider, report(),     403, "not_member"),
        (MembersOnly, "POST",   "/api/v1/posts/{reply}/reports",    Outsider, report(),     404, "post_not_found"),
        (Public,      "POST",   "/api/v1/posts/{reply}/reports",    Banned,   report(),     403, "banned"),
        (MembersOnly, "POST",   "/api/v1/posts/{reply}/reports",    Ana,      report(),     409, "already_reported"),
        (Public,      "POST",   "/api/v1/spaces/class/reports/resolve", Ben,  resolve(),    403, "permission_denied"),
        (MembersOnly, "POST",   "/api/v1/spaces/class/reports/resolve", Outsider, resolve(), 404, "space_not_found"),
        (MembersOnly, "GET",    "/api/v1/spaces/class/reports",     Ana,      None,         403, "permission_denied"),
        (MembersOnly, "GET",    "/api/v1/spaces/class/reports",     Ben,      None,         403, "permission_denied"),
        (Public,      "GET",    "/api/v1/spaces/class/reports",     Outsider, None,         403, "permission_denied"),
        (MembersOnly, "GET",    "/api/v1/spaces/class/reports",     Outsider, None,         404, "space_not_found"),
        (Public,      "POST",   "/api/v1/spaces/class/bans",        Outsider, ban(),        403, "permission_denied"),
        (Public,      "GET",    "/api/v1/spaces/class/bans",        Outsider, None,         403, "permission_denied"),
        (Public,      "DELETE", "/api/v1/spaces/class/bans/cara",   Outsider, None,         403, "permission_denied"),
        (MembersOnly, "POST",   "/api/v1/spaces/class/bans",        Outsider, ban(),        404, "space_not_found"),
        (MembersOnly, "GET",    "/api/v1/spaces/class/bans",        Outsider, None,         404, "space_not_found"),
        (MembersOnly, "DELETE", "/api/v1/spaces/class/bans/cara",   Outsider, None,         404, "space_not_found"),
        (Public,      "GET",    "/api/v1/spaces/class/modlog",      Outsider, None,         403, "permission_denied"),
        (MembersOnly, "GET",    "/api/v1/spaces/class/modlog",      Outsider, None,         404, "space_not_found"),
        // Thread switches
        (Public,      "POST",   "/api/v1/threads/{thread}/lock",        Banned,   None,         403, "permission_denied"),
        (MembersOnly, "POST",   "/api/v1/threads/{thread}/lock",        Banned,   None,         404, "thread_not_found"),
        (Public,      "POST",   "/api/v1/threads/{thread}/lock",        Outsider, None,         403, "permission_denied"),
        (MembersOnly, "POST",   "/api/v1/threads/{thread}/lock",        Outsider, None,         404, "thread_not_found"),
        (Public,      "POST",   "/api/v1/threads/{thread}/unlock",      Banned,   None,         403, "permission_denied"),
        (MembersOnly, "POST",   "/api/v1/threads/{thread}/unlock",      Banned,   None,         404, "thread_not_found"),
        (Public,      "POST",   "/api/v1/threads/{thread}/unlock",      Outsider, None,         403, "permission_denied"),
        (MembersOnly, "POST",   "/api/v1/threads/{thread}/unlock",      Outsider, None,         404, "thread_not_found"),
        (Public,      "POST",   "/api/v1/threads/{thread}/pin",         Banned,   None,         403, "permission_denied"),
        (MembersOnly, "POST",   "/api/v1/threads/{thread}/pin",         Banned,   None,         404, "thread_not_found"),
        (Public,      "POST",   "/api/v1/threads/{thread}/pin",         Outsider, None,         403, "permission_denied"),
        (MembersOnly, "POST",   "/api/v1/threads/{thread}/pin",         Outsider, None,         404, "thread_not_found"),
        (Public,      "POST",   "/api/v1/threads/{thread}/unpin",       Banned,   None,         403, "permission_denied"),
        (MembersOnly, "POST",   "/api/v1/threads/{thread}/unpin",       Banned,   None,         404, "thread_not_found"),
        (Public,      "POST",   "/api/v1/threads/{thread}/unpin",       Outsider, None,         403, "permission_denied"),
        (MembersOnly, "POST",   "/api/v1/threads/{thread}/unpin",       Outsider, None,         404, "thread_not_found"),
        (Public,      "POST",   "/api/v1/threads/{thread}/hide",        Banned,   None,         403, "permission_denied"),
        (MembersOnly, "POST",   "/api/v1/threads/{thread}/hide",        Banned,   None,         404, "thread_not_found"),
        (Public,      "POST",   "/api/v1/threads/{thread}/hide",        Outsider, None,         403, "permission_denied"),
        (MembersOnly, "POST",   "/api/v1/threads/{thread}/hide",        Outsider, None,         404, "thread_not_found"),
        (Public,      "POST",   "/api/v1/threads/{thread}/unhide",      Banned,   None,         403, "permission_denied"),
        (MembersOnly, "POST",   "/api/v1/threads/{thread}/unhide",      Banned,   None,         404, "thread_not_found"),
        (Public,      "POST",   "/api/v1/threads/{thread}/unhide",      Outsider, None,         403, "permission_denied"),
        (MembersOnly, "POST",   "/api/v1/threads/{thread}/unhide",      Outsider, None,         404, "thread_not_found"),
    ]
}

async fn every_row_of_the_permission_table_answers_as_written(backend: Backend) {
    let rows = rows();
    let mut asked = 0;
    let mut wrong = Vec::new();
    for visibility in [Visibility::Public, Visibility::MembersOnly] {
        let fixture = Fixture::build(backend, visibility).await;
        for (_, method, path, who, body, status, code) in
            rows.iter().filter(|row| row.0 == visibility)
        {
            let path = fixture.path(path);
            let method = Method::from_bytes(method.as_bytes()).expect("an HTTP method");
            let reply = fixture
                .app
                .request(method.clone(), &path, fixture.user(*who), body.clone(), &[])
                .await;
            asked += 1;
            if reply.status != *status || reply.body["code"] != *code {
                wrong.push(format!(
                    "{visibility:?} {method} {path} as {who:?}: expected {status} {code}, got {} {}",
                    reply.status, reply.body
                ));
            }
        }
    }
    assert_eq!(asked, rows.len(), "every row was asked");
    assert!(
        wrong.is_empty(),
        "{} rows answered otherwise:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

on_both_backends!(
    #[actix_web::test]
    async every_row_of_the_permission_table_answers_as_written,
);

//! Who may do what, as one table: every API and page route × who asks × the space's
//! visibility × the state of the post or thread it acts on → the status (and, for the API,
//! the error code) they get.
//!
//! The table is `routes()`: each route names what it acts on and the rule that guards it.
//! `expected` turns a rule into the answer for one cell, from a few facts about the asker
//! (signed in? a member? banned? a moderator? the author?). The test asks every cell on
//! both databases and reports every cell that answered otherwise.
//!
//! Each cell is asked of a small world: a space with one member of each role, a thread by
//! the author, its reply (the target post) reported by a classmate, and the state under
//! test applied. A request that is refused, or that only reads or adds, shares the world of
//! its visibility and state; one that succeeds and changes what other cells rely on (a
//! ban, a hidden post, a session ended) gets a fresh world of its own.

use std::collections::HashMap;
use std::fmt;

use actix_web::http::Method;
use pontis_models::{Backend, on_both_backends};
use serde_json::{Value, json};

use crate::common::{TestApp, TestUser};

/// Who asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Who {
    Anonymous,
    /// Signed in, never a member.
    Outsider,
    /// Was a member; a teacher removed them.
    Removed,
    /// A member a teacher banned: still a member of a public space, no longer of a
    /// members-only one.
    Banned,
    /// A member who did not write the target thread or post.
    Student,
    /// The member who wrote the target thread and post.
    Author,
    Teacher,
    Owner,
    /// The site's administrator, not a member.
    Admin,
    /// A translation worker's token.
    Worker,
}

const EVERYONE: [Who; 10] = [
    Who::Anonymous,
    Who::Outsider,
    Who::Removed,
    Who::Banned,
    Who::Student,
    Who::Author,
    Who::Teacher,
    Who::Owner,
    Who::Admin,
    Who::Worker,
];

impl Who {
    fn signed_in(self) -> bool {
        !matches!(self, Who::Anonymous | Who::Worker)
    }

    fn member(self, space: Visibility) -> bool {
        match self {
            Who::Student | Who::Author | Who::Teacher | Who::Owner => true,
            Who::Banned => space == Visibility::Public,
            _ => false,
        }
    }

    fn moderator(self) -> bool {
        matches!(self, Who::Teacher | Who::Owner | Who::Admin)
    }

    fn sees_space(self, space: Visibility) -> bool {
        self.signed_in()
            && (space == Visibility::Public || self == Who::Admin || self.member(space))
    }

    /// The fixture user behind the role.
    fn handle(self) -> Option<&'static str> {
        Some(match self {
            Who::Anonymous | Who::Worker => return None,
            Who::Outsider => "outsider",
            Who::Removed => "removed",
            Who::Banned => "banned",
            Who::Student => "student",
            Who::Author => "author",
            Who::Teacher => "teacher",
            Who::Owner => "owner",
            Who::Admin => "admin",
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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

/// The state of the target thread and post.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum State {
    Visible,
    HiddenPost,
    DeletedPost,
    HiddenThread,
}

/// What a route acts on; it decides which states and visibilities apply, and what "not
/// found" is called.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    /// The site, or the asker's own account: no space involved.
    Site,
    Space,
    Thread,
    Post,
    Report,
}

impl Target {
    fn states(self) -> &'static [State] {
        match self {
            Target::Site | Target::Space | Target::Report => &[State::Visible],
            Target::Thread => &[State::Visible, State::HiddenThread],
            Target::Post => &[
                State::Visible,
                State::HiddenPost,
                State::DeletedPost,
                State::HiddenThread,
            ],
        }
    }

    fn visibilities(self) -> &'static [Visibility] {
        match self {
            Target::Site => &[Visibility::Public],
            _ => &[Visibility::Public, Visibility::MembersOnly],
        }
    }

    fn not_found(self) -> &'static str {
        match self {
            Target::Site => "route_not_found",
            Target::Space => "space_not_found",
            Target::Thread => "thread_not_found",
            Target::Post => "post_not_found",
            Target::Report => "report_not_found",
        }
    }
}

/// Who a route lets through, once the asker can see its target.
#[derive(Debug, Clone, Copy)]
enum Rule {
    /// Anyone, signed in or not.
    Public,
    /// Pages for signing in: the signed-in are sent on (303).
    Guest,
    /// Anyone signed in.
    SignedIn,
    /// Anyone who can see the target.
    Reader,
    /// Members (and the administrator).
    Member,
    /// Members who are not banned (and the administrator).
    Poster,
    /// Teachers, owners and the administrator.
    Moderator,
    /// Owners and the administrator.
    Owner,
    /// The author while they may post, and moderators.
    AuthorOrModerator,
    /// The site's administrator.
    Admin,
    /// A worker token; everyone else is unauthenticated here.
    Worker,
    /// Reading the live stream: readers, but not the banned.
    Stream,
    /// Reporting: members who are not banned, moderators.
    Reporter,
    /// Joining: a space one is not a member of, and not banned from.
    Join,
    /// Leaving: members but the last owner.
    Leave,
    /// A link from an email: the token in the path is the whole authority, so anyone who
    /// holds it, with no session and no form token.
    Token,
}

/// What a route does to the world when it succeeds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Effect {
    /// Reads, or adds something no other cell relies on: cells share a world.
    Keeps,
    /// Changes what other cells rely on: a fresh world when it succeeds.
    Changes,
    /// Ends the asker's session: signed in again after it succeeds.
    EndsSession,
}

/// How a route is asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Surface {
    /// `/api/v1/…`: JSON, bearer token.
    Api,
    /// A page: the session cookie, forms with the CSRF token.
    Page,
}

/// Ids a cell needs made just for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Setup {
    None,
    /// `{token}`: an API token of the asker's.
    OwnToken,
    /// `{session}`: another session of the asker's.
    OwnOtherSession,
    /// `{worker}`: a worker the administrator registered.
    FreshWorker,
    /// `{unsubscribe}`: the visitor's one-click unsubscribe token.
    Unsubscribe,
    /// `{confirm}`: a fresh confirmation token of an address the visitor gave.
    ConfirmAddress,
}

struct Route {
    surface: Surface,
    method: Method,
    path: &'static str,
    target: Target,
    rule: Rule,
    effect: Effect,
    setup: Setup,
    /// The JSON body (API) or form fields (pages), before placeholders are filled in.
    body: Option<Value>,
    /// The status of success.
    success: u16,
    /// A deleted post is not found: true for every change, its edit form and its history.
    gone_when_deleted: bool,
}

/// The answer one cell must get.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Outcome {
    Success(u16),
    /// An API error: status and code. Pages check the status only: they render the
    /// message, not the code.
    Refused(u16, &'static str),
    /// A page sends the anonymous to the login page.
    Login,
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Outcome::Success(status) => write!(f, "{status}"),
            Outcome::Refused(status, code) => write!(f, "{status} {code}"),
            Outcome::Login => write!(f, "303 to /login"),
        }
    }
}

fn refused(status: u16, code: &'static str) -> Outcome {
    Outcome::Refused(status, code)
}

/// The table's one rule book: what `who` gets from `route` in a space of `space` with the
/// target in `state`.
fn expected(route: &Route, who: Who, space: Visibility, state: State) -> Outcome {
    let success = Outcome::Success(route.success);
    if matches!(route.rule, Rule::Token) {
        return success;
    }
    // A worker's bearer token is no browser session and carries no form token.
    if route.surface == Surface::Page && route.method == Method::POST && who == Who::Worker {
        return refused(403, "csrf");
    }
    // Who is asking at all.
    match (route.rule, route.surface) {
        (Rule::Public, _) => return success,
        (Rule::Guest, _) if who.signed_in() => return Outcome::Success(303),
        (Rule::Guest, _) => return success,
        (Rule::Worker, _) => {
            return if who == Who::Worker {
                success
            } else {
                refused(401, "unauthenticated")
            };
        }
        (_, Surface::Api) if !who.signed_in() => return refused(401, "unauthenticated"),
        // A page without a session sends one to log in, a form from the anonymous (who
        // holds the form cookie) too.
        (_, Surface::Page) if !who.signed_in() => return Outcome::Login,
        _ => {}
    }
    match route.rule {
        Rule::SignedIn => return success,
        Rule::Admin if who != Who::Admin => return refused(403, "permission_denied"),
        Rule::Admin => return success,
        _ => {}
    }
    // Whether the target exists for the asker: members-only spaces, hidden threads and
    // hidden posts exist only for those allowed to see them.
    let not_found = refused(404, route.target.not_found());
    // Joining a members-only space is how one comes to see it: the invite code opens it.
    if !who.sees_space(space) && !matches!(route.rule, Rule::Join) {
        return not_found;
    }
    // Reports are the moderators' business: to anyone else they do not exist.
    if route.target == Target::Report && !who.moderator() {
        return not_found;
    }
    let sees_hidden = who.moderator() || who == Who::Author;
    let thread_target = matches!(route.target, Target::Thread | Target::Post);
    if thread_target && state == State::HiddenThread && !sees_hidden {
        return not_found;
    }
    if route.target == Target::Post && state == State::HiddenPost && !sees_hidden {
        return not_found;
    }
    // A deleted post is gone for every change, and its history with it.
    if route.target == Target::Post && state == State::DeletedPost && route.gone_when_deleted {
        return not_found;
    }
    let member = who.member(space) || who == Who::Admin;
    let banned = who == Who::Banned;
    match route.rule {
        Rule::Reader => success,
        Rule::Member if !member => refused(403, "not_member"),
        Rule::Poster | Rule::Reporter if !member => refused(403, "not_member"),
        Rule::Poster | Rule::Reporter if banned => refused(403, "banned"),
        Rule::Member | Rule::Poster | Rule::Reporter => success,
        Rule::Moderator if who.moderator() => success,
        Rule::Owner if matches!(who, Who::Owner | Who::Admin) => success,
        Rule::AuthorOrModerator if who.moderator() || who == Who::Author => success,
        Rule::Moderator | Rule::Owner | Rule::AuthorOrModerator => {
            refused(403, "permission_denied")
        }
        Rule::Stream if banned => refused(403, "banned"),
        Rule::Stream => success,
        // The join page sends a member on to the space.
        Rule::Join if who.member(space) && route.surface == Surface::Page => success,
        Rule::Join if who.member(space) => refused(409, "already_member"),
        Rule::Join if banned => refused(403, "banned"),
        Rule::Join => success,
        Rule::Leave if !who.member(space) => refused(403, "not_member"),
        Rule::Leave if who == Who::Owner => refused(409, "last_owner"),
        Rule::Leave => success,
        Rule::Public | Rule::Guest | Rule::SignedIn | Rule::Admin | Rule::Worker | Rule::Token => {
            unreachable!("decided above")
        }
    }
}

/// Every route of the API and of the pages, with its rule.
fn routes() -> Vec<Route> {
    use Effect::{Changes, EndsSession, Keeps};
    use Rule::*;
    use Setup::{FreshWorker, OwnOtherSession, OwnToken};
    use Target::{Post, Report, Site, Space, Thread};
    let api = |method: Method, path: &'static str, target, rule, effect, success| Route {
        surface: Surface::Api,
        gone_when_deleted: method != Method::GET,
        method,
        path,
        target,
        rule,
        effect,
        setup: Setup::None,
        body: None,
        success,
    };
    // A page answers success with the page (200), or a form with a redirect (303).
    let page = |method: Method, path: &'static str, target, rule, effect| {
        let success = if method == Method::GET { 200 } else { 303 };
        Route {
            surface: Surface::Page,
            ..api(method, path, target, rule, effect, success)
        }
    };
    let (get, post, put, patch, delete) = (
        Method::GET,
        Method::POST,
        Method::PUT,
        Method::PATCH,
        Method::DELETE,
    );
    let with = |mut route: Route, body: Value| {
        route.body = Some(body);
        route
    };
    let set_up = |mut route: Route, setup: Setup| {
        route.setup = setup;
        route
    };
    // Where the administrator's request passes the guard and finds no such job.
    let answering = |mut route: Route, status: u16| {
        route.success = status;
        route
    };
    let history = |mut route: Route| {
        route.gone_when_deleted = true;
        route
    };
    let reason = || json!({"reason": "off topic"});
    #[rustfmt::skip]
    let table = vec![
        // The API: the site and one's own account.
        api(get.clone(), "/health", Site, Public, Keeps, 200),
        api(get.clone(), "/ready", Site, Public, Keeps, 200),
        api(get.clone(), "/api/v1/openapi.json", Site, Public, Keeps, 200),
        api(get.clone(), "/metrics", Site, Admin, Keeps, 200),
        with(api(post.clone(), "/api/v1/auth/register", Site, Public, Keeps, 201),
            json!({"handle": "new{n}", "password": "correct horse battery", "locale": "en", "languages": ["en"]})),
        with(api(post.clone(), "/api/v1/auth/login", Site, Public, Keeps, 200),
            json!({"handle": "visitor", "password": "correct horse battery"})),
        api(post.clone(), "/api/v1/auth/logout", Site, SignedIn, EndsSession, 204),
        api(get.clone(), "/api/v1/me", Site, SignedIn, Keeps, 200),
        with(api(patch.clone(), "/api/v1/me", Site, SignedIn, Keeps, 200), json!({"display_name": "Me"})),
        api(get.clone(), "/api/v1/me/tokens", Site, SignedIn, Keeps, 200),
        with(api(post.clone(), "/api/v1/me/tokens", Site, SignedIn, Keeps, 201), json!({"name": "script"})),
        set_up(api(delete.clone(), "/api/v1/me/tokens/{token}", Site, SignedIn, Keeps, 204), OwnToken),
        with(api(post.clone(), "/api/v1/me/password", Site, SignedIn, EndsSession, 204),
            json!({"current_password": "correct horse battery", "new_password": "correct horse battery"})),
        api(get.clone(), "/api/v1/me/sessions", Site, SignedIn, Keeps, 200),
        api(get.clone(), "/api/v1/events", Site, SignedIn, Keeps, 200),
        api(get.clone(), "/api/v1/notifications", Site, SignedIn, Keeps, 200),
        with(api(post.clone(), "/api/v1/notifications/read", Site, SignedIn, Keeps, 200),
            json!({"up_to": 1000000})),
        api(get.clone(), "/api/v1/me/notification-settings", Site, SignedIn, Keeps, 200),
        with(api(put.clone(), "/api/v1/me/notification-settings", Site, SignedIn, Keeps, 200),
            json!({"email_mode": "digest"})),
        api(delete.clone(), "/api/v1/me/sessions", Site, SignedIn, EndsSession, 204),
        set_up(api(delete.clone(), "/api/v1/me/sessions/{session}", Site, SignedIn, Keeps, 204), OwnOtherSession),
        api(get.clone(), "/api/v1/search?q=project", Site, SignedIn, Keeps, 200),
        // Spaces.
        with(api(post.clone(), "/api/v1/spaces", Site, SignedIn, Keeps, 201),
            json!({"slug": "made-{n}", "name": "Made here", "visibility": "public"})),
        api(get.clone(), "/api/v1/spaces", Site, SignedIn, Keeps, 200),
        api(get.clone(), "/api/v1/spaces/{space}", Space, Reader, Keeps, 200),
        with(api(patch.clone(), "/api/v1/spaces/{space}", Space, Owner, Changes, 200), json!({"name": "Renamed"})),
        with(api(post.clone(), "/api/v1/spaces/{space}/join", Space, Join, Changes, 200),
            json!({"invite_code": "{invite}"})),
        api(post.clone(), "/api/v1/spaces/{space}/leave", Space, Leave, Changes, 204),
        api(get.clone(), "/api/v1/spaces/{space}/members", Space, Member, Keeps, 200),
        with(api(patch.clone(), "/api/v1/spaces/{space}/members/author", Space, Owner, Changes, 200),
            json!({"role": "teacher"})),
        api(delete.clone(), "/api/v1/spaces/{space}/members/author", Space, Moderator, Changes, 204),
        with(api(post.clone(), "/api/v1/spaces/{space}/invite", Space, Moderator, Changes, 200), json!({})),
        // Threads and posts.
        with(api(post.clone(), "/api/v1/spaces/{space}/threads", Space, Poster, Keeps, 201),
            json!({"title": "Another one", "body": "Hello", "lang": "en"})),
        api(get.clone(), "/api/v1/spaces/{space}/threads", Space, Reader, Keeps, 200),
        api(get.clone(), "/api/v1/threads/{thread}", Thread, Reader, Keeps, 200),
        api(get.clone(), "/api/v1/threads/{thread}/events", Thread, Stream, Keeps, 200),
        api(get.clone(), "/api/v1/events?threads={thread}", Thread, Stream, Keeps, 200),
        api(get.clone(), "/api/v1/threads/{thread}/watch", Thread, Reader, Keeps, 200),
        with(api(put.clone(), "/api/v1/threads/{thread}/watch", Thread, Reader, Keeps, 200),
            json!({"level": "muted"})),
        with(api(post.clone(), "/api/v1/threads/{thread}/posts", Thread, Poster, Keeps, 201),
            json!({"body": "Me too", "lang": "en"})),
        with(api(post.clone(), "/api/v1/threads/{thread}/lock", Thread, Moderator, Changes, 200), json!({})),
        with(api(post.clone(), "/api/v1/threads/{thread}/unlock", Thread, Moderator, Changes, 200), json!({})),
        with(api(post.clone(), "/api/v1/threads/{thread}/pin", Thread, Moderator, Changes, 200), json!({})),
        with(api(post.clone(), "/api/v1/threads/{thread}/unpin", Thread, Moderator, Changes, 200), json!({})),
        with(api(post.clone(), "/api/v1/threads/{thread}/hide", Thread, Moderator, Changes, 200), json!({})),
        with(api(post.clone(), "/api/v1/threads/{thread}/unhide", Thread, Moderator, Changes, 200), json!({})),
        api(get.clone(), "/api/v1/posts/{post}", Post, Reader, Keeps, 200),
        with(api(patch.clone(), "/api/v1/posts/{post}", Post, AuthorOrModerator, Changes, 200),
            json!({"body": "Changed"})),
        with(api(post.clone(), "/api/v1/posts/{post}/language", Post, AuthorOrModerator, Changes, 200),
            json!({"lang": "de"})),
        api(delete.clone(), "/api/v1/posts/{post}", Post, AuthorOrModerator, Changes, 204),
        history(api(get.clone(), "/api/v1/posts/{post}/revisions", Post, AuthorOrModerator, Keeps, 200)),
        with(api(post.clone(), "/api/v1/posts/{post}/hide", Post, Moderator, Changes, 200), json!({})),
        with(api(post.clone(), "/api/v1/posts/{post}/unhide", Post, Moderator, Changes, 200), json!({})),
        with(api(post.clone(), "/api/v1/posts/{post}/reports", Post, Reporter, Changes, 201), reason()),
        // Moderation.
        api(get.clone(), "/api/v1/spaces/{space}/reports", Space, Moderator, Keeps, 200),
        with(api(post.clone(), "/api/v1/spaces/{space}/reports/resolve", Space, Moderator, Changes, 200),
            json!({"report_ids": ["{report}"]})),
        with(api(post.clone(), "/api/v1/reports/{report}/resolve", Report, Moderator, Changes, 200), json!({})),
        api(get.clone(), "/api/v1/spaces/{space}/bans", Space, Moderator, Keeps, 200),
        with(api(post.clone(), "/api/v1/spaces/{space}/bans", Space, Moderator, Changes, 201),
            json!({"handle": "author", "reason": "spam"})),
        api(delete.clone(), "/api/v1/spaces/{space}/bans/banned", Space, Moderator, Changes, 204),
        api(get.clone(), "/api/v1/spaces/{space}/modlog", Space, Moderator, Keeps, 200),
        // Glossary and corrections: no translation is ready in these worlds, so a reader
        // who may flag finds no sentence, and a teacher no flag or correction.
        api(get.clone(), "/api/v1/spaces/{space}/glossary", Space, Moderator, Keeps, 200),
        with(api(put.clone(), "/api/v1/spaces/{space}/glossary", Space, Moderator, Keeps, 200),
            json!({"entries": [{"term": "Rosa"}, {"term": "panel", "lang": "es", "translations": [{"lang": "en", "text": "solar panel"}]}]})),
        history(api(get.clone(), "/api/v1/posts/{post}/sentences?lang=de", Post, Reader, Keeps, 200)),
        with(api(post.clone(), "/api/v1/posts/{post}/translation-flags", Post, Poster, Keeps, 404),
            json!({"lang": "de", "sentence": 0, "suggestion": "Besser so."})),
        api(get.clone(), "/api/v1/spaces/{space}/corrections", Space, Moderator, Keeps, 200),
        with(api(post.clone(), "/api/v1/spaces/{space}/corrections", Space, Moderator, Keeps, 404),
            json!({"flag_id": 999999, "translation": "Better."})),
        api(delete.clone(), "/api/v1/spaces/{space}/corrections/999999", Space, Moderator, Keeps, 404),
        api(delete.clone(), "/api/v1/spaces/{space}/translation-flags/999999", Space, Moderator, Keeps, 404),
        // Administration and workers.
        api(get.clone(), "/api/v1/admin/translation-jobs", Site, Admin, Keeps, 200),
        api(post.clone(), "/api/v1/admin/translation-jobs/999999/retry", Site, Admin, Keeps, 404),
        with(api(post.clone(), "/api/v1/admin/workers", Site, Admin, Keeps, 201), json!({"name": "lab-{n}"})),
        api(get.clone(), "/api/v1/admin/workers", Site, Admin, Keeps, 200),
        set_up(api(delete.clone(), "/api/v1/admin/workers/{worker}", Site, Admin, Keeps, 204), FreshWorker),
        with(api(post.clone(), "/api/v1/worker/lease", Site, Worker, Keeps, 200),
            json!({"instance": "lab", "limit": 1, "lease_seconds": 60, "pairs": [{"from": "de", "to": "fi"}]})),
        with(api(post.clone(), "/api/v1/worker/complete", Site, Worker, Keeps, 200),
            json!({"instance": "lab", "job_id": 999999, "revision": 1,
                   "outcome": {"outcome": "unreachable", "reason": "no pair"}})),
        with(api(post.clone(), "/api/v1/worker/segments/lookup", Site, Worker, Keeps, 200),
            json!({"keys": ["nothing"]})),
        // Pages: the site and one's account.
        page(get.clone(), "/", Site, Public, Keeps),
        page(get.clone(), "/signup", Site, Guest, Keeps),
        page(get.clone(), "/login", Site, Guest, Keeps),
        page(post.clone(), "/logout", Site, Public, EndsSession),
        with(page(post.clone(), "/signup", Site, Public, Keeps),
            json!({"handle": "page_{n}", "password": "correct horse battery", "language1": "en"})),
        with(page(post.clone(), "/login", Site, Public, Keeps),
            json!({"handle": "visitor", "password": "correct horse battery", "next": "/"})),
        with(page(post.clone(), "/locale", Site, Public, Keeps), json!({"locale": "es", "next": "/"})),
        page(get.clone(), "/me", Site, SignedIn, Keeps),
        with(page(post.clone(), "/me", Site, SignedIn, Keeps),
            json!({"display_name": "Me", "locale": "en", "language1": "en"})),
        page(get.clone(), "/me/security", Site, SignedIn, Keeps),
        with(page(post.clone(), "/me/password", Site, SignedIn, EndsSession),
            json!({"current_password": "correct horse battery", "new_password": "correct horse battery"})),
        set_up(page(post.clone(), "/me/sessions/{session}/end", Site, SignedIn, Keeps), OwnOtherSession),
        page(post.clone(), "/me/sessions/end-all", Site, SignedIn, EndsSession),
        page(get.clone(), "/spaces/new", Site, SignedIn, Keeps),
        with(page(post.clone(), "/spaces/new", Site, SignedIn, Keeps),
            json!({"slug": "page-{n}", "name": "Made here", "visibility": "public"})),
        page(get.clone(), "/join", Site, SignedIn, Keeps),
        page(get.clone(), "/search?q=project", Site, SignedIn, Keeps),
        answering(page(post.clone(), "/admin/translation-jobs/999999/retry", Site, Admin, Keeps), 404),
        page(get.clone(), "/admin/translation", Site, Admin, Keeps),
        page(get.clone(), "/admin/models", Site, Admin, Keeps),
        // Pages of a space.
        with(page(post.clone(), "/join", Space, Join, Changes), json!({"slug": "{space}", "invite_code": "{invite}"})),
        page(get.clone(), "/s/{space}", Space, Reader, Keeps),
        page(get.clone(), "/s/{space}/new", Space, Poster, Keeps),
        with(page(post.clone(), "/s/{space}/new", Space, Poster, Keeps),
            json!({"title": "Another one", "body": "Hello", "lang": "en"})),
        page(get.clone(), "/s/{space}/reports", Space, Moderator, Keeps),
        page(get.clone(), "/s/{space}/hidden", Space, Moderator, Keeps),
        page(get.clone(), "/s/{space}/bans", Space, Moderator, Keeps),
        with(page(post.clone(), "/s/{space}/bans", Space, Moderator, Changes),
            json!({"handle": "author", "reason": "spam", "days": ""})),
        page(post.clone(), "/s/{space}/bans/banned/delete", Space, Moderator, Changes),
        page(get.clone(), "/s/{space}/modlog", Space, Moderator, Keeps),
        page(get.clone(), "/s/{space}/members", Space, Moderator, Keeps),
        with(page(post.clone(), "/s/{space}/members/author", Space, Owner, Changes), json!({"role": "teacher"})),
        page(post.clone(), "/s/{space}/members/author/remove", Space, Moderator, Changes),
        page(post.clone(), "/s/{space}/invite", Space, Moderator, Changes),
        with(page(post.clone(), "/s/{space}/visibility", Space, Owner, Changes),
            json!({"visibility": "members_only"})),
        with(page(post.clone(), "/s/{space}/reports/resolve", Space, Moderator, Changes),
            json!({"ids": "{report}"})),
        page(post.clone(), "/reports/{report}/resolve", Report, Moderator, Changes),
        page(get.clone(), "/s/{space}/glossary", Space, Moderator, Keeps),
        with(page(post.clone(), "/s/{space}/glossary", Space, Moderator, Keeps),
            json!({"term": "Rosa", "lang": "", "to": "", "text": ""})),
        page(get.clone(), "/s/{space}/corrections", Space, Moderator, Keeps),
        answering(with(page(post.clone(), "/s/{space}/corrections", Space, Moderator, Keeps),
            json!({"flag_id": "999999", "translation": "Better."})), 404),
        answering(page(post.clone(), "/s/{space}/corrections/999999/revoke", Space, Moderator, Keeps), 404),
        answering(page(post.clone(), "/s/{space}/flags/999999/dismiss", Space, Moderator, Keeps), 404),
        // Pages of a thread and a post.
        page(get.clone(), "/t/{thread}", Thread, Reader, Keeps),
        with(page(post.clone(), "/t/{thread}/reply", Thread, Poster, Keeps), json!({"body": "Me too", "lang": "en"})),
        page(post.clone(), "/t/{thread}/lock", Thread, Moderator, Changes),
        page(post.clone(), "/t/{thread}/unlock", Thread, Moderator, Changes),
        page(post.clone(), "/t/{thread}/pin", Thread, Moderator, Changes),
        page(post.clone(), "/t/{thread}/unpin", Thread, Moderator, Changes),
        page(get.clone(), "/p/{post}/fragment", Post, Reader, Keeps),
        history(page(get.clone(), "/p/{post}/edit", Post, AuthorOrModerator, Keeps)),
        with(page(post.clone(), "/p/{post}/edit", Post, AuthorOrModerator, Changes), json!({"body": "Changed"})),
        history(page(get.clone(), "/p/{post}/history", Post, AuthorOrModerator, Keeps)),
        with(page(post.clone(), "/p/{post}/report", Post, Reporter, Changes), reason()),
        page(post.clone(), "/p/{post}/hide", Post, Moderator, Changes),
        history(page(get.clone(), "/p/{post}/sentences?lang=de", Post, Reader, Keeps)),
        answering(with(page(post.clone(), "/p/{post}/sentences", Post, Poster, Keeps),
            json!({"lang": "de", "sentence": "0"})), 404),
        page(post.clone(), "/p/{post}/unhide", Post, Moderator, Changes),
        // Email: settings on the profile, and the links in messages (they answer pages,
        // not redirects: a mail program's one-click POST reads no redirect).
        with(page(post.clone(), "/me/email", Site, SignedIn, Keeps),
            json!({"email_address": "", "email_mode": "immediate", "kind-reply": "on"})),
        set_up(page(get.clone(), "/unsubscribe/{unsubscribe}", Site, Token, Keeps), Setup::Unsubscribe),
        answering(set_up(page(post.clone(), "/unsubscribe/{unsubscribe}", Site, Token, Keeps), Setup::Unsubscribe), 200),
        answering(page(get.clone(), "/unsubscribe/no-such-token", Site, Token, Keeps), 404),
        answering(page(post.clone(), "/unsubscribe/no-such-token", Site, Token, Keeps), 404),
        set_up(page(get.clone(), "/email/confirm/{confirm}", Site, Token, Keeps), Setup::ConfirmAddress),
        answering(set_up(page(post.clone(), "/email/confirm/{confirm}", Site, Token, Keeps), Setup::ConfirmAddress), 200),
        answering(page(post.clone(), "/email/confirm/no-such-token", Site, Token, Keeps), 404),
    ];
    table
}

/// One world: a space and the ids of what is in it.
#[derive(Debug, Clone)]
struct World {
    slug: String,
    invite: String,
    thread: i64,
    post: i64,
    report: i64,
}

/// The people of every world, and the worker.
struct Cast {
    users: HashMap<Who, TestUser>,
    worker: TestUser,
    /// A classmate who reported the author's reply.
    reporter: TestUser,
    /// The visitor's user id: the links from email in the table are theirs.
    visitor: i64,
    /// Ids handed out to bodies and slugs, so that every cell's are new.
    next: usize,
}

struct Table {
    app: TestApp,
    cast: Cast,
    /// A client that shows redirects instead of following them.
    client: awc::Client,
}

impl Table {
    async fn new(backend: Backend) -> Self {
        let app = TestApp::start(backend).await;
        let mut users = HashMap::new();
        for who in EVERYONE {
            let Some(handle) = who.handle() else { continue };
            let user = if who == Who::Admin {
                app.admin(handle).await
            } else {
                app.register(handle, &["en", "es"]).await
            };
            users.insert(who, user);
        }
        let reporter = app.register("reporter", &["en"]).await;
        let visitor = app.register("visitor", &["en"]).await;
        let visitor = app.get("/api/v1/me", &visitor).await.expect(200)["id"]
            .as_i64()
            .expect("the visitor's id");
        let admin = users[&Who::Admin].clone();
        let created = app
            .post("/api/v1/admin/workers", &admin, json!({"name": "lab"}))
            .await
            .expect(201);
        let worker = TestUser {
            handle: "lab".into(),
            token: created["token"].as_str().expect("worker token").to_owned(),
            csrf: String::new(),
        };
        Self {
            app,
            client: awc::Client::builder().disable_redirects().finish(),
            cast: Cast {
                users,
                worker,
                reporter,
                visitor,
                next: 0,
            },
        }
    }

    fn user(&self, who: Who) -> &TestUser {
        &self.cast.users[&who]
    }

    fn fresh(&mut self) -> usize {
        self.cast.next += 1;
        self.cast.next
    }

    /// A space of `visibility` with one member of each role, the author's thread and reply
    /// (reported by a classmate), and `state` applied to them.
    async fn world(&mut self, visibility: Visibility, state: State) -> World {
        let slug = format!("world-{}", self.fresh());
        let app = &self.app;
        let invite = app
            .space(self.user(Who::Owner), &slug, visibility.as_str())
            .await;
        let reporter = &self.cast.reporter;
        for who in [
            Who::Teacher,
            Who::Student,
            Who::Author,
            Who::Banned,
            Who::Removed,
        ] {
            app.join(self.user(who), &slug, Some(&invite)).await;
        }
        app.join(reporter, &slug, Some(&invite)).await;
        app.set_role(self.user(Who::Owner), &slug, "teacher", "teacher")
            .await;
        let author = self.user(Who::Author);
        let (thread, _) = app
            .thread(author, &slug, "Our project", "What shall we build?")
            .await;
        let post = app.reply(author, thread, "A solar oven").await;
        let report = app
            .post(
                &format!("/api/v1/posts/{post}/reports"),
                reporter,
                json!({"reason": "unkind"}),
            )
            .await
            .expect(201)["id"]
            .as_i64()
            .expect("report id");
        let teacher = self.user(Who::Teacher);
        app.ban(teacher, &slug, "banned").await;
        app.delete(&format!("/api/v1/spaces/{slug}/members/removed"), teacher)
            .await
            .expect(204);
        let (path, by) = match state {
            State::Visible => (None, teacher),
            State::HiddenPost => (Some(format!("/api/v1/posts/{post}/hide")), teacher),
            State::HiddenThread => (Some(format!("/api/v1/threads/{thread}/hide")), teacher),
            State::DeletedPost => (None, author),
        };
        if let Some(path) = path {
            app.post(&path, by, json!({})).await.expect(200);
        }
        if state == State::DeletedPost {
            app.delete(&format!("/api/v1/posts/{post}"), by)
                .await
                .expect(204);
        }
        World {
            slug,
            invite,
            thread,
            post,
            report,
        }
    }

    /// Fills in the placeholders of a path or body.
    fn fill(
        &self,
        text: &str,
        world: &World,
        ids: &HashMap<&'static str, String>,
        n: usize,
    ) -> String {
        let mut text = text
            .replace("{space}", &world.slug)
            .replace("{invite}", &world.invite)
            .replace("{thread}", &world.thread.to_string())
            .replace("{post}", &world.post.to_string())
            .replace("\"{report}\"", &world.report.to_string())
            .replace("{report}", &world.report.to_string())
            .replace("{n}", &n.to_string());
        for (name, id) in ids {
            text = text.replace(&format!("{{{name}}}"), id);
        }
        text
    }

    /// The ids a cell's setup makes for `who`.
    async fn set_up(&self, setup: Setup, who: Who, n: usize) -> HashMap<&'static str, String> {
        let mut ids = HashMap::new();
        // The links from email are the visitor's, whoever follows them.
        if let Some((name, token)) = self.email_token(setup, n).await {
            ids.insert(name, token);
            return ids;
        }
        let Some(handle) = who.handle() else {
            // Refused before any id is looked at.
            for name in ["token", "session", "worker"] {
                ids.insert(name, "1".to_owned());
            }
            return ids;
        };
        let app = &self.app;
        match setup {
            Setup::None => {}
            Setup::OwnToken => {
                let token = app
                    .post("/api/v1/me/tokens", self.user(who), json!({"name": "cell"}))
                    .await
                    .expect(201);
                ids.insert("token", token["id"].as_i64().expect("token id").to_string());
            }
            Setup::OwnOtherSession => {
                let other = app.login(handle).await;
                let sessions = app.get("/api/v1/me/sessions", &other).await.expect(200);
                let id = sessions
                    .as_array()
                    .and_then(|all| all.iter().find(|s| s["current"] == true))
                    .and_then(|s| s["id"].as_i64())
                    .expect("the other session's id");
                ids.insert("session", id.to_string());
            }
            Setup::FreshWorker => {
                let created = app
                    .post(
                        "/api/v1/admin/workers",
                        self.user(Who::Admin),
                        json!({"name": "spare"}),
                    )
                    .await
                    .expect(201);
                ids.insert(
                    "worker",
                    created["id"].as_i64().expect("worker id").to_string(),
                );
            }
            Setup::Unsubscribe | Setup::ConfirmAddress => {}
        }
        ids
    }

    /// The visitor's token a link from email carries: their unsubscribe token, or the
    /// confirmation token of a new address (a new one per cell, so that each may use it).
    async fn email_token(&self, setup: Setup, n: usize) -> Option<(&'static str, String)> {
        let name = match setup {
            Setup::Unsubscribe => "unsubscribe",
            Setup::ConfirmAddress => "confirm",
            _ => return None,
        };
        let (db, visitor) = (self.app.store.db.clone(), self.cast.visitor);
        let (unsubscribe, confirm) = actix_web::web::block(move || {
            let actor = pontis_models::Actor {
                user_id: visitor,
                is_admin: false,
            };
            pontis_models::notifications::address::request_address(
                &db,
                &actor,
                &format!("visitor{n}@school.example"),
            )
            .expect("the visitor gives an address");
            pontis_models::testing::email_tokens(&db, visitor)
        })
        .await
        .expect("blocking task");
        let token = if name == "unsubscribe" {
            unsubscribe
        } else {
            confirm
        };
        Some((name, token.expect("the visitor's token")))
    }

    /// Asks one cell; returns the status and, for JSON answers, the error code.
    async fn ask(&mut self, route: &Route, who: Who, world: &World) -> (u16, String, String) {
        let n = self.fresh();
        let ids = self.set_up(route.setup, who, n).await;
        let path = self.fill(route.path, world, &ids, n);
        let body = route
            .body
            .as_ref()
            .map(|body| self.fill(&body.to_string(), world, &ids, n));
        let app = &self.app;
        let mut req = self
            .client
            .request(route.method.clone(), app.srv.url(&path));
        let user = match who {
            Who::Worker => Some(&self.cast.worker),
            other => other.handle().map(|_| self.user(other)),
        };
        let mut form_token = String::new();
        match (route.surface, user) {
            (Surface::Api, Some(user)) => {
                req = req.insert_header(("Authorization", format!("Bearer {}", user.token)));
            }
            (Surface::Page, Some(user)) if who == Who::Worker => {
                req = req.insert_header(("Authorization", format!("Bearer {}", user.token)));
            }
            (Surface::Page, Some(user)) => {
                req = req.insert_header(("Cookie", format!("pontis_session={}", user.token)));
                form_token = user.csrf.clone();
            }
            // The anonymous browser holds the form cookie that a page before gave it.
            (Surface::Page, None) => {
                req = req.insert_header(("Cookie", "pontis_form=anonymous-form"));
                form_token = "anonymous-form".into();
            }
            (Surface::Api, None) => {}
        }
        let sent = match (route.surface, body) {
            (Surface::Api, Some(body)) => {
                let json: Value = serde_json::from_str(&body).expect("a JSON body");
                req.send_json(&json).await
            }
            (Surface::Api, None) => req.send().await,
            (Surface::Page, body) if route.method == Method::POST => {
                let mut fields: Vec<(String, String)> = body
                    .map(|body| serde_json::from_str::<Value>(&body).expect("form fields"))
                    .and_then(|v| v.as_object().cloned())
                    .unwrap_or_default()
                    .into_iter()
                    .map(|(k, v)| (k, v.as_str().map_or_else(|| v.to_string(), str::to_owned)))
                    .collect();
                if who != Who::Worker {
                    fields.push(("csrf_token".into(), form_token));
                }
                req.send_form(&fields).await
            }
            (Surface::Page, _) => req.send().await,
        };
        let mut res = sent.expect("request reaches the server");
        let status = res.status().as_u16();
        let location = res
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        let streaming = res
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/event-stream"));
        // A live stream stays open: its status is the answer.
        let code = if streaming {
            String::new()
        } else {
            let bytes = res.body().limit(16 * 1024 * 1024).await.unwrap_or_default();
            serde_json::from_slice::<Value>(&bytes)
                .ok()
                .and_then(|v| v["code"].as_str().map(str::to_owned))
                .unwrap_or_default()
        };
        (status, code, location)
    }

    /// A new session for `who` after a cell ended theirs.
    async fn sign_in_again(&mut self, who: Who) {
        if let Some(handle) = who.handle() {
            let user = self.app.login(handle).await;
            self.cast.users.insert(who, user);
        }
    }
}

/// Whether an answer is the outcome the table wants.
fn answers(outcome: &Outcome, surface: Surface, status: u16, code: &str, location: &str) -> bool {
    match outcome {
        Outcome::Success(wanted) => status == *wanted,
        Outcome::Login => status == 303 && location.starts_with("/login?next="),
        Outcome::Refused(wanted, wanted_code) => {
            status == *wanted && (surface == Surface::Page || code == *wanted_code)
        }
    }
}

async fn every_cell_of_the_authorization_table_answers_as_written(backend: Backend) {
    let mut table = Table::new(backend).await;
    let routes = routes();
    let mut worlds: HashMap<(Visibility, State), World> = HashMap::new();
    let (mut asked, mut wrong) = (0, Vec::new());
    for route in &routes {
        for &space in route.target.visibilities() {
            for &state in route.target.states() {
                for who in EVERYONE {
                    let outcome = expected(route, who, space, state);
                    let succeeds = matches!(outcome, Outcome::Success(_));
                    let own_world = succeeds && route.effect == Effect::Changes;
                    let world = if own_world {
                        table.world(space, state).await
                    } else {
                        match worlds.get(&(space, state)) {
                            Some(world) => world.clone(),
                            None => {
                                let world = table.world(space, state).await;
                                worlds.insert((space, state), world.clone());
                                world
                            }
                        }
                    };
                    let (status, code, location) = table.ask(route, who, &world).await;
                    asked += 1;
                    if !answers(&outcome, route.surface, status, &code, &location) {
                        wrong.push(format!(
                            "{} {} as {who:?}, {space:?} space, {state:?}: expected {outcome}, got {status} {code}{location}",
                            route.method, route.path
                        ));
                    }
                    if succeeds && route.effect == Effect::EndsSession {
                        table.sign_in_again(who).await;
                    }
                }
            }
        }
    }
    let cells: usize = routes
        .iter()
        .map(|r| r.target.visibilities().len() * r.target.states().len() * EVERYONE.len())
        .sum();
    assert_eq!(asked, cells, "every cell was asked");
    println!(
        "authorization table: {} routes, {} roles, {asked} cells",
        routes.len(),
        EVERYONE.len()
    );
    assert!(
        wrong.is_empty(),
        "{} of {asked} cells answered otherwise:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

on_both_backends!(
    #[actix_web::test]
    async every_cell_of_the_authorization_table_answers_as_written,
);

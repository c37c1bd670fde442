//! Sessions: they end after an idle time, a password change ends the others, and their
//! owner lists and ends them. On both databases.

use chrono::Duration;
use diesel::prelude::*;
use pontis_models::accounts::{self, Credential, SessionPolicy};
use pontis_models::schema::sessions;
use pontis_models::testing::TestDb;
use pontis_models::{Error, on_both_backends};
use pontis_types::{ChangePasswordRequest, LoginRequest, RegisterRequest};

const PASSWORD: &str = "long enough secret";

fn register(t: &TestDb) -> String {
    accounts::register(
        &t.db,
        RegisterRequest {
            handle: "ana".into(),
            password: PASSWORD.into(),
            display_name: None,
            locale: "es".into(),
            languages: vec!["es".into()],
        },
        Some("Firefox on a school laptop"),
    )
    .expect("register")
    .token
}

fn login(t: &TestDb, password: &str) -> Result<String, Error> {
    accounts::login(
        &t.db,
        LoginRequest {
            handle: "ana".into(),
            password: password.into(),
        },
        None,
    )
    .map(|auth| auth.token)
}

fn idle_sessions_end_and_use_keeps_them(t: TestDb) {
    let token = register(&t);
    let policy = SessionPolicy {
        idle: Duration::hours(2),
    };
    assert!(accounts::authenticate(&t.db, &token, policy).is_ok());
    // Three hours without use.
    t.db.write(|conn| {
        diesel::update(sessions::table)
            .set(sessions::last_seen_at.eq(chrono::Utc::now().naive_utc() - Duration::hours(3)))
            .execute(conn)
            .map_err(Error::from)
    })
    .expect("age the session");
    assert!(matches!(
        accounts::authenticate(&t.db, &token, policy),
        Err(Error::Unauthenticated)
    ));
    assert!(
        accounts::authenticate(
            &t.db,
            &token,
            SessionPolicy {
                idle: Duration::hours(4)
            }
        )
        .is_ok(),
        "within a longer idle time it still works"
    );
    // One hour ago is recent enough; using it moves its last use to now.
    t.db.write(|conn| {
        diesel::update(sessions::table)
            .set(sessions::last_seen_at.eq(chrono::Utc::now().naive_utc() - Duration::hours(1)))
            .execute(conn)
            .map_err(Error::from)
    })
    .expect("age the session");
    let auth = accounts::authenticate(&t.db, &token, policy).expect("still signed in");
    let listed =
        accounts::list_sessions(&t.db, &auth.actor, &auth.credential, policy).expect("sessions");
    assert_eq!(listed.len(), 1);
    assert!(listed[0].current);
    assert_eq!(
        listed[0].user_agent.as_deref(),
        Some("Firefox on a school laptop")
    );
    assert!(
        chrono::Utc::now() - listed[0].last_seen_at < Duration::minutes(1),
        "use recorded: {:?}",
        listed[0].last_seen_at
    );
}

fn a_new_password_ends_the_other_sessions(t: TestDb) {
    let policy = SessionPolicy::default();
    let here = register(&t);
    let elsewhere = login(&t, PASSWORD).expect("second browser");
    let auth = accounts::authenticate(&t.db, &here, policy).expect("here");
    let wrong = accounts::change_password(
        &t.db,
        &auth.actor,
        &auth.credential,
        ChangePasswordRequest {
            current_password: "not my password".into(),
            new_password: "a brand new secret".into(),
        },
    );
    assert!(matches!(wrong, Err(Error::WrongPassword)), "{wrong:?}");
    assert!(accounts::authenticate(&t.db, &elsewhere, policy).is_ok());
    accounts::change_password(
        &t.db,
        &auth.actor,
        &auth.credential,
        ChangePasswordRequest {
            current_password: PASSWORD.into(),
            new_password: "a brand new secret".into(),
        },
    )
    .expect("change");
    assert!(
        accounts::authenticate(&t.db, &here, policy).is_ok(),
        "this one stays"
    );
    assert!(
        accounts::authenticate(&t.db, &elsewhere, policy).is_err(),
        "the other browser is signed out"
    );
    assert!(matches!(
        login(&t, PASSWORD),
        Err(Error::InvalidCredentials)
    ));
    assert!(login(&t, "a brand new secret").is_ok());
}

fn sessions_end_one_by_one_or_all_at_once(t: TestDb) {
    let policy = SessionPolicy::default();
    let here = register(&t);
    let phone = login(&t, PASSWORD).expect("phone");
    let _laptop = login(&t, PASSWORD).expect("laptop");
    let auth = accounts::authenticate(&t.db, &here, policy).expect("here");
    let phone_id = match accounts::authenticate(&t.db, &phone, policy)
        .expect("phone")
        .credential
    {
        Credential::Session { id, .. } => id,
        Credential::ApiToken { .. } => panic!("a session"),
    };
    assert_eq!(
        accounts::list_sessions(&t.db, &auth.actor, &auth.credential, policy)
            .expect("list")
            .len(),
        3
    );
    accounts::end_session(&t.db, &auth.actor, phone_id).expect("end the phone's");
    assert!(accounts::authenticate(&t.db, &phone, policy).is_err());
    assert!(matches!(
        accounts::end_session(&t.db, &auth.actor, phone_id),
        Err(Error::SessionNotFound)
    ));
    accounts::end_all_sessions(&t.db, &auth.actor).expect("everywhere");
    assert!(accounts::authenticate(&t.db, &here, policy).is_err());
}

on_both_backends!(
    idle_sessions_end_and_use_keeps_them,
    a_new_password_ends_the_other_sessions,
    sessions_end_one_by_one_or_all_at_once,
);

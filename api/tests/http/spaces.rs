//! Spaces and their members: creating, listing, reading, joining, leaving, roles.

use pontis_models::Backend;
use serde_json::{Value, json};

use crate::common::TestApp;
use pontis_models::on_both_backends;

fn slugs(list: &Value) -> Vec<&str> {
    list.as_array()
        .expect("a list of spaces")
        .iter()
        .map(|s| s["slug"].as_str().expect("slug"))
        .collect()
}

fn member_roles(list: &Value) -> Vec<(&str, &str)> {
    list.as_array()
        .expect("a list of members")
        .iter()
        .map(|m| {
            (
                m["user"]["handle"].as_str().expect("handle"),
                m["role"].as_str().expect("role"),
            )
        })
        .collect()
}

// POST /spaces

async fn creating_a_space_makes_the_creator_its_owner(backend: Backend) {
    let app = TestApp::start(backend).await;
    let ana = app.register("ana", &["es"]).await;
    let created = app
        .post(
            "/api/v1/spaces",
            &ana,
            json!({"slug": " Solar-Club ", "name": "  Solar club  ",
                   "description": "Panels on the roof", "visibility": "members_only"}),
        )
        .await
        .expect(201);
    assert_eq!(
        created["slug"], "solar-club",
        "slugs are trimmed and lower-cased"
    );
    assert_eq!(created["name"], "Solar club", "names are trimmed");
    assert_eq!(created["description"], "Panels on the roof");
    assert_eq!(created["visibility"], "members_only");
    assert_eq!(created["my_role"], "owner");
    assert_eq!(created["member_count"], 1);
    assert_eq!(
        created["invite_code"].as_str().map(str::len),
        Some(12),
        "the owner sees the invite code: {created}"
    );

    let read = app.get("/api/v1/spaces/solar-club", &ana).await.expect(200);
    assert_eq!(read["id"], created["id"]);
    assert_eq!(read["my_role"], "owner");
    assert_eq!(read["invite_code"], created["invite_code"]);
}

async fn creating_a_space_without_description_leaves_it_empty(backend: Backend) {
    let app = TestApp::start(backend).await;
    let ana = app.register("ana", &["es"]).await;
    let created = app
        .post(
            "/api/v1/spaces",
            &ana,
            json!({"slug": "club", "name": "Club", "visibility": "public"}),
        )
        .await
        .expect(201);
    assert_eq!(created["description"], "");
    assert_eq!(created["visibility"], "public");
}

async fn creating_a_space_rejects_bad_input(backend: Backend) {
    let app = TestApp::start(backend).await;
    let ana = app.register("ana", &["es"]).await;
    let space =
        |slug: &str, name: &str| json!({"slug": slug, "name": name, "visibility": "public"});
    let cases = [
        (space("ab", "Name"), "invalid_slug"),
        (space(&"a".repeat(49), "Name"), "invalid_slug"),
        (space("-club", "Name"), "invalid_slug"),
        (space("club-", "Name"), "invalid_slug"),
        (space("our club", "Name"), "invalid_slug"),
        (space("club_1", "Name"), "invalid_slug"),
        (space("café", "Name"), "invalid_slug"),
        (space("club", "   "), "invalid_space_name"),
        (space("club", &"n".repeat(101)), "invalid_space_name"),
        (
            json!({"slug": "club", "name": "Club", "visibility": "public",
                   "description": "d".repeat(2001)}),
            "description_too_long",
        ),
        (
            json!({"slug": "club", "name": "Club", "visibility": "secret"}),
            "invalid_json",
        ),
        (json!({"slug": "club", "name": "Club"}), "invalid_json"),
    ];
    for (body, code) in cases {
        app.post("/api/v1/spaces", &ana, body)
            .await
            .expect_error(400, code);
    }
    assert_eq!(
        app.get("/api/v1/spaces", &ana).await.expect(200),
        json!([]),
        "no refused request created a space"
    );
}

async fn creating_a_space_with_a_taken_slug_is_a_conflict(backend: Backend) {
    let app = TestApp::start(backend).await;
    let ana = app.register("ana", &["es"]).await;
    let ben = app.register("ben", &["de"]).await;
    app.space(&ana, "club", "members_only").await;
    app.post(
        "/api/v1/spaces",
        &ben,
        json!({"slug": "CLUB", "name": "Another club", "visibility": "public"}),
    )
    .await
    .expect_error(409, "slug_taken");
}

// GET /spaces

async fn space_list_shows_own_spaces_first_then_public_ones(backend: Backend) {
    let app = TestApp::start(backend).await;
    let carla = app.register("carla", &["it"]).await;
    let ana = app.register("ana", &["es"]).await;
    app.space(&carla, "aaa-open", "public").await;
    app.space(&carla, "bbb-closed", "members_only").await;
    app.space(&ana, "zzz-mine", "public").await;

    let listed = app.get("/api/v1/spaces", &ana).await.expect(200);
    assert_eq!(slugs(&listed), ["zzz-mine", "aaa-open"]);
    assert_eq!(listed[0]["my_role"], "owner");
    assert_eq!(listed[1]["my_role"], Value::Null);
    assert_eq!(
        listed[1]["invite_code"],
        Value::Null,
        "non-members never see the invite code"
    );
}

async fn members_only_spaces_are_listed_to_their_members_only(backend: Backend) {
    let app = TestApp::start(backend).await;
    let carla = app.register("carla", &["it"]).await;
    let ana = app.register("ana", &["es"]).await;
    let code = app.space(&carla, "closed", "members_only").await;
    app.space(&carla, "open", "public").await;

    let before = app.get("/api/v1/spaces", &ana).await.expect(200);
    assert_eq!(slugs(&before), ["open"]);

    app.join(&ana, "closed", Some(&code)).await;
    let after = app.get("/api/v1/spaces", &ana).await.expect(200);
    assert_eq!(slugs(&after), ["closed", "open"]);
    assert_eq!(after[0]["my_role"], "student");
}

// GET /spaces/{slug}

async fn members_only_space_is_not_found_by_non_members(backend: Backend) {
    let app = TestApp::start(backend).await;
    let class = app.class("closed", "members_only").await;
    app.get("/api/v1/spaces/closed", &class.outsider)
        .await
        .expect_error(404, "space_not_found");
    let member_view = app
        .get("/api/v1/spaces/closed", &class.ana)
        .await
        .expect(200);
    assert_eq!(member_view["my_role"], "student");
    assert_eq!(member_view["member_count"], 4);
}

async fn public_space_is_readable_by_non_members(backend: Backend) {
    let app = TestApp::start(backend).await;
    let class = app.class("open", "public").await;
    let read = app
        .get("/api/v1/spaces/open", &class.outsider)
        .await
        .expect(200);
    assert_eq!(read["slug"], "open");
    assert_eq!(read["my_role"], Value::Null);
    assert_eq!(read["invite_code"], Value::Null);
}

async fn unknown_space_is_not_found(backend: Backend) {
    let app = TestApp::start(backend).await;
    let ana = app.register("ana", &["es"]).await;
    app.get("/api/v1/spaces/nowhere", &ana)
        .await
        .expect_error(404, "space_not_found");
}

async fn invite_code_is_shown_to_moderators_only(backend: Backend) {
    let app = TestApp::start(backend).await;
    let class = app.class("closed", "members_only").await;
    for moderator in [&class.owner, &class.teacher] {
        let read = app
            .get("/api/v1/spaces/closed", moderator)
            .await
            .expect(200);
        assert_eq!(read["invite_code"], class.invite_code.as_str());
    }
    let student_view = app
        .get("/api/v1/spaces/closed", &class.ana)
        .await
        .expect(200);
    assert_eq!(student_view["invite_code"], Value::Null);
}

// POST /spaces/{slug}/join

async fn joining_a_public_space_needs_no_body(backend: Backend) {
    let app = TestApp::start(backend).await;
    let carla = app.register("carla", &["it"]).await;
    let ana = app.register("ana", &["es"]).await;
    let ben = app.register("ben", &["de"]).await;
    app.space(&carla, "open", "public").await;

    let joined = app
        .post_empty("/api/v1/spaces/open/join", &ana)
        .await
        .expect(200);
    assert_eq!(joined["my_role"], "student");
    assert_eq!(joined["member_count"], 2);
    assert_eq!(joined["invite_code"], Value::Null);

    let joined = app
        .post("/api/v1/spaces/open/join", &ben, json!({}))
        .await
        .expect(200);
    assert_eq!(joined["member_count"], 3);
}

async fn joining_a_members_only_space_with_its_invite_code(backend: Backend) {
    let app = TestApp::start(backend).await;
    let carla = app.register("carla", &["it"]).await;
    let ana = app.register("ana", &["es"]).await;
    let code = app.space(&carla, "closed", "members_only").await;
    let joined = app
        .post(
            "/api/v1/spaces/closed/join",
            &ana,
            json!({"invite_code": format!("  {code} ")}),
        )
        .await
        .expect(200);
    assert_eq!(joined["slug"], "closed");
    assert_eq!(joined["my_role"], "student");
    app.get("/api/v1/spaces/closed", &ana).await.expect(200);
}

async fn joining_a_members_only_space_without_the_right_code_is_not_found(backend: Backend) {
    let app = TestApp::start(backend).await;
    let carla = app.register("carla", &["it"]).await;
    let ana = app.register("ana", &["es"]).await;
    let code = app.space(&carla, "closed", "members_only").await;
    let wrong = format!("{code}x");
    for body in [
        json!({"invite_code": wrong}),
        json!({"invite_code": null}),
        json!({}),
    ] {
        app.post("/api/v1/spaces/closed/join", &ana, body)
            .await
            .expect_error(404, "space_not_found");
    }
    app.post_empty("/api/v1/spaces/closed/join", &ana)
        .await
        .expect_error(404, "space_not_found");
    app.get("/api/v1/spaces/closed", &ana)
        .await
        .expect_error(404, "space_not_found");
}

async fn joining_an_unknown_space_is_not_found(backend: Backend) {
    let app = TestApp::start(backend).await;
    let ana = app.register("ana", &["es"]).await;
    app.post_empty("/api/v1/spaces/nowhere/join", &ana)
        .await
        .expect_error(404, "space_not_found");
}

async fn joining_twice_is_a_conflict(backend: Backend) {
    let app = TestApp::start(backend).await;
    let class = app.class("closed", "members_only").await;
    app.post(
        "/api/v1/spaces/closed/join",
        &class.ana,
        json!({"invite_code": class.invite_code}),
    )
    .await
    .expect_error(409, "already_member");
    app.post_empty("/api/v1/spaces/closed/join", &class.owner)
        .await
        .expect_error(409, "already_member");
}

async fn joining_with_a_malformed_body_is_invalid_json(backend: Backend) {
    let app = TestApp::start(backend).await;
    let carla = app.register("carla", &["it"]).await;
    let ana = app.register("ana", &["es"]).await;
    app.space(&carla, "open", "public").await;
    app.post(
        "/api/v1/spaces/open/join",
        &ana,
        json!({"invite_code": 12345}),
    )
    .await
    .expect_error(400, "invalid_json");
}

// POST /spaces/{slug}/leave

async fn student_leaves_a_space(backend: Backend) {
    let app = TestApp::start(backend).await;
    let class = app.class("closed", "members_only").await;
    app.post_empty("/api/v1/spaces/closed/leave", &class.ana)
        .await
        .expect(204);
    app.get("/api/v1/spaces/closed", &class.ana)
        .await
        .expect_error(404, "space_not_found");
    let members = app
        .get("/api/v1/spaces/closed/members", &class.owner)
        .await
        .expect(200);
    assert!(
        !member_roles(&members).iter().any(|(h, _)| *h == "ana"),
        "{members}"
    );
}

async fn last_owner_cannot_leave(backend: Backend) {
    let app = TestApp::start(backend).await;
    let class = app.class("closed", "members_only").await;
    app.post_empty("/api/v1/spaces/closed/leave", &class.owner)
        .await
        .expect_error(409, "last_owner");
    let read = app
        .get("/api/v1/spaces/closed", &class.owner)
        .await
        .expect(200);
    assert_eq!(read["my_role"], "owner", "still the owner");
}

async fn one_of_two_owners_can_leave(backend: Backend) {
    let app = TestApp::start(backend).await;
    let class = app.class("closed", "members_only").await;
    app.set_role(&class.owner, "closed", "teacher", "owner")
        .await;
    app.post_empty("/api/v1/spaces/closed/leave", &class.owner)
        .await
        .expect(204);
    app.post_empty("/api/v1/spaces/closed/leave", &class.teacher)
        .await
        .expect_error(409, "last_owner");
}

// GET /spaces/{slug}/members

async fn members_are_listed_with_roles_and_languages(backend: Backend) {
    let app = TestApp::start(backend).await;
    let class = app.class("closed", "members_only").await;
    let members = app
        .get("/api/v1/spaces/closed/members", &class.ana)
        .await
        .expect(200);
    assert_eq!(
        member_roles(&members),
        [
            ("owner", "owner"),
            ("teacher", "teacher"),
            ("ana", "student"),
            ("ben", "student"),
        ],
        "in the order they joined"
    );
    assert_eq!(members[2]["languages"], json!(["es", "en"]));
    assert!(members[0]["joined_at"].is_string());
}

// PATCH /spaces/{slug}/members/{handle}

async fn owner_changes_a_members_role(backend: Backend) {
    let app = TestApp::start(backend).await;
    let class = app.class("closed", "members_only").await;
    let changed = app
        .patch(
            "/api/v1/spaces/closed/members/ANA",
            &class.owner,
            json!({"role": "teacher"}),
        )
        .await
        .expect(200);
    assert_eq!(changed["user"]["handle"], "ana");
    assert_eq!(changed["role"], "teacher");
    assert_eq!(changed["languages"], json!(["es", "en"]));
    let read = app
        .get("/api/v1/spaces/closed", &class.ana)
        .await
        .expect(200);
    assert_eq!(read["my_role"], "teacher");
    assert_eq!(
        read["invite_code"],
        class.invite_code.as_str(),
        "a new teacher sees the invite code"
    );

    app.patch(
        "/api/v1/spaces/closed/members/teacher",
        &class.owner,
        json!({"role": "student"}),
    )
    .await
    .expect(200);
    let members = app
        .get("/api/v1/spaces/closed/members", &class.owner)
        .await
        .expect(200);
    assert!(member_roles(&members).contains(&("teacher", "student")));
}

async fn teachers_cannot_change_roles(backend: Backend) {
    let app = TestApp::start(backend).await;
    let class = app.class("closed", "members_only").await;
    app.patch(
        "/api/v1/spaces/closed/members/ana",
        &class.teacher,
        json!({"role": "teacher"}),
    )
    .await
    .expect_error(403, "permission_denied");
    app.patch(
        "/api/v1/spaces/closed/members/teacher",
        &class.teacher,
        json!({"role": "owner"}),
    )
    .await
    .expect_error(403, "permission_denied");
}

async fn students_cannot_change_roles(backend: Backend) {
    let app = TestApp::start(backend).await;
    let class = app.class("closed", "members_only").await;
    app.patch(
        "/api/v1/spaces/closed/members/ana",
        &class.ana,
        json!({"role": "owner"}),
    )
    .await
    .expect_error(403, "permission_denied");
    app.patch(
        "/api/v1/spaces/closed/members/ben",
        &class.ana,
        json!({"role": "teacher"}),
    )
    .await
    .expect_error(403, "permission_denied");
    let members = app
        .get("/api/v1/spaces/closed/members", &class.owner)
        .await
        .expect(200);
    assert!(member_roles(&members).contains(&("ana", "student")));
    assert!(member_roles(&members).contains(&("ben", "student")));
}

async fn role_change_rejects_unknown_users_non_members_and_unknown_roles(backend: Backend) {
    let app = TestApp::start(backend).await;
    let class = app.class("closed", "members_only").await;
    app.patch(
        "/api/v1/spaces/closed/members/nobody",
        &class.owner,
        json!({"role": "teacher"}),
    )
    .await
    .expect_error(404, "user_not_found");
    app.patch(
        "/api/v1/spaces/closed/members/outsider",
        &class.owner,
        json!({"role": "teacher"}),
    )
    .await
    .expect_error(403, "not_member");
    app.patch(
        "/api/v1/spaces/closed/members/ana",
        &class.owner,
        json!({"role": "admin"}),
    )
    .await
    .expect_error(400, "invalid_json");
    app.patch(
        "/api/v1/spaces/nowhere/members/ana",
        &class.owner,
        json!({"role": "teacher"}),
    )
    .await
    .expect_error(404, "space_not_found");
}

async fn last_owner_cannot_step_down(backend: Backend) {
    let app = TestApp::start(backend).await;
    let class = app.class("closed", "members_only").await;
    for role in ["teacher", "student"] {
        app.patch(
            "/api/v1/spaces/closed/members/owner",
            &class.owner,
            json!({ "role": role }),
        )
        .await
        .expect_error(409, "last_owner");
    }
    app.patch(
        "/api/v1/spaces/closed/members/owner",
        &class.owner,
        json!({"role": "owner"}),
    )
    .await
    .expect(200);
}

async fn one_of_two_owners_can_step_down(backend: Backend) {
    let app = TestApp::start(backend).await;
    let class = app.class("closed", "members_only").await;
    app.set_role(&class.owner, "closed", "ana", "owner").await;
    let changed = app
        .patch(
            "/api/v1/spaces/closed/members/owner",
            &class.owner,
            json!({"role": "teacher"}),
        )
        .await
        .expect(200);
    assert_eq!(changed["role"], "teacher");
    app.patch(
        "/api/v1/spaces/closed/members/ana",
        &class.ana,
        json!({"role": "student"}),
    )
    .await
    .expect_error(409, "last_owner");
    app.patch(
        "/api/v1/spaces/closed/members/ana",
        &class.owner,
        json!({"role": "student"}),
    )
    .await
    .expect_error(403, "permission_denied");
}

// Administrators

async fn administrators_see_members_only_spaces_without_joining(backend: Backend) {
    let app = TestApp::start(backend).await;
    let class = app.class("closed", "members_only").await;
    let admin = app.admin("root").await;
    let listed = app.get("/api/v1/spaces", &admin).await.expect(200);
    assert_eq!(slugs(&listed), ["closed"]);
    assert_eq!(listed[0]["my_role"], Value::Null);
    let read = app.get("/api/v1/spaces/closed", &admin).await.expect(200);
    assert_eq!(read["invite_code"], class.invite_code.as_str());
    let members = app
        .get("/api/v1/spaces/closed/members", &admin)
        .await
        .expect(200);
    assert_eq!(member_roles(&members).len(), 4);
}

async fn administrators_change_roles_in_any_space(backend: Backend) {
    let app = TestApp::start(backend).await;
    let class = app.class("closed", "members_only").await;
    let admin = app.admin("root").await;
    let changed = app
        .patch(
            "/api/v1/spaces/closed/members/ana",
            &admin,
            json!({"role": "owner"}),
        )
        .await
        .expect(200);
    assert_eq!(changed["role"], "owner");
    let members = app
        .get("/api/v1/spaces/closed/members", &class.owner)
        .await
        .expect(200);
    assert!(member_roles(&members).contains(&("ana", "owner")));
}

on_both_backends!(
    #[actix_web::test] async
    creating_a_space_makes_the_creator_its_owner,
    creating_a_space_without_description_leaves_it_empty,
    creating_a_space_rejects_bad_input,
    creating_a_space_with_a_taken_slug_is_a_conflict,
    space_list_shows_own_spaces_first_then_public_ones,
    members_only_spaces_are_listed_to_their_members_only,
    members_only_space_is_not_found_by_non_members,
    public_space_is_readable_by_non_members,
    unknown_space_is_not_found,
    invite_code_is_shown_to_moderators_only,
    joining_a_public_space_needs_no_body,
    joining_a_members_only_space_with_its_invite_code,
    joining_a_members_only_space_without_the_right_code_is_not_found,
    joining_an_unknown_space_is_not_found,
    joining_twice_is_a_conflict,
    joining_with_a_malformed_body_is_invalid_json,
    student_leaves_a_space,
    last_owner_cannot_leave,
    one_of_two_owners_can_leave,
    members_are_listed_with_roles_and_languages,
    owner_changes_a_members_role,
    teachers_cannot_change_roles,
    students_cannot_change_roles,
    role_change_rejects_unknown_users_non_members_and_unknown_roles,
    last_owner_cannot_step_down,
    one_of_two_owners_can_step_down,
    administrators_see_members_only_spaces_without_joining,
    administrators_change_roles_in_any_space,
);

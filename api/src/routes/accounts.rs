//! Registration, login, logout, the user's own profile and API tokens.

use actix_web::web::{Data, Json, Path};
use actix_web::{HttpRequest, HttpResponse, delete, get, patch, post};
use pontis_models::accounts;
use pontis_types::{
    ApiTokenView, AuthResponse, ChangePasswordRequest, Code, CreateTokenRequest, CreatedTokenView,
    LoginRequest, RegisterRequest, SessionView, UpdateMeRequest, UserView,
};

use crate::auth::{CurrentUser, expired_session_cookie, session_cookie, user_agent};
use crate::client::client_key;
use crate::error::ApiResult;
use crate::rate_limit::FailedLogins;
use crate::state::AppState;

/// Create an account and sign in.
#[utoipa::path(
    tag = "accounts",
    security(()),
    request_body = RegisterRequest,
    responses(
        (status = 201, body = AuthResponse, description = "Signed in; the session cookie is set too"),
    )
)]
#[post("/auth/register")]
pub async fn register(
    state: Data<AppState>,
    req: HttpRequest,
    body: Json<RegisterRequest>,
) -> ApiResult<HttpResponse> {
    state.limits.registrations_per_ip.check(&client_key(&req))?;
    let auth = state
        .run({
            let agent = user_agent(&req);
            move |db| accounts::register(db, body.into_inner(), agent.as_deref())
        })
        .await?;
    Ok(HttpResponse::Created()
        .cookie(session_cookie(&req, &auth.token))
        .json(auth))
}

/// Sign in with handle and password.
#[utoipa::path(
    tag = "accounts",
    security(()),
    request_body = LoginRequest,
    responses(
        (status = 200, body = AuthResponse),
    )
)]
#[post("/auth/login")]
pub async fn login(
    state: Data<AppState>,
    req: HttpRequest,
    body: Json<LoginRequest>,
) -> ApiResult<HttpResponse> {
    let client = client_key(&req);
    let attempt = FailedLogins::key(&body.handle, &client);
    state.limits.logins_per_ip.check(&client)?;
    state.limits.failed_logins.check(&attempt)?;
    let auth = state
        .run({
            let agent = user_agent(&req);
            move |db| accounts::login(db, body.into_inner(), agent.as_deref())
        })
        .await
        .inspect_err(|e| {
            if e.code() == Code::InvalidCredentials {
                state.limits.failed_logins.failed(&attempt);
            }
        })?;
    state.limits.failed_logins.succeeded(&attempt);
    Ok(HttpResponse::Ok()
        .cookie(session_cookie(&req, &auth.token))
        .json(auth))
}

/// End the current session and clear its cookie.
#[utoipa::path(tag = "accounts", responses((status = 204)))]
#[post("/auth/logout")]
pub async fn logout(
    state: Data<AppState>,
    req: HttpRequest,
    user: CurrentUser,
) -> ApiResult<HttpResponse> {
    let credential = user.0.credential.clone();
    state
        .run(move |db| accounts::logout(db, &credential))
        .await?;
    Ok(HttpResponse::NoContent()
        .cookie(expired_session_cookie(&req))
        .finish())
}

/// The signed-in user.
#[utoipa::path(tag = "accounts", responses((status = 200, body = UserView)))]
#[get("/me")]
pub async fn get_me(state: Data<AppState>, user: CurrentUser) -> ApiResult<Json<UserView>> {
    Ok(Json(
        state.run(move |db| accounts::me(db, &user.actor())).await?,
    ))
}

/// Change display name, UI locale or the languages read.
#[utoipa::path(
    tag = "accounts",
    request_body = UpdateMeRequest,
    responses((status = 200, body = UserView))
)]
#[patch("/me")]
pub async fn update_me(
    state: Data<AppState>,
    user: CurrentUser,
    body: Json<UpdateMeRequest>,
) -> ApiResult<Json<UserView>> {
    Ok(Json(
        state
            .run(move |db| accounts::update_me(db, &user.actor(), body.into_inner()))
            .await?,
    ))
}

/// The user's API tokens (never the secrets).
#[utoipa::path(tag = "accounts", responses((status = 200, body = Vec<ApiTokenView>)))]
#[get("/me/tokens")]
pub async fn list_tokens(
    state: Data<AppState>,
    user: CurrentUser,
) -> ApiResult<Json<Vec<ApiTokenView>>> {
    Ok(Json(
        state
            .run(move |db| accounts::list_tokens(db, &user.actor()))
            .await?,
    ))
}

/// Create a named API token for scripts; the secret is shown once.
#[utoipa::path(
    tag = "accounts",
    request_body = CreateTokenRequest,
    responses((status = 201, body = CreatedTokenView))
)]
#[post("/me/tokens")]
pub async fn create_token(
    state: Data<AppState>,
    user: CurrentUser,
    body: Json<CreateTokenRequest>,
) -> ApiResult<HttpResponse> {
    let created = state
        .run(move |db| accounts::create_token(db, &user.actor(), body.into_inner()))
        .await?;
    Ok(HttpResponse::Created().json(created))
}

/// Revoke one of the user's API tokens.
#[utoipa::path(
    tag = "accounts",
    params(("id" = i64, Path, description = "Token id")),
    responses((status = 204))
)]
#[delete("/me/tokens/{id}")]
pub async fn delete_token(
    state: Data<AppState>,
    user: CurrentUser,
    id: Path<i64>,
) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    state
        .run(move |db| accounts::delete_token(db, &user.actor(), id))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Change the password. The current one is asked again; every other session ends.
#[utoipa::path(
    tag = "accounts",
    request_body = ChangePasswordRequest,
    responses(
        (status = 204),
    )
)]
#[post("/me/password")]
pub async fn change_password(
    state: Data<AppState>,
    user: CurrentUser,
    body: Json<ChangePasswordRequest>,
) -> ApiResult<HttpResponse> {
    let credential = user.0.credential.clone();
    state
        .run(move |db| accounts::change_password(db, &user.actor(), &credential, body.into_inner()))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The user's signed-in sessions, most recently used first.
#[utoipa::path(tag = "accounts", responses((status = 200, body = Vec<SessionView>)))]
#[get("/me/sessions")]
pub async fn list_sessions(
    state: Data<AppState>,
    user: CurrentUser,
) -> ApiResult<Json<Vec<SessionView>>> {
    let (credential, policy) = (user.0.credential.clone(), state.sessions);
    Ok(Json(
        state
            .run(move |db| accounts::list_sessions(db, &user.actor(), &credential, policy))
            .await?,
    ))
}

/// Log out everywhere: ends every session of the user, this one included.
#[utoipa::path(tag = "accounts", responses((status = 204)))]
#[delete("/me/sessions")]
pub async fn end_all_sessions(
    state: Data<AppState>,
    req: HttpRequest,
    user: CurrentUser,
) -> ApiResult<HttpResponse> {
    state
        .run(move |db| accounts::end_all_sessions(db, &user.actor()))
        .await?;
    Ok(HttpResponse::NoContent()
        .cookie(expired_session_cookie(&req))
        .finish())
}

/// End one session (a browser left signed in elsewhere).
#[utoipa::path(
    tag = "accounts",
    params(("id" = i64, Path)),
    responses((status = 204))
)]
#[delete("/me/sessions/{id}")]
pub async fn end_session(
    state: Data<AppState>,
    user: CurrentUser,
    id: Path<i64>,
) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    state
        .run(move |db| accounts::end_session(db, &user.actor(), id))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

//! Registration, login, logout, the user's own profile and API tokens.

use actix_web::web::{Data, Json, Path};
use actix_web::{HttpRequest, HttpResponse, delete, get, patch, post};
use pontis_models::accounts;
use pontis_types::{
    ApiTokenView, AuthResponse, CreateTokenRequest, CreatedTokenView, LoginRequest,
    RegisterRequest, UpdateMeRequest, UserView,
};

use crate::auth::{CurrentUser, expired_session_cookie, session_cookie};
use crate::error::{ApiResult, ErrorBody};
use crate::rate_limit::client_ip;
use crate::state::AppState;

/// Create an account and sign in.
#[utoipa::path(
    tag = "accounts",
    security(()),
    request_body = RegisterRequest,
    responses(
        (status = 201, body = AuthResponse, description = "Signed in; the session cookie is set too"),
        (status = 400, body = ErrorBody, description = "invalid_handle, invalid_password, invalid_language_tag, …"),
        (status = 409, body = ErrorBody, description = "handle_taken"),
        (status = 429, body = ErrorBody, description = "rate_limited"),
    )
)]
#[post("/auth/register")]
pub async fn register(
    state: Data<AppState>,
    req: HttpRequest,
    body: Json<RegisterRequest>,
) -> ApiResult<HttpResponse> {
    state
        .limits
        .registrations_per_ip
        .check(&client_ip(&req, state.trust_proxy))?;
    let auth = state
        .run(move |db| accounts::register(db, body.into_inner()))
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
        (status = 401, body = ErrorBody, description = "invalid_credentials"),
        (status = 429, body = ErrorBody, description = "rate_limited"),
    )
)]
#[post("/auth/login")]
pub async fn login(
    state: Data<AppState>,
    req: HttpRequest,
    body: Json<LoginRequest>,
) -> ApiResult<HttpResponse> {
    state
        .limits
        .logins_per_ip
        .check(&client_ip(&req, state.trust_proxy))?;
    state
        .limits
        .logins_per_handle
        .check(&body.handle.trim().to_lowercase())?;
    let auth = state
        .run(move |db| accounts::login(db, body.into_inner()))
        .await?;
    Ok(HttpResponse::Ok()
        .cookie(session_cookie(&req, &auth.token))
        .json(auth))
}

/// End the current session and clear its cookie.
#[utoipa::path(tag = "accounts", responses((status = 204), (status = 401, body = ErrorBody)))]
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
#[utoipa::path(tag = "accounts", responses((status = 200, body = UserView), (status = 401, body = ErrorBody)))]
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
    responses((status = 200, body = UserView), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody))
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
#[utoipa::path(tag = "accounts", responses((status = 200, body = Vec<ApiTokenView>), (status = 401, body = ErrorBody)))]
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
    responses((status = 201, body = CreatedTokenView), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody))
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
    responses((status = 204), (status = 404, body = ErrorBody, description = "token_not_found"))
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

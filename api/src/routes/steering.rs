//! How teachers steer translation in their space: the class glossary, and corrections of
//! single sentences that readers flag.

use actix_web::web::{Data, Json, Path, Query};
use actix_web::{HttpResponse, delete, get, post, put};
use pontis_models::translation::{corrections, glossary};
use pontis_types::{
    ApproveCorrectionRequest, CorrectionView, CorrectionsView, FlagSentenceRequest, Glossary,
    PostSentences,
};

use crate::auth::CurrentUser;
use crate::error::ApiResult;
use crate::rate_limit::UserAction;
use crate::routes::LangQuery;
use crate::state::AppState;

/// The space's glossary. Teachers and owners only: it names students.
#[utoipa::path(
    tag = "glossary",
    params(("slug" = String, Path)),
    responses((status = 200, body = Glossary))
)]
#[get("/spaces/{slug}/glossary")]
pub async fn get_glossary(
    state: Data<AppState>,
    user: CurrentUser,
    slug: Path<String>,
) -> ApiResult<Json<Glossary>> {
    let slug = slug.into_inner();
    Ok(Json(
        state
            .run(move |db| glossary::get(db, &user.actor(), &slug))
            .await?,
    ))
}

/// Replace the space's glossary; teachers and owners. The space's texts that hold a
/// changed term are translated again, after everything else in the queue.
#[utoipa::path(
    tag = "glossary",
    params(("slug" = String, Path)),
    request_body = Glossary,
    responses((status = 200, body = Glossary))
)]
#[put("/spaces/{slug}/glossary")]
pub async fn put_glossary(
    state: Data<AppState>,
    user: CurrentUser,
    slug: Path<String>,
    body: Json<Glossary>,
) -> ApiResult<Json<Glossary>> {
    let slug = slug.into_inner();
    state
        .limits
        .check_user(UserAction::Edit, user.actor().user_id)?;
    Ok(Json(
        state
            .run(move |db| glossary::put(db, &user.actor(), &slug, body.into_inner()))
            .await?,
    ))
}

/// A post's translation sentence by sentence, beside the sentences it translates.
#[utoipa::path(
    tag = "glossary",
    params(("id" = i64, Path), LangQuery),
    responses((status = 200, body = PostSentences))
)]
#[get("/posts/{id}/sentences")]
pub async fn post_sentences(
    state: Data<AppState>,
    user: CurrentUser,
    id: Path<i64>,
    query: Query<LangQuery>,
) -> ApiResult<Json<PostSentences>> {
    let id = id.into_inner();
    Ok(Json(
        state
            .run(move |db| {
                corrections::post_sentences(db, &user.actor(), id, query.lang.as_deref())
            })
            .await?,
    ))
}

/// Say one sentence of a post's translation is wrong, with a suggestion if you have one;
/// members. The space's teachers see it beside the source.
#[utoipa::path(
    tag = "glossary",
    params(("id" = i64, Path)),
    request_body = FlagSentenceRequest,
    responses((status = 204))
)]
#[post("/posts/{id}/translation-flags")]
pub async fn flag_sentence(
    state: Data<AppState>,
    user: CurrentUser,
    id: Path<i64>,
    body: Json<FlagSentenceRequest>,
) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    state
        .limits
        .check_user(UserAction::Report, user.actor().user_id)?;
    state
        .run(move |db| corrections::flag(db, &user.actor(), id, body.into_inner()))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Open flags and the corrections in use; teachers and owners.
#[utoipa::path(
    tag = "glossary",
    params(("slug" = String, Path)),
    responses((status = 200, body = CorrectionsView))
)]
#[get("/spaces/{slug}/corrections")]
pub async fn list_corrections(
    state: Data<AppState>,
    user: CurrentUser,
    slug: Path<String>,
) -> ApiResult<Json<CorrectionsView>> {
    let slug = slug.into_inner();
    Ok(Json(
        state
            .run(move |db| corrections::list(db, &user.actor(), &slug))
            .await?,
    ))
}

/// Approve a correction of a flagged sentence; teachers and owners. It is used for that
/// sentence everywhere in the space from now on, and closes every flag on it.
#[utoipa::path(
    tag = "glossary",
    params(("slug" = String, Path)),
    request_body = ApproveCorrectionRequest,
    responses((status = 200, body = CorrectionView))
)]
#[post("/spaces/{slug}/corrections")]
pub async fn approve_correction(
    state: Data<AppState>,
    user: CurrentUser,
    slug: Path<String>,
    body: Json<ApproveCorrectionRequest>,
) -> ApiResult<Json<CorrectionView>> {
    let slug = slug.into_inner();
    state
        .limits
        .check_user(UserAction::Edit, user.actor().user_id)?;
    Ok(Json(
        state
            .run(move |db| corrections::approve(db, &user.actor(), &slug, body.into_inner()))
            .await?,
    ))
}

/// Revoke a correction; teachers and owners. The engines translate the sentence again.
#[utoipa::path(
    tag = "glossary",
    params(("slug" = String, Path), ("id" = i64, Path)),
    responses((status = 204))
)]
#[delete("/spaces/{slug}/corrections/{id}")]
pub async fn revoke_correction(
    state: Data<AppState>,
    user: CurrentUser,
    path: Path<(String, i64)>,
) -> ApiResult<HttpResponse> {
    let (slug, id) = path.into_inner();
    state
        .run(move |db| corrections::revoke(db, &user.actor(), &slug, id))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Dismiss a flag, keeping the engine's translation; teachers and owners.
#[utoipa::path(
    tag = "glossary",
    params(("slug" = String, Path), ("id" = i64, Path)),
    responses((status = 204))
)]
#[delete("/spaces/{slug}/translation-flags/{id}")]
pub async fn dismiss_flag(
    state: Data<AppState>,
    user: CurrentUser,
    path: Path<(String, i64)>,
) -> ApiResult<HttpResponse> {
    let (slug, id) = path.into_inner();
    state
        .run(move |db| corrections::dismiss(db, &user.actor(), &slug, id))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

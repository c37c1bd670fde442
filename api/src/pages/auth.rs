//! Sign up, log in, log out.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use actix_web::web::{Form, Query};
use pontis_models::accounts;
use pontis_types::{Code, LoginRequest, RegisterRequest};
use serde::Deserialize;
use serde_json::json;

use super::context::{Page, PageResult, local_path, redirect};
use super::language_choices;
use crate::auth::{expired_session_cookie, session_cookie, user_agent};
use crate::client::client_key;
use crate::error::ApiError;
use crate::rate_limit::FailedLogins;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct NextQuery {
    next: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LoginForm {
    csrf_token: String,
    handle: String,
    password: String,
    next: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SignupForm {
    csrf_token: String,
    handle: String,
    display_name: String,
    password: String,
    language1: String,
    language2: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CsrfForm {
    pub csrf_token: String,
}

pub async fn login_form(page: Page, query: Query<NextQuery>) -> PageResult {
    if page.viewer.is_some() {
        return Ok(redirect(local_path(&query.next)));
    }
    page.render(
        "login.html",
        json!({"next": query.next, "form": {}, "error": null}),
    )
}

pub async fn login(page: Page, form: Form<LoginForm>) -> PageResult {
    page.check_csrf(&form.csrf_token)?;
    let form = form.into_inner();
    let request = LoginRequest {
        handle: form.handle.clone(),
        password: form.password,
    };
    let client = client_key(&page.req);
    let attempt = FailedLogins::key(&request.handle, &client);
    let limits = &page.state.limits;
    let checked = limits
        .logins_per_ip
        .check(&client)
        .and_then(|()| limits.failed_logins.check(&attempt));
    if let Err(error) = checked {
        return login_failed(&page, &form.handle, &form.next, &error);
    }
    let agent = user_agent(&page.req);
    match page
        .run(move |db| accounts::login(db, request, agent.as_deref()))
        .await
    {
        Ok(auth) => {
            limits.failed_logins.succeeded(&attempt);
            Ok(HttpResponse::SeeOther()
                .cookie(session_cookie(&page.req, &auth.token))
                .insert_header(("Location", local_path(&form.next).to_owned()))
                .finish())
        }
        Err(error) => {
            if error.code() == Code::InvalidCredentials {
                limits.failed_logins.failed(&attempt);
            }
            login_failed(&page, &form.handle, &form.next, &error)
        }
    }
}

fn login_failed(page: &Page, handle: &str, next: &str, error: &ApiError) -> PageResult {
    page.render_status(
        status_of(error),
        "login.html",
        json!({"next": next, "form": {"handle": handle}, "error": page.message(error)}),
    )
}

pub async fn signup_form(page: Page) -> PageResult {
    if page.viewer.is_some() {
        return Ok(redirect("/"));
    }
    signup_page(&page, StatusCode::OK, &SignupForm::default(), None)
}

fn signup_page(
    page: &Page,
    status: StatusCode,
    form: &SignupForm,
    error: Option<String>,
) -> PageResult {
    page.render_status(
        status,
        "signup.html",
        json!({
            "form": {
                "handle": form.handle,
                "display_name": form.display_name,
                "language1": form.language1,
                "language2": form.language2,
            },
            "languages": language_choices(&[]),
            "lang_primary": page.lang.language.as_str(),
            "error": error,
        }),
    )
}

pub async fn signup(page: Page, form: Form<SignupForm>) -> PageResult {
    page.check_csrf(&form.csrf_token)?;
    let form = form.into_inner();
    let limited = page
        .state
        .limits
        .registrations_per_ip
        .check(&client_key(&page.req));
    if let Err(error) = limited {
        return signup_page(&page, status_of(&error), &form, Some(page.message(&error)));
    }
    let languages = [&form.language1, &form.language2]
        .into_iter()
        .filter(|l| !l.trim().is_empty())
        .cloned()
        .collect();
    let request = RegisterRequest {
        handle: form.handle.clone(),
        password: form.password.clone(),
        display_name: Some(form.display_name.clone()).filter(|n| !n.trim().is_empty()),
        locale: page.lang.to_string(),
        languages,
    };
    let agent = user_agent(&page.req);
    match page
        .run(move |db| accounts::register(db, request, agent.as_deref()))
        .await
    {
        Ok(auth) => Ok(HttpResponse::SeeOther()
            .cookie(session_cookie(&page.req, &auth.token))
            .insert_header(("Location", "/"))
            .finish()),
        Err(error) => signup_page(&page, status_of(&error), &form, Some(page.message(&error))),
    }
}

pub async fn logout(page: Page, form: Form<CsrfForm>) -> PageResult {
    page.check_csrf(&form.csrf_token)?;
    if let Some(viewer) = &page.viewer {
        let credential = viewer.auth.credential.clone();
        page.run(move |db| accounts::logout(db, &credential))
            .await?;
    }
    Ok(HttpResponse::SeeOther()
        .cookie(expired_session_cookie(&page.req))
        .insert_header(("Location", "/"))
        .finish())
}

/// A form shown again answers with its error's status.
pub fn status_of(error: &ApiError) -> StatusCode {
    actix_web::ResponseError::status_code(error)
}

//! The profile (UI language, languages I read) and the footer's language switch.

use actix_web::HttpResponse;
use actix_web::cookie::{Cookie, SameSite, time};
use actix_web::http::StatusCode;
use actix_web::web::{Form, Path, Query};
use std::collections::HashMap;

use pontis_models::{accounts, notifications};
use pontis_types::{
    ChangePasswordRequest, EmailMode, NotificationKind, UpdateMeRequest,
    UpdateNotificationSettingsRequest,
};
use serde::Deserialize;
use serde_json::{Value, json};

use super::auth::status_of;
use super::context::{LOCALE_COOKIE, Page, PageError, PageResult, local_path, redirect};
use super::language_choices;
use crate::auth::expired_session_cookie;

/// Language slots on the profile form.
const LANGUAGE_SLOTS: usize = 3;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ProfileForm {
    csrf_token: String,
    display_name: String,
    locale: String,
    language1: String,
    language2: String,
    language3: String,
}

impl ProfileForm {
    fn languages(&self) -> Vec<String> {
        [&self.language1, &self.language2, &self.language3]
            .into_iter()
            .filter(|l| !l.trim().is_empty())
            .cloned()
            .collect()
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SavedQuery {
    saved: Option<String>,
    email_saved: Option<String>,
}

pub async fn profile(page: Page, query: Query<SavedQuery>) -> PageResult {
    let email = email_section(&page, query.email_saved.is_some(), None, None).await?;
    let form = saved_form(&page)?;
    profile_page(
        &page,
        StatusCode::OK,
        &form,
        query.saved.is_some(),
        None,
        email,
    )
}

/// The profile form as stored.
fn saved_form(page: &Page) -> Result<ProfileForm, PageError> {
    let user = &page.viewer()?.user;
    let mut languages = user.languages.clone();
    languages.resize(LANGUAGE_SLOTS.max(languages.len()), String::new());
    Ok(ProfileForm {
        display_name: user.display_name.clone(),
        locale: page.lang.to_string(),
        language1: languages[0].clone(),
        language2: languages[1].clone(),
        language3: languages[2].clone(),
        ..ProfileForm::default()
    })
}

fn profile_page(
    page: &Page,
    status: StatusCode,
    form: &ProfileForm,
    saved: bool,
    error: Option<String>,
    email: Value,
) -> PageResult {
    let viewer = page.viewer()?;
    page.render_status(
        status,
        "profile.html",
        json!({
            "form": {
                "display_name": form.display_name,
                "locale": form.locale,
                "languages": [form.language1, form.language2, form.language3],
            },
            "languages": language_choices(&viewer.user.languages),
            "saved": saved,
            "error": error,
            "email": email,
        }),
    )
}

pub async fn save_profile(page: Page, form: Form<ProfileForm>) -> PageResult {
    page.check_csrf(&form.csrf_token)?;
    let actor = page.actor()?;
    let form = form.into_inner();
    let request = UpdateMeRequest {
        display_name: Some(form.display_name.clone()),
        locale: Some(form.locale.clone()).filter(|l| !l.is_empty()),
        languages: Some(form.languages()),
    };
    match page
        .run(move |db| accounts::update_me(db, &actor, request))
        .await
    {
        Ok(_) => Ok(redirect("/me?saved=1")),
        Err(error) => {
            let message = page.message(&error);
            let email = email_section(&page, false, None, None).await?;
            profile_page(&page, status_of(&error), &form, false, Some(message), email)
        }
    }
}

// --- Email settings (issue 13): the profile's section and its form. ---

/// The profile's email section: the confirmed and pending address, the mode, and a
/// checkbox per kind with its label in the page's language.
async fn email_section(
    page: &Page,
    saved: bool,
    error: Option<String>,
    typed_address: Option<String>,
) -> Result<Value, PageError> {
    let actor = page.actor()?;
    let view = page
        .run(move |db| notifications::settings(db, &actor))
        .await?;
    let kinds: Vec<Value> = NotificationKind::ALL
        .iter()
        .map(|kind| {
            let label_id = format!("email-kind-{}", kind.as_str().replace('_', "-"));
            json!({
                "name": kind.as_str(),
                "label": page.state.localizer.message(&page.lang, &label_id, &[]),
                "on": !view.email_kinds_off.contains(kind),
            })
        })
        .collect();
    Ok(json!({
        "available": view.email_available,
        // The address being confirmed, if any: saving the form again keeps it.
        "address": typed_address.or(view.pending_address.clone()).or(view.email_address),
        "pending": view.pending_address,
        "mode": view.email_mode.as_str(),
        "kinds": kinds,
        "saved": saved,
        "error": error,
    }))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EmailForm {
    csrf_token: String,
    email_address: String,
    email_mode: String,
    /// `kind-reply=on` and so on: the ticked kinds.
    #[serde(flatten)]
    ticked: HashMap<String, String>,
}

pub async fn save_email(page: Page, form: Form<EmailForm>) -> PageResult {
    page.check_csrf(&form.csrf_token)?;
    let actor = page.actor()?;
    let form = form.into_inner();
    let request = UpdateNotificationSettingsRequest {
        email_mode: form.email_mode.parse::<EmailMode>().ok(),
        email_kinds_off: Some(
            NotificationKind::ALL
                .into_iter()
                .filter(|kind| !form.ticked.contains_key(&format!("kind-{}", kind.as_str())))
                .collect(),
        ),
        // The address first: a refused one changes nothing.
        email_address: Some(form.email_address.trim().to_owned()),
    };
    let saved = page
        .run(move |db| {
            // The address first: a refused one changes nothing.
            if let Some(address) = &request.email_address {
                notifications::address::request_address(db, &actor, address)?;
            }
            notifications::update_settings(db, &actor, request)
        })
        .await;
    match saved {
        Ok(_) => Ok(redirect("/me?email_saved=1#email")),
        Err(error) => {
            let message = page.message(&error);
            let email =
                email_section(&page, false, Some(message), Some(form.email_address)).await?;
            let profile = saved_form(&page)?;
            profile_page(&page, status_of(&error), &profile, false, None, email)
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LocaleForm {
    csrf_token: String,
    locale: String,
    next: String,
}

/// The footer's language switch: saved in the profile when signed in, else in a cookie.
pub async fn set_locale(page: Page, form: Form<LocaleForm>) -> PageResult {
    page.check_csrf(&form.csrf_token)?;
    let form = form.into_inner();
    let back = local_path(&form.next).to_owned();
    match &page.viewer {
        Some(viewer) => {
            let actor = viewer.auth.actor;
            let request = UpdateMeRequest {
                locale: Some(form.locale),
                ..UpdateMeRequest::default()
            };
            page.run(move |db| accounts::update_me(db, &actor, request))
                .await?;
            Ok(redirect(&back))
        }
        None => Ok(HttpResponse::SeeOther()
            .cookie(
                Cookie::build(LOCALE_COOKIE, form.locale)
                    .path("/")
                    .same_site(SameSite::Lax)
                    .max_age(time::Duration::days(365))
                    .finish(),
            )
            .insert_header(("Location", back))
            .finish()),
    }
}

/// Password and sessions: change the password, see where I am signed in, sign out there.
pub async fn security(page: Page, query: Query<SavedQuery>) -> PageResult {
    security_page(&page, StatusCode::OK, query.saved.is_some(), None).await
}

async fn security_page(
    page: &Page,
    status: StatusCode,
    saved: bool,
    error: Option<String>,
) -> PageResult {
    let viewer = page.viewer()?;
    let (actor, credential) = (viewer.auth.actor, viewer.auth.credential.clone());
    let policy = page.state.sessions;
    let sessions = page
        .run(move |db| accounts::list_sessions(db, &actor, &credential, policy))
        .await?;
    page.render_status(
        status,
        "security.html",
        json!({"sessions": sessions, "saved": saved, "error": error}),
    )
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PasswordForm {
    csrf_token: String,
    current_password: String,
    new_password: String,
}

pub async fn change_password(page: Page, form: Form<PasswordForm>) -> PageResult {
    page.check_csrf(&form.csrf_token)?;
    let viewer = page.viewer()?;
    let (actor, credential) = (viewer.auth.actor, viewer.auth.credential.clone());
    let form = form.into_inner();
    let request = ChangePasswordRequest {
        current_password: form.current_password,
        new_password: form.new_password,
    };
    match page
        .run(move |db| accounts::change_password(db, &actor, &credential, request))
        .await
    {
        Ok(()) => Ok(redirect("/me/security?saved=1")),
        Err(error) => {
            let message = page.message(&error);
            security_page(&page, status_of(&error), false, Some(message)).await
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CsrfForm {
    csrf_token: String,
}

pub async fn end_session(page: Page, id: Path<i64>, form: Form<CsrfForm>) -> PageResult {
    page.check_csrf(&form.csrf_token)?;
    let actor = page.actor()?;
    let session_id = *id;
    page.run(move |db| accounts::end_session(db, &actor, session_id))
        .await?;
    Ok(redirect("/me/security"))
}

/// "Log out everywhere": this browser too, so it goes to the login page.
pub async fn end_all_sessions(page: Page, form: Form<CsrfForm>) -> PageResult {
    page.check_csrf(&form.csrf_token)?;
    let actor = page.actor()?;
    page.run(move |db| accounts::end_all_sessions(db, &actor))
        .await?;
    Ok(HttpResponse::SeeOther()
        .cookie(expired_session_cookie(&page.req))
        .insert_header(("Location", "/login"))
        .finish())
}

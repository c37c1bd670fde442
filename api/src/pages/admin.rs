//! Administrators' pages: the translation queue with the remote workers, and the
//! installed translation models.

use std::path::Path;

use actix_web::web::Form;
use pontis_models::{Error, accounts, translation, workers};
use pontis_translator::coverage;
use pontis_translator::installed::{self, Installed};
use pontis_translator::route::Router;
use pontis_types::limits;
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::context::{Page, PageResult, redirect};

pub async fn translation(page: Page) -> PageResult {
    let actor = page.actor()?;
    let (jobs, workers, guards) = page
        .run(move |db| {
            Ok((
                translation::jobs::list_jobs(db, &actor, None, limits::PAGE_MAX)?,
                workers::list(db, &actor)?,
                translation::guards::counts(db, &actor)?,
            ))
        })
        .await?;
    let guards: Vec<_> = guards
        .into_iter()
        .map(|count| {
            json!({
                "model": count.model,
                "guard": count.guard,
                "hits": count.hits,
                "last_at": count.last_at.and_utc(),
            })
        })
        .collect();
    page.render(
        "admin_translation.html",
        json!({"tab": "translation", "jobs": jobs, "workers": workers, "guards": guards}),
    )
}

// A form without the token is a CSRF refusal (403), like every other form, not a 400.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RetryForm {
    csrf_token: String,
}

/// The admin page's retry button for a failed job.
pub async fn retry_job(
    page: Page,
    id: actix_web::web::Path<i64>,
    form: Form<RetryForm>,
) -> PageResult {
    page.check_csrf(&form.csrf_token)?;
    let (actor, job_id) = (page.actor()?, *id);
    page.run(move |db| translation::jobs::retry(db, &actor, job_id))
        .await?;
    Ok(redirect("/admin/translation"))
}

#[derive(Debug, Serialize)]
struct ModelRow {
    engine: &'static str,
    name: String,
    pairs: Vec<String>,
}

/// What `pontis models list` shows, read from the manifests and Apertium's modes rather
/// than by loading every model into memory.
pub async fn models(page: Page) -> PageResult {
    if !page.viewer()?.user.is_admin {
        return Err(Error::PermissionDenied.into());
    }
    let languages = page.run(accounts::languages_read).await?;
    let models_dir = page.state.models_dir.clone();
    let apertium_dir = page.state.apertium_modes_dir.clone();
    let preferences = page.state.translation_preferences.clone();
    let (rows, problems, matrix, gaps) = actix_web::web::block(move || {
        let (rows, problems, router) = installed_models(&models_dir, apertium_dir.as_deref());
        let router = router.with_preferences(preferences);
        let gaps = coverage::gaps(&router, &languages);
        // One row per language, with a cell for itself where the row meets its column.
        let table: Vec<serde_json::Value> = coverage::matrix(&router, &languages)
            .into_iter()
            .zip(&languages)
            .enumerate()
            .map(|(i, (cells, from))| {
                let mut cells: Vec<serde_json::Value> = cells.iter().map(|c| json!(c)).collect();
                cells.insert(i, json!({"same": true}));
                json!({"from": from, "cells": cells})
            })
            .collect();
        (
            rows,
            problems,
            json!({"languages": languages, "rows": table}),
            gaps,
        )
    })
    .await
    .map_err(|e| Error::Internal(format!("blocking task: {e}")))?;
    page.render(
        "admin_models.html",
        json!({"tab": "models", "models": rows, "problems": problems,
               "matrix": matrix, "gaps": gaps}),
    )
}

fn installed_models(
    models_dir: &Path,
    apertium_dir: Option<&Path>,
) -> (Vec<ModelRow>, Vec<String>, Router) {
    let Installed { engines, problems } = installed::list_engines(models_dir, apertium_dir);
    let rows = engines
        .iter()
        .map(|engine| ModelRow {
            engine: engine.kind().as_str(),
            name: engine.model().to_owned(),
            pairs: engine.pairs().iter().map(ToString::to_string).collect(),
        })
        .collect();
    (rows, problems, Router::new(engines))
}

//! Administrators' pages: the translation queue with the remote workers, and the
//! installed translation models.

use std::path::Path;

use actix_web::web::Form;
use pontis_models::{Error, translation, workers};
use pontis_translator::Engine;
use pontis_translator::apertium;
use pontis_translator::manifest::{MANIFEST_FILE, Manifest, ManifestEngine};
use pontis_types::limits;
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::context::{Page, PageResult, redirect};

pub async fn translation(page: Page) -> PageResult {
    let actor = page.actor()?;
    let (jobs, workers) = page
        .run(move |db| {
            Ok((
                translation::jobs::list_jobs(db, &actor, None, limits::PAGE_MAX)?,
                workers::list(db, &actor)?,
            ))
        })
        .await?;
    page.render(
        "admin_translation.html",
        json!({"tab": "translation", "jobs": jobs, "workers": workers}),
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
    let models_dir = page.state.models_dir.clone();
    let apertium_dir = page.state.apertium_modes_dir.clone();
    let (rows, problems) =
        actix_web::web::block(move || installed_models(&models_dir, apertium_dir.as_deref()))
            .await
            .map_err(|e| Error::Internal(format!("blocking task: {e}")))?;
    page.render(
        "admin_models.html",
        json!({"tab": "models", "models": rows, "problems": problems}),
    )
}

fn installed_models(
    models_dir: &Path,
    apertium_dir: Option<&Path>,
) -> (Vec<ModelRow>, Vec<String>) {
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    let mut folders: Vec<_> = std::fs::read_dir(models_dir)
        .map(|entries| entries.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    folders.sort();
    for folder in folders.iter().filter(|f| f.join(MANIFEST_FILE).is_file()) {
        match Manifest::read(folder) {
            Ok(manifest) => rows.push(ModelRow {
                engine: match manifest.engine {
                    ManifestEngine::Ctranslate2 => "ctranslate2",
                },
                pairs: manifest.pairs().iter().map(ToString::to_string).collect(),
                name: manifest.name,
            }),
            Err(e) => problems.push(e.to_string()),
        }
    }
    for engine in apertium_dir.map(apertium::discover).unwrap_or_default() {
        rows.push(ModelRow {
            engine: "apertium",
            name: engine.model().to_owned(),
            pairs: engine.pairs().iter().map(ToString::to_string).collect(),
        });
    }
    (rows, problems)
}

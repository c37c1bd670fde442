//! The engines installed on this machine: every model folder with a manifest under the
//! models directory, and every Apertium pair Debian installed.

use std::path::Path;
use std::sync::Arc;

use crate::apertium;
use crate::coverage::Listed;
use crate::ct2::{Ct2Engine, RunSettings};
use crate::engine::{Engine, EngineKind};
use crate::manifest::{MANIFEST_FILE, Manifest};

pub struct Installed {
    pub engines: Vec<Arc<dyn Engine>>,
    /// Model folders that failed to load, with why.
    pub problems: Vec<String>,
}

/// Loads what it can; a model that fails to load is reported and left out, so that one
/// broken folder does not stop translation for every other language.
pub fn load_engines(
    models_dir: &Path,
    apertium_modes_dir: Option<&Path>,
    settings: &RunSettings,
) -> Installed {
    let mut engines: Vec<Arc<dyn Engine>> = Vec::new();
    let mut problems = Vec::new();
    let mut folders: Vec<_> = std::fs::read_dir(models_dir)
        .map(|entries| entries.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    folders.sort();
    // Hidden folders are installs in progress or models being replaced.
    let visible = |f: &&std::path::PathBuf| {
        f.file_name()
            .is_some_and(|n| !n.to_string_lossy().starts_with('.'))
    };
    for folder in folders
        .iter()
        .filter(visible)
        .filter(|f| f.join(MANIFEST_FILE).is_file())
    {
        match Ct2Engine::load(folder, settings.clone()) {
            Ok(engine) => engines.push(Arc::new(engine)),
            Err(e) => problems.push(format!("{}: {e}", folder.display())),
        }
    }
    if let Some(dir) = apertium_modes_dir {
        engines.extend(
            apertium::discover(dir)
                .into_iter()
                .map(|e| Arc::new(e) as Arc<dyn Engine>),
        );
    }
    Installed { engines, problems }
}

/// The installed engines known by their manifests and modes, not loaded: for planning
/// routes (`coverage`) and listing models without holding them in memory.
pub fn list_engines(models_dir: &Path, apertium_modes_dir: Option<&Path>) -> Installed {
    let mut engines: Vec<Arc<dyn Engine>> = Vec::new();
    let mut problems = Vec::new();
    let mut folders: Vec<_> = std::fs::read_dir(models_dir)
        .map(|entries| entries.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    folders.sort();
    for folder in folders.iter().filter(|f| {
        f.join(MANIFEST_FILE).is_file()
            && f.file_name()
                .is_some_and(|n| !n.to_string_lossy().starts_with('.'))
    }) {
        match Manifest::read(folder) {
            Ok(manifest) => engines.push(Arc::new(Listed::new(
                EngineKind::CTranslate2,
                manifest.name.clone(),
                manifest.pairs(),
            ))),
            Err(e) => problems.push(e.to_string()),
        }
    }
    if let Some(dir) = apertium_modes_dir {
        for engine in apertium::discover(dir) {
            engines.push(Arc::new(Listed::new(
                EngineKind::Apertium,
                engine.model(),
                engine.pairs(),
            )));
        }
    }
    Installed { engines, problems }
}

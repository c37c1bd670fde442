//! `pontis models install SOURCE`: a CTranslate2 model folder with its manifest, an Argos
//! Translate package (`.argosmodel`), a package from an index in Argos Translate's
//! format, by URL or by name (`en-de`), or a model repository on the Hugging Face Hub
//! (`hf:ORG/NAME`, see `hub`). Downloads are checked against the size and SHA-256 the
//! index or the Hub gives; everything is written into a hidden folder that is renamed into
//! place only when complete, so no half-installed model is ever loaded. Also `remove` and
//! `verify`.

use std::collections::BTreeMap;
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::hub::{self, HubModel, TreeEntry};
use crate::manifest::{Languages, MANIFEST_FILE, Manifest, ManifestEngine};

#[derive(Debug, thiserror::Error)]
pub enum InstallError {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("download {url}: {detail}")]
    Download { url: String, detail: String },
    #[error("{what} is {got} but the index says {expected}")]
    Mismatch {
        what: &'static str,
        expected: String,
        got: String,
    },
    #[error("not an Argos Translate package: {0}")]
    BadPackage(String),
    #[error("no package {name:?} in the index {index}")]
    NotInIndex { name: String, index: String },
    #[error("{0} needs a package index: set translation.package_index")]
    NoIndex(String),
    #[error("{0}")]
    Manifest(#[from] crate::manifest::ManifestError),
    #[error("{0}")]
    Hub(#[from] crate::hub::HubError),
    #[error("not found: {0}")]
    NotFound(String),
    #[error("no installed model {0:?}")]
    NotInstalled(String),
}

/// Hears how downloads go, to show progress; the library itself prints nothing.
pub trait DownloadProgress: Send + Sync {
    fn start(&self, file: &str, bytes: u64);
    fn advance(&self, bytes: u64);
    fn finish(&self, file: &str);
}

/// Shows nothing.
pub struct Quiet;

impl DownloadProgress for Quiet {
    fn start(&self, _: &str, _: u64) {}
    fn advance(&self, _: u64) {}
    fn finish(&self, _: &str) {}
}

/// What `verify` found for one installed model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    pub name: String,
    /// Empty when every file is as installed.
    pub problems: Vec<String>,
}

/// One entry of an Argos Translate package index. `sha256` and `size` are Pontis's
/// additions; when present, a download must match them.
#[derive(Debug, Clone, Deserialize)]
pub struct IndexEntry {
    pub from_code: String,
    pub to_code: String,
    pub links: Vec<String>,
    #[serde(default)]
    pub package_version: Option<String>,
    #[serde(default)]
    pub sha256: Option<String>,
    #[serde(default)]
    pub size: Option<u64>,
}

#[derive(Debug, Deserialize)]
struct ArgosMetadata {
    from_code: String,
    to_code: String,
}

pub struct Installer {
    models_dir: PathBuf,
    index_url: Option<String>,
    hub_url: String,
    unpacked_limit: u64,
    progress: std::sync::Arc<dyn DownloadProgress>,
}

/// The most a package may unpack to: NLLB-200 3.3B, the largest model Pontis knows, is
/// about 3.3 GB at int8, and a zip bomb must not fill the disk or the memory.
pub const UNPACKED_LIMIT: u64 = 8 << 30;

impl Installer {
    pub fn new(models_dir: &Path, index_url: Option<String>) -> Self {
        Self {
            models_dir: models_dir.to_path_buf(),
            index_url,
            hub_url: crate::hub::DEFAULT_HUB.to_owned(),
            unpacked_limit: UNPACKED_LIMIT,
            progress: std::sync::Arc::new(Quiet),
        }
    }

    /// Where `hf:` names are looked up (default [`crate::hub::DEFAULT_HUB`]).
    pub fn with_hub(mut self, url: &str) -> Self {
        self.hub_url = url.trim_end_matches('/').to_owned();
        self
    }

    /// Tells `progress` how each download goes.
    pub fn with_progress(mut self, progress: std::sync::Arc<dyn DownloadProgress>) -> Self {
        self.progress = progress;
        self
    }

    /// Refuses packages that unpack to more than `bytes` (default [`UNPACKED_LIMIT`]).
    pub fn with_unpacked_limit(mut self, bytes: u64) -> Self {
        self.unpacked_limit = bytes;
        self
    }

    pub fn install(&self, source: &str) -> Result<Manifest, InstallError> {
        fs::create_dir_all(&self.models_dir)?;
        if let Some(model) = HubModel::parse(source) {
            return self.install_from_hub(&model?);
        }
        let path = Path::new(source);
        if path.is_dir() {
            return self.install_folder(path);
        }
        if path.is_file() {
            return self.install_argos(&fs::read(path)?, None);
        }
        if source.starts_with("https://") || source.starts_with("http://") {
            let bytes = download(source, None, None)?;
            return self.install_argos(&bytes, None);
        }
        let entry = self.find_in_index(source)?;
        let url = entry
            .links
            .first()
            .ok_or_else(|| InstallError::BadPackage(format!("{source} has no link")))?;
        let bytes = download(url, entry.size, entry.sha256.as_deref())?;
        self.install_argos(&bytes, entry.sha256)
    }

    /// The index's entries, for `pontis models available`.
    pub fn index(&self) -> Result<Vec<IndexEntry>, InstallError> {
        let url = self
            .index_url
            .clone()
            .ok_or_else(|| InstallError::NoIndex("listing packages".into()))?;
        let bytes = download(&url, None, None)?;
        serde_json::from_slice(&bytes).map_err(|e| InstallError::Download {
            url,
            detail: e.to_string(),
        })
    }

    fn find_in_index(&self, name: &str) -> Result<IndexEntry, InstallError> {
        let index = self.index()?;
        index
            .into_iter()
            .find(|e| format!("{}-{}", e.from_code, e.to_code) == name)
            .ok_or_else(|| InstallError::NotInIndex {
                name: name.to_owned(),
                index: self.index_url.clone().unwrap_or_default(),
            })
    }

    /// A CTranslate2 model repository on the Hub: its files listed, each downloaded into
    /// the staging folder and checked; the staging folder is removed if anything fails.
    fn install_from_hub(&self, model: &HubModel) -> Result<Manifest, InstallError> {
        let listing_url = model.tree_url(&self.hub_url);
        let listing = download(&listing_url, None, None)?;
        let entries: Vec<TreeEntry> =
            serde_json::from_slice(&listing).map_err(|e| InstallError::Download {
                url: listing_url.clone(),
                detail: format!("not a file listing: {e}"),
            })?;
        let files: Vec<&TreeEntry> = entries.iter().filter(|e| hub::wanted(e)).collect();
        if !files.iter().any(|e| e.path == "model.bin") {
            return Err(InstallError::BadPackage(format!(
                "{} has no model.bin: not a CTranslate2 model",
                model.repo
            )));
        }
        let name = model.model_name();
        let staging = self.staging(&name)?;
        let fetched = (|| {
            let mut hashes = BTreeMap::new();
            for entry in &files {
                let (size, sha256) = entry.expected();
                let url = model.file_url(&self.hub_url, &entry.path);
                self.progress.start(&entry.path, size);
                let got = download_to(
                    &url,
                    &staging.join(&entry.path),
                    size,
                    sha256,
                    &*self.progress,
                )?;
                hashes.insert(entry.path.clone(), got);
                self.progress.finish(&entry.path);
            }
            let languages = match Manifest::read(&staging) {
                Ok(own) => own.languages,
                Err(_) => hub::languages_of(&staging, &name)?,
            };
            // SentencePiece models serve as both sides' tokenizers, as Argos packages do.
            let has_tokenizer =
                staging.join("tokenizer.json").is_file() || staging.join("source.spm").is_file();
            if !has_tokenizer
                && let Some(spm) = files
                    .iter()
                    .find(|e| e.path.starts_with("sentencepiece") && e.path.ends_with(".model"))
            {
                fs::copy(staging.join(&spm.path), staging.join("source.spm"))?;
                fs::copy(staging.join(&spm.path), staging.join("target.spm"))?;
            }
            let manifest = Manifest {
                name: name.clone(),
                engine: ManifestEngine::Ctranslate2,
                languages,
                sha256: None,
                files: BTreeMap::new(),
            };
            Ok((manifest, hashes))
        })();
        match fetched {
            Ok((manifest, hashes)) => self.finish(staging, &manifest, hashes),
            Err(error) => {
                let _ = fs::remove_dir_all(&staging);
                Err(error)
            }
        }
    }

    /// Removes an installed model: it disappears at once (renamed aside, then deleted).
    pub fn remove(&self, name: &str) -> Result<(), InstallError> {
        let folder = self.models_dir.join(name);
        let safe = !name.is_empty() && !name.starts_with('.') && !name.contains(['/', '\\']);
        if !safe || !folder.join(MANIFEST_FILE).is_file() {
            return Err(InstallError::NotInstalled(name.to_owned()));
        }
        let aside = self
            .models_dir
            .join(format!(".removing-{name}-{}", std::process::id()));
        fs::rename(&folder, &aside)?;
        fs::remove_dir_all(&aside)?;
        Ok(())
    }

    /// Checks every installed model's files against the SHA-256 recorded at install.
    pub fn verify(&self) -> Result<Vec<Verified>, InstallError> {
        let mut folders: Vec<PathBuf> = match fs::read_dir(&self.models_dir) {
            Ok(entries) => entries.flatten().map(|e| e.path()).collect(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(e) => return Err(e.into()),
        };
        folders.retain(|f| {
            f.join(MANIFEST_FILE).is_file()
                && f.file_name()
                    .is_some_and(|n| !n.to_string_lossy().starts_with('.'))
        });
        folders.sort();
        let mut out = Vec::new();
        for folder in folders {
            let name = folder
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let mut problems = Vec::new();
            match Manifest::read(&folder) {
                Err(e) => problems.push(e.to_string()),
                Ok(manifest) if manifest.files.is_empty() => {
                    problems.push("installed without checksums: install it again".into());
                }
                Ok(manifest) => {
                    for (file, expected) in &manifest.files {
                        match sha256_of(&folder.join(file)) {
                            Ok(got) if got.eq_ignore_ascii_case(expected) => {}
                            Ok(got) => problems
                                .push(format!("{file}: SHA-256 {got}, installed as {expected}")),
                            Err(e) => problems.push(format!("{file}: {e}")),
                        }
                    }
                }
            }
            out.push(Verified { name, problems });
        }
        Ok(out)
    }

    fn install_folder(&self, folder: &Path) -> Result<Manifest, InstallError> {
        let manifest = Manifest::read(folder)?;
        let staging = self.staging(&manifest.name)?;
        for entry in fs::read_dir(folder)? {
            let entry = entry?;
            if entry.file_type()?.is_file() && entry.file_name() != MANIFEST_FILE {
                fs::copy(entry.path(), staging.join(entry.file_name()))?;
            }
        }
        self.finish(staging, &manifest, BTreeMap::new())
    }

    fn install_argos(
        &self,
        package: &[u8],
        sha256: Option<String>,
    ) -> Result<Manifest, InstallError> {
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(package))
            .map_err(|e| InstallError::BadPackage(e.to_string()))?;
        let mut metadata: Option<ArgosMetadata> = None;
        let mut files: Vec<(String, Vec<u8>)> = Vec::new();
        let mut unpacked: u64 = 0;
        for i in 0..archive.len() {
            let mut file = archive
                .by_index(i)
                .map_err(|e| InstallError::BadPackage(e.to_string()))?;
            // enclosed_name refuses paths that climb out of the package; an absolute or
            // climbing name is refused outright, even where it would be made harmless.
            let raw = file
                .name()
                .map_err(|e| InstallError::BadPackage(e.to_string()))?
                .into_owned();
            let hostile = raw.starts_with('/')
                || raw.contains('\\')
                || raw.split('/').any(|part| part == "..");
            let Some(path) = file.enclosed_name().filter(|_| !hostile) else {
                return Err(InstallError::BadPackage(format!("unsafe path {raw:?}")));
            };
            if file.is_symlink() {
                return Err(InstallError::BadPackage(format!("symbolic link {raw:?}")));
            }
            if file.is_dir() {
                continue;
            }
            let parts: Vec<String> = path
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            // Counted as read, not as declared: a header may lie about the size.
            let room = self.unpacked_limit - unpacked;
            let mut bytes = Vec::new();
            (&mut file).take(room + 1).read_to_end(&mut bytes)?;
            unpacked += bytes.len() as u64;
            if unpacked > self.unpacked_limit {
                return Err(InstallError::BadPackage(format!(
                    "it unpacks to more than {} bytes",
                    self.unpacked_limit
                )));
            }
            match parts.as_slice() {
                [_, name] if name == "metadata.json" => {
                    metadata = Some(
                        serde_json::from_slice(&bytes)
                            .map_err(|e| InstallError::BadPackage(e.to_string()))?,
                    );
                }
                [_, name] if name == "sentencepiece.model" => {
                    files.push(("source.spm".into(), bytes.clone()));
                    files.push(("target.spm".into(), bytes));
                }
                [_, dir, name] if dir == "model" => files.push((name.clone(), bytes)),
                _ => {}
            }
        }
        let metadata =
            metadata.ok_or_else(|| InstallError::BadPackage("no metadata.json".into()))?;
        if !files.iter().any(|(name, _)| name == "model.bin") {
            return Err(InstallError::BadPackage("no model/model.bin".into()));
        }
        let manifest = Manifest {
            name: format!("argos-{}-{}", metadata.from_code, metadata.to_code),
            engine: ManifestEngine::Ctranslate2,
            languages: Languages::Bilingual {
                from: pontis_types::lang::normalize(&metadata.from_code)
                    .map_err(|e| InstallError::BadPackage(e.to_string()))?,
                to: pontis_types::lang::normalize(&metadata.to_code)
                    .map_err(|e| InstallError::BadPackage(e.to_string()))?,
            },
            sha256: Some(sha256.unwrap_or_else(|| hex::encode(Sha256::digest(package)))),
            files: BTreeMap::new(),
        };
        let staging = self.staging(&manifest.name)?;
        for (name, bytes) in files {
            fs::write(staging.join(name), bytes)?;
        }
        self.finish(staging, &manifest, BTreeMap::new())
    }

    /// A hidden folder beside the models, which the loader never reads.
    fn staging(&self, name: &str) -> Result<PathBuf, InstallError> {
        if name.is_empty() || name.starts_with('.') || name.contains(['/', '\\']) {
            return Err(InstallError::BadPackage(format!("model name {name:?}")));
        }
        let staging = self
            .models_dir
            .join(format!(".installing-{name}-{}", std::process::id()));
        if staging.exists() {
            fs::remove_dir_all(&staging)?;
        }
        fs::create_dir_all(&staging)?;
        Ok(staging)
    }

    /// Records each file's SHA-256 (`known`: those computed while downloading) and writes
    /// the manifest last, then renames the folder into place; a model being replaced is
    /// moved aside first and removed after. Returns the manifest as written.
    fn finish(
        &self,
        staging: PathBuf,
        manifest: &Manifest,
        known: BTreeMap<String, String>,
    ) -> Result<Manifest, InstallError> {
        let mut manifest = manifest.clone();
        manifest.files = BTreeMap::new();
        for entry in fs::read_dir(&staging)? {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if entry.file_type()?.is_file() && name != MANIFEST_FILE {
                let sha = match known.get(&name) {
                    Some(sha) => sha.clone(),
                    None => sha256_of(&entry.path())?,
                };
                manifest.files.insert(name, sha);
            }
        }
        let mut file = fs::File::create(staging.join(MANIFEST_FILE))?;
        file.write_all(&serde_json::to_vec_pretty(&manifest).map_err(std::io::Error::other)?)?;
        file.sync_all()?;
        let target = self.models_dir.join(&manifest.name);
        let old = self.models_dir.join(format!(
            ".replaced-{}-{}",
            manifest.name,
            std::process::id()
        ));
        let replacing = target.exists();
        if replacing {
            fs::rename(&target, &old)?;
        }
        fs::rename(&staging, &target)?;
        if replacing {
            fs::remove_dir_all(&old)?;
        }
        Ok(manifest)
    }
}

fn sha256_of(path: &Path) -> std::io::Result<String> {
    let mut hasher = Sha256::new();
    std::io::copy(&mut fs::File::open(path)?, &mut hasher)?;
    Ok(hex::encode(hasher.finalize()))
}

/// Streams `url` into `path` (a model file may be gigabytes), checking its size and, when
/// given, its SHA-256; a short or altered download is an error, and the file removed.
/// Returns the SHA-256 it computed on the way, so the file is not read twice.
fn download_to(
    url: &str,
    path: &Path,
    size: u64,
    sha256: Option<&str>,
    progress: &dyn DownloadProgress,
) -> Result<String, InstallError> {
    let failed = |detail: String| InstallError::Download {
        url: url.to_owned(),
        detail,
    };
    let mut response = ureq::get(url).call().map_err(|e| match e {
        ureq::Error::StatusCode(404) => InstallError::NotFound(url.to_owned()),
        other => failed(other.to_string()),
    })?;
    let mut reader = response
        .body_mut()
        .with_config()
        .limit(size.saturating_add(1))
        .reader();
    let mut out = fs::File::create(path)?;
    let mut hasher = Sha256::new();
    let mut written: u64 = 0;
    let mut buffer = vec![0u8; 1 << 16];
    let result = loop {
        match reader.read(&mut buffer) {
            Ok(0) => break Ok(()),
            Ok(n) => {
                hasher.update(&buffer[..n]);
                out.write_all(&buffer[..n])?;
                written += n as u64;
                progress.advance(n as u64);
            }
            Err(e) => break Err(failed(e.to_string())),
        }
    };
    let checked = result.and_then(|()| {
        if written != size {
            return Err(InstallError::Mismatch {
                what: "the download's size",
                expected: size.to_string(),
                got: written.to_string(),
            });
        }
        let got = hex::encode(hasher.finalize());
        match sha256 {
            Some(expected) if !got.eq_ignore_ascii_case(expected) => Err(InstallError::Mismatch {
                what: "the download's SHA-256",
                expected: expected.to_owned(),
                got,
            }),
            _ => Ok(got),
        }
    });
    if checked.is_err() {
        let _ = fs::remove_file(path);
    } else {
        out.sync_all()?;
    }
    checked
}

fn download(url: &str, size: Option<u64>, sha256: Option<&str>) -> Result<Vec<u8>, InstallError> {
    let failed = |detail: String| InstallError::Download {
        url: url.to_owned(),
        detail,
    };
    let mut response = ureq::get(url).call().map_err(|e| match e {
        ureq::Error::StatusCode(404) => InstallError::NotFound(url.to_owned()),
        other => failed(other.to_string()),
    })?;
    let bytes = response
        .body_mut()
        .with_config()
        .limit(4 << 30)
        .read_to_vec()
        .map_err(|e| failed(e.to_string()))?;
    if let Some(expected) = size
        && bytes.len() as u64 != expected
    {
        return Err(InstallError::Mismatch {
            what: "the download's size",
            expected: expected.to_string(),
            got: bytes.len().to_string(),
        });
    }
    if let Some(expected) = sha256 {
        let got = hex::encode(Sha256::digest(&bytes));
        if !got.eq_ignore_ascii_case(expected) {
            return Err(InstallError::Mismatch {
                what: "the download's SHA-256",
                expected: expected.to_owned(),
                got,
            });
        }
    }
    Ok(bytes)
}

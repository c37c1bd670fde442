//! Real engines for tests: Debian's Apertium pairs, and CTranslate2 models generated here
//! with the `ctranslate2` Python package (no registry ships translation weights).

// Each test binary uses its own part of this module.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use pontis_translator::apertium::{self, DEFAULT_MODES_DIR};
use pontis_translator::ct2::{Ct2Engine, RunSettings};
use pontis_translator::{Engine, EngineError, EngineKind, LangPair};

/// The Python with `ctranslate2` that scripts/test.sh prepares.
pub fn python() -> PathBuf {
    std::env::var_os("PONTIS_TEST_PYTHON").map_or_else(
        || {
            let home = std::env::var_os("HOME").unwrap_or_default();
            Path::new(&home).join(".cache/pontis/venv/bin/python")
        },
        PathBuf::from,
    )
}

/// Writes a small random-weight model into `dir` with `make_model.py`'s arguments.
pub fn make_model(dir: &Path, args: &[&str]) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/make_model.py");
    let status = Command::new(python())
        .arg(script)
        .arg(dir)
        .args(args)
        .status()
        .expect("run make_model.py (scripts/test.sh installs its Python packages)");
    assert!(status.success(), "make_model.py failed");
}

pub fn ct2_settings() -> RunSettings {
    RunSettings {
        threads: 1,
        max_decoding_length: 12,
        beam_size: 1,
        ..RunSettings::default()
    }
}

pub fn load_ct2(dir: &Path) -> Ct2Engine {
    Ct2Engine::load(dir, ct2_settings()).expect("load the generated model")
}

/// Debian's Apertium pair `mode`; the test setup installs it, and its absence fails.
pub fn apertium(mode: &str) -> Arc<dyn Engine> {
    let engine = apertium::discover(Path::new(DEFAULT_MODES_DIR))
        .into_iter()
        .find(|e| e.mode() == mode)
        .unwrap_or_else(|| {
            panic!("Apertium mode {mode} is not installed (apt-get install apertium-eng-spa)")
        });
    Arc::new(engine)
}

/// Wraps an engine and counts the sentences it is asked to translate.
pub struct Counting {
    pub inner: Arc<dyn Engine>,
    pub segments: AtomicUsize,
}

impl Counting {
    pub fn new(inner: Arc<dyn Engine>) -> Arc<Self> {
        Arc::new(Self {
            inner,
            segments: AtomicUsize::new(0),
        })
    }

    pub fn take(&self) -> usize {
        self.segments.swap(0, Ordering::SeqCst)
    }
}

impl Engine for Counting {
    fn kind(&self) -> EngineKind {
        self.inner.kind()
    }
    fn model(&self) -> &str {
        self.inner.model()
    }
    fn pairs(&self) -> Vec<LangPair> {
        self.inner.pairs()
    }
    fn translate(&self, pair: &LangPair, segments: &[String]) -> Result<Vec<String>, EngineError> {
        self.segments.fetch_add(segments.len(), Ordering::SeqCst);
        self.inner.translate(pair, segments)
    }
}

/// How a `Faulty` engine misbehaves on a sentence holding its trigger word.
#[derive(Debug, Clone, Copy)]
pub enum Fault {
    /// Fails the batch, as an engine that chokes on one input would.
    Fail,
    /// Panics, as a buggy engine binding might.
    Panic,
    /// Sleeps this long first, as a stuck process would.
    Hang(std::time::Duration),
    /// Repeats the engine's translation of that sentence over and over, as a small
    /// model stuck in a loop does.
    Loop,
    /// Returns nothing for that sentence.
    Empty,
}

/// Wraps an engine and misbehaves on every batch with `trigger` in one of its sentences.
pub struct Faulty {
    pub inner: Arc<dyn Engine>,
    pub trigger: &'static str,
    pub fault: Fault,
}

impl Engine for Faulty {
    fn kind(&self) -> EngineKind {
        self.inner.kind()
    }
    fn model(&self) -> &str {
        self.inner.model()
    }
    fn pairs(&self) -> Vec<LangPair> {
        self.inner.pairs()
    }
    fn translate(&self, pair: &LangPair, segments: &[String]) -> Result<Vec<String>, EngineError> {
        if segments.iter().any(|s| s.contains(self.trigger)) {
            match self.fault {
                Fault::Fail => {
                    return Err(EngineError::Model {
                        engine: self.model().to_owned(),
                        detail: format!("choked on {:?}", self.trigger),
                    });
                }
                Fault::Panic => panic!("the engine panicked on {:?}", self.trigger),
                Fault::Hang(how_long) => std::thread::sleep(how_long),
                Fault::Loop | Fault::Empty => {}
            }
        }
        let mut out = self.inner.translate(pair, segments)?;
        for (segment, translation) in segments.iter().zip(&mut out) {
            if segment.contains(self.trigger) {
                match self.fault {
                    Fault::Loop => *translation = [translation.as_str(); 6].join(" "),
                    Fault::Empty => translation.clear(),
                    Fault::Fail | Fault::Panic | Fault::Hang(_) => {}
                }
            }
        }
        Ok(out)
    }
}

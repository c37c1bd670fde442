//! CTranslate2 models through `ct2rs`: bilingual (OPUS-MT, Argos Translate) and
//! multilingual ones that take language tokens (NLLB-200, M2M-100). Tokenizers are found
//! in the model folder: `tokenizer.json`, or `source.spm` and `target.spm`.

use std::path::Path;

use ct2rs::tokenizers::auto::Tokenizer as AutoTokenizer;
use ct2rs::{BatchType, ComputeType, Config, Device, TranslationOptions, Translator};

use crate::engine::{Engine, EngineError, EngineKind, LangPair};
use crate::manifest::{Languages, Manifest};
use crate::markup;

/// How a model runs: on which device, at which precision, on how many threads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunSettings {
    pub device: Device,
    pub compute_type: ComputeType,
    /// Threads of one model replica (CPU).
    pub threads: usize,
    /// Tokens per batch: CTranslate2 sorts by length and packs batches up to this size.
    pub max_batch_tokens: usize,
    /// Upper bound on output length, in tokens.
    pub max_decoding_length: usize,
    /// Lower bound on output length, in tokens: the end token is not allowed before it.
    /// Benchmarks set it to `max_decoding_length` so that every sentence decodes as many
    /// tokens. CTranslate2's default, 1, keeps translations from coming back empty.
    pub min_decoding_length: usize,
    pub beam_size: usize,
}

impl Default for RunSettings {
    fn default() -> Self {
        Self {
            device: Device::CPU,
            // int8 where the model allows; on CPUs without int8 kernels CTranslate2 falls back.
            compute_type: ComputeType::INT8,
            threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
            max_batch_tokens: 4096,
            max_decoding_length: 256,
            min_decoding_length: 1,
            beam_size: 2,
        }
    }
}

impl RunSettings {
    /// Settings from configuration words: `cuda` or CPU, and a CTranslate2 compute type
    /// name (`int8`, `int8_float32`, `int8_float16`, `float16`, `bfloat16`, `float32`,
    /// `default`, `auto`).
    pub fn from_names(cuda: bool, compute_type: &str, threads: Option<usize>) -> Option<Self> {
        let compute_type = match compute_type {
            "default" => ComputeType::DEFAULT,
            "auto" => ComputeType::AUTO,
            "float32" => ComputeType::FLOAT32,
            "int8" => ComputeType::INT8,
            "int8_float32" => ComputeType::INT8_FLOAT32,
            "int8_float16" => ComputeType::INT8_FLOAT16,
            "int8_bfloat16" => ComputeType::INT8_BFLOAT16,
            "int16" => ComputeType::INT16,
            "float16" => ComputeType::FLOAT16,
            "bfloat16" => ComputeType::BFLOAT16,
            _ => return None,
        };
        let defaults = Self::default();
        Some(Self {
            device: if cuda { Device::CUDA } else { Device::CPU },
            compute_type,
            threads: threads.unwrap_or(defaults.threads),
            ..defaults
        })
    }
}

pub struct Ct2Engine {
    manifest: Manifest,
    translator: Translator<AutoTokenizer>,
    settings: RunSettings,
}

impl Ct2Engine {
    pub fn load(model_dir: &Path, settings: RunSettings) -> Result<Self, EngineError> {
        let manifest = Manifest::read(model_dir).map_err(|e| EngineError::Model {
            engine: model_dir.display().to_string(),
            detail: e.to_string(),
        })?;
        let config = Config {
            device: settings.device,
            compute_type: settings.compute_type,
            num_threads_per_replica: settings.threads,
            ..Config::default()
        };
        let translator = Translator::new(model_dir, &config).map_err(|e| EngineError::Model {
            engine: manifest.name.clone(),
            detail: format!("{e:#}"),
        })?;
        Ok(Self {
            manifest,
            translator,
            settings,
        })
    }

    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    fn options(&self) -> TranslationOptions<String, String> {
        TranslationOptions {
            beam_size: self.settings.beam_size,
            max_decoding_length: self.settings.max_decoding_length,
            min_decoding_length: self.settings.min_decoding_length,
            max_batch_size: self.settings.max_batch_tokens,
            batch_type: BatchType::Tokens,
            ..TranslationOptions::default()
        }
    }

    fn model_error(&self, e: impl std::fmt::Display) -> EngineError {
        EngineError::Model {
            engine: self.manifest.name.clone(),
            detail: e.to_string(),
        }
    }
}

impl Engine for Ct2Engine {
    fn kind(&self) -> EngineKind {
        EngineKind::CTranslate2
    }

    fn model(&self) -> &str {
        &self.manifest.name
    }

    fn pairs(&self) -> Vec<LangPair> {
        self.manifest.pairs()
    }

    fn translate(&self, pair: &LangPair, segments: &[String]) -> Result<Vec<String>, EngineError> {
        if segments.is_empty() {
            return Ok(Vec::new());
        }
        let unsupported = || EngineError::UnsupportedPair {
            engine: self.manifest.name.clone(),
            pair: pair.clone(),
        };
        // The model sees words only; the marks are placed back by position afterwards,
        // glossary terms among them as atoms.
        let segments_in: Vec<String> = segments
            .iter()
            .map(|s| {
                if markup::has_marks(s) {
                    markup::terms_as_atoms(s)
                } else {
                    s.clone()
                }
            })
            .collect();
        let plain: Vec<String> = segments_in
            .iter()
            .map(|s| {
                if markup::has_marks(s) {
                    markup::strip(s)
                } else {
                    s.clone()
                }
            })
            .collect();
        let segments = &plain;
        let results = match &self.manifest.languages {
            Languages::Bilingual { from, to } => {
                if *from != pair.from || *to != pair.to {
                    return Err(unsupported());
                }
                self.translator
                    .translate_batch(segments, &self.options(), None)
                    .map_err(|e| self.model_error(format!("{e:#}")))?
            }
            Languages::Multilingual {
                tokens,
                source_prefix,
            } => {
                let (Some(from), Some(to)) = (tokens.get(&pair.from), tokens.get(&pair.to)) else {
                    return Err(unsupported());
                };
                let target = vec![vec![to.clone()]; segments.len()];
                if *source_prefix {
                    let source = vec![vec![from.clone()]; segments.len()];
                    self.translator
                        .translate_batch_with_source_and_target_prefix(
                            segments,
                            &source,
                            &target,
                            &self.options(),
                            None,
                        )
                } else {
                    self.translator.translate_batch_with_target_prefix(
                        segments,
                        &target,
                        &self.options(),
                        None,
                    )
                }
                .map_err(|e| self.model_error(format!("{e:#}")))?
            }
        };
        if results.len() != segments.len() {
            return Err(EngineError::CountMismatch {
                engine: self.manifest.name.clone(),
                sent: segments.len(),
                got: results.len(),
            });
        }
        Ok(segments_in
            .iter()
            .zip(results)
            .map(|(source, (text, _))| {
                if markup::has_marks(source) {
                    markup::atoms_as_terms(&markup::place(source, &text))
                } else {
                    text
                }
            })
            .collect())
    }
}

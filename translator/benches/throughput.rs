//! Target tokens per second of translation on a generated CTranslate2 model with OPUS-MT
//! dimensions (6 + 6 layers, d_model 512, 8 heads, FFN 2048, 32,000 words), at the settings
//! Pontis ships (int8, beam 2, 4,096 tokens a batch, 64 jobs a lease), with every sentence
//! decoded to exactly N tokens so that all paths do the same work:
//!
//! - (a) the worker: jobs queued in SQLite by new threads and posts, drained to stored
//!   translations (the next batch leased while this one translates);
//! - (b) `pontis translate`: the pipeline on plain lines, in chunks of 2048, with no cache;
//! - (c) CTranslate2's own Python package: `translate_batch` on pre-tokenized sentences.
//!
//! The three run in turn, each round starting with the next path, and the table gives each
//! path's median and spread. Each side's CTranslate2 version and GEMM backends are printed.
//! Prints figures; asserts nothing about speed.
//!
//! `cargo bench -p pontis-translator --bench throughput --features dnnl`
//!
//! Environment: PONTIS_BENCH_SENTENCES (corpus size, default 1200), PONTIS_BENCH_TOKENS
//! (N, default 32), PONTIS_BENCH_ROUNDS (default 3), PONTIS_BENCH_THREADS (default 2),
//! PONTIS_TEST_PYTHON (a Python with ctranslate2, tokenizers and numpy).

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use pontis_models::testing::TestDb;
use pontis_models::{Actor, Db, accounts, posts, spaces, threads};
use pontis_translator::ct2::{Ct2Engine, RunSettings};
use pontis_translator::local::DbJobs;
use pontis_translator::pipeline::{NoCache, Pipeline, SegmentCache, TextKind};
use pontis_translator::route::Router;
use pontis_translator::worker::{JobDone, JobSource, Worker, WorkerSettings};
use pontis_translator::{Engine, EngineError, EngineKind, LangPair};
use pontis_types::LeasedJob;
use pontis_types::{
    CreatePostRequest, CreateSpaceRequest, CreateThreadRequest, JoinSpaceRequest, Visibility,
};
use serde_json::Value;

/// Lines per pipeline call, as in `pontis translate`.
const CLI_CHUNK: usize = 2048;
/// A thread: a title and three posts (the opening post and two replies) of three sentences.
const SENTENCES_PER_POST: usize = 3;
const POSTS_PER_THREAD: usize = 3;
const SENTENCES_PER_THREAD: usize = 1 + POSTS_PER_THREAD * SENTENCES_PER_POST;
/// Sentences translated before timing, on every path, so that first-call costs do not count.
const WARM_UP: usize = 16;
/// Set (to a model folder) in the child process that reports the Rust side's backends.
const PROBE: &str = "PONTIS_BENCH_PROBE";
/// What CTranslate2 logs, with CT2_VERBOSE=1, about the CPU and its GEMM backends.
const BACKEND_LINES: [&str; 3] = ["Selected ISA", "MKL", "backend"];

/// What one run needs: the model, the corpus, and the shipped settings with N fixed.
struct Setup<'a> {
    model: &'a Path,
    corpus: &'a [String],
    n: usize,
    settings: RunSettings,
    batch_jobs: i64,
}

fn main() {
    if let Some(model) = std::env::var_os(PROBE) {
        // Loading a model makes CTranslate2 log its configuration (CT2_VERBOSE is set).
        Ct2Engine::load(Path::new(&model), RunSettings::default()).expect("load the model");
        return;
    }
    let requested = env_usize("PONTIS_BENCH_SENTENCES", 1200).max(SENTENCES_PER_THREAD);
    let sentences = requested.div_ceil(SENTENCES_PER_THREAD) * SENTENCES_PER_THREAD;
    let n = env_usize("PONTIS_BENCH_TOKENS", 32);
    let threads = env_usize("PONTIS_BENCH_THREADS", 2);
    let rounds = env_usize("PONTIS_BENCH_ROUNDS", 3).max(1);

    let corpus = corpus(sentences);
    let dir = tempfile::tempdir().expect("temporary directory for the model");
    let model = dir.path().join("model");
    let words = dir.path().join("words.txt");
    std::fs::write(&words, vocabulary(&corpus).join("\n")).expect("write the word list");
    let started = Instant::now();
    make_model(&model, &words);
    println!(
        "model: 6+6 layers, d_model 512, 8 heads, FFN 2048, 32000 words, made in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    // The shipped settings, but for the fixed decoding length and the thread count.
    let setup = Setup {
        model: &model,
        corpus: &corpus,
        n,
        settings: RunSettings {
            threads,
            min_decoding_length: n,
            max_decoding_length: n,
            ..RunSettings::default()
        },
        batch_jobs: WorkerSettings::default().batch_jobs,
    };
    let source_tokens: usize = corpus.iter().map(|s| pre_tokenize(s).len()).sum();
    println!(
        "corpus: {} sentences, {} source tokens ({:.1} a sentence); decoding exactly N = {n} \
         tokens; {:?}, beam {}, {} tokens a batch, {} jobs a lease, {threads} threads; {} CPU \
         cores; {rounds} rounds",
        corpus.len(),
        source_tokens,
        source_tokens as f64 / corpus.len() as f64,
        setup.settings.compute_type,
        setup.settings.beam_size,
        setup.settings.max_batch_tokens,
        setup.batch_jobs,
        std::thread::available_parallelism().map_or(1, |c| c.get()),
    );
    println!("\n(a), (b): {}", rust_ct2_version());
    for line in rust_backends(&model) {
        println!("    {line}");
    }

    let sentence_file = dir.path().join("sentences.txt");
    std::fs::write(&sentence_file, corpus.join("\n")).expect("write the sentences");
    let mut runs: Vec<Row> = Vec::new();
    for round in 0..rounds {
        for path in 0..3 {
            let row = match (round + path) % 3 {
                0 => python_ct2(&setup, &sentence_file, round == 0),
                1 => pipeline_lines(&setup),
                _ => worker_path(&setup),
            };
            println!(
                "round {}: {:<28} {:>8.2} s {:>8.0} tokens/s",
                round + 1,
                row.path,
                row.seconds,
                row.rate()
            );
            runs.push(row);
        }
    }
    print_table(&runs);
}

// ---------------------------------------------------------------------------------------
// The corpus.

/// `count` distinct forum-like sentences about school projects, the same on every run.
fn corpus(count: usize) -> Vec<String> {
    const SUBJECTS: [&str; 12] = [
        "Our team",
        "My group",
        "The whole class",
        "Maria",
        "Tomas",
        "Our teacher",
        "The younger students",
        "My lab partner",
        "Everyone in our club",
        "The science club",
        "Amir and Lena",
        "Our school",
    ];
    const VERBS: [&str; 12] = [
        "built",
        "tested",
        "painted",
        "measured",
        "repaired",
        "presented",
        "designed",
        "improved",
        "cleaned",
        "finished",
        "photographed",
        "explained",
    ];
    const OBJECTS: [&str; 15] = [
        "the solar oven",
        "a paper bridge",
        "the water filter",
        "the school garden",
        "our weather station",
        "the robot arm",
        "a model volcano",
        "the recycling poster",
        "the bird feeder",
        "a wind turbine",
        "the compost bin",
        "the map of the river",
        "our podcast episode",
        "the class website",
        "a cardboard boat",
    ];
    const TIMES: [&str; 10] = [
        "yesterday",
        "this morning",
        "last week",
        "after lunch",
        "on Friday",
        "before the holidays",
        "during the break",
        "in the library",
        "with the new tools",
        "for the science fair",
    ];
    const TAILS: [&str; 8] = [
        "",
        ", and it worked",
        ", but it took hours",
        ", and the teacher liked it",
        ", so we need more glue",
        ", and now it looks great",
        ", but the results were strange",
        ", and we learned a lot",
    ];
    const MARKS: [&str; 2] = [".", "!"];
    const OPENERS: [&str; 6] = [
        "Has anyone tried",
        "Did anyone see",
        "Who else tested",
        "Can someone help with",
        "Does anyone remember",
        "Should we improve",
    ];
    const ASKS: [&str; 4] = ["", ", please", " again", " next time"];
    // A prime that divides neither space: i * STRIDE visits every combination once.
    const STRIDE: usize = 7919;

    let statements =
        SUBJECTS.len() * VERBS.len() * OBJECTS.len() * TIMES.len() * TAILS.len() * MARKS.len();
    let questions = OPENERS.len() * OBJECTS.len() * TIMES.len() * ASKS.len();
    let question_count = (count / 4).min(questions);
    assert!(
        count - question_count <= statements,
        "at most {} sentences",
        statements + questions
    );
    let mut out = Vec::with_capacity(count);
    let (mut s, mut q) = (0, 0);
    for i in 0..count {
        if i % 4 == 3 && q < question_count {
            let mut k = (q * STRIDE) % questions;
            q += 1;
            let mut pick = |len: usize| {
                let at = k % len;
                k /= len;
                at
            };
            out.push(format!(
                "{} {} {}{}?",
                OPENERS[pick(OPENERS.len())],
                OBJECTS[pick(OBJECTS.len())],
                TIMES[pick(TIMES.len())],
                ASKS[pick(ASKS.len())],
            ));
        } else {
            let mut k = (s * STRIDE) % statements;
            s += 1;
            let mut pick = |len: usize| {
                let at = k % len;
                k /= len;
                at
            };
            out.push(format!(
                "{} {} {} {}{}{}",
                SUBJECTS[pick(SUBJECTS.len())],
                VERBS[pick(VERBS.len())],
                OBJECTS[pick(OBJECTS.len())],
                TIMES[pick(TIMES.len())],
                TAILS[pick(TAILS.len())],
                MARKS[pick(MARKS.len())],
            ));
        }
    }
    let distinct: HashSet<&String> = out.iter().collect();
    assert_eq!(distinct.len(), out.len(), "corpus sentences repeat");
    out
}

/// What the tokenizer's Whitespace pre-tokenizer makes of a text: runs of word characters
/// and runs of other non-space characters (`\w+|[^\w\s]+`).
fn pre_tokenize(text: &str) -> Vec<&str> {
    // None for spaces; Some(true) for word characters, Some(false) for the others.
    let class = |c: char| (!c.is_whitespace()).then(|| c.is_alphanumeric() || c == '_');
    let mut tokens = Vec::new();
    let mut start: Option<(usize, bool)> = None;
    for (at, c) in text.char_indices() {
        let here = class(c);
        if let Some((from, word)) = start {
            if here == Some(word) {
                continue;
            }
            tokens.push(&text[from..at]);
        }
        start = here.map(|word| (at, word));
    }
    if let Some((from, _)) = start {
        tokens.push(&text[from..]);
    }
    tokens
}

/// Every token of the corpus, and the sentence punctuation, for the model's vocabulary.
fn vocabulary(corpus: &[String]) -> Vec<String> {
    let mut words: BTreeSet<&str> = [".", "!", "?", ","].into_iter().collect();
    for sentence in corpus {
        words.extend(pre_tokenize(sentence));
    }
    words.into_iter().map(str::to_owned).collect()
}

// ---------------------------------------------------------------------------------------
// The model and the engine.

fn python() -> PathBuf {
    std::env::var_os("PONTIS_TEST_PYTHON").map_or_else(
        || {
            let home = std::env::var_os("HOME").unwrap_or_default();
            Path::new(&home).join(".cache/pontis/venv/bin/python")
        },
        PathBuf::from,
    )
}

fn make_model(dir: &Path, words: &Path) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/make_model.py");
    let status = Command::new(python())
        .arg(script)
        .arg(dir)
        .args([
            "--from",
            "en",
            "--to",
            "es",
            "--layers",
            "6",
            "--d-model",
            "512",
        ])
        .args([
            "--heads", "8", "--ffn", "2048", "--vocab", "32000", "--words",
        ])
        .arg(words)
        .status()
        .expect("run make_model.py (scripts/test.sh installs its Python packages)");
    assert!(status.success(), "make_model.py failed");
}

fn load_engine(setup: &Setup) -> Arc<Timed> {
    let engine = Ct2Engine::load(setup.model, setup.settings.clone()).expect("load the model");
    Timed::new(Arc::new(engine))
}

/// ct2rs's version (from Cargo.lock) and that of the CTranslate2 it builds (from its sources).
fn rust_ct2_version() -> String {
    let lock = include_str!("../../Cargo.lock");
    let version = lock
        .split("[[package]]")
        .find(|package| package.contains("name = \"ct2rs\""))
        .and_then(|package| package.lines().find_map(|l| l.strip_prefix("version = ")))
        .map_or("?", |v| v.trim_matches('"'));
    let home = std::env::var_os("CARGO_HOME").map_or_else(
        || Path::new(&std::env::var_os("HOME").unwrap_or_default()).join(".cargo"),
        PathBuf::from,
    );
    let bundled = std::fs::read_dir(home.join("registry/src"))
        .into_iter()
        .flatten()
        .flatten()
        .map(|index| {
            index.path().join(format!(
                "ct2rs-{version}/CTranslate2/python/ctranslate2/version.py"
            ))
        })
        .find_map(|file| std::fs::read_to_string(file).ok())
        .and_then(|text| {
            // `__version__ = "4.8.4"`, after a docstring that has quotes of its own.
            let line = text.lines().find(|l| l.starts_with("__version__"))?;
            line.split('"').nth(1).map(str::to_owned)
        })
        .unwrap_or_else(|| "?".into());
    format!("ct2rs {version}, CTranslate2 {bundled} built from source")
}

/// The backends CTranslate2 reports in this binary: a child process loads the model with
/// CT2_VERBOSE=1 (read once, when the library first logs).
fn rust_backends(model: &Path) -> Vec<String> {
    let exe = std::env::current_exe().expect("this benchmark's path");
    let output = Command::new(exe)
        .env(PROBE, model)
        .env("CT2_VERBOSE", "1")
        .output()
        .expect("run the backend probe");
    assert!(output.status.success(), "the backend probe failed");
    backend_lines(&String::from_utf8_lossy(&output.stderr))
}

fn backend_lines(log: &str) -> Vec<String> {
    log.lines()
        .filter(|line| BACKEND_LINES.iter().any(|word| line.contains(word)))
        .map(|line| line.rsplit("] ").next().unwrap_or(line).trim().to_owned())
        .collect()
}

/// Counts the sentences an engine is asked to translate and the time it takes.
struct Timed {
    inner: Arc<dyn Engine>,
    segments: AtomicUsize,
    nanos: AtomicU64,
}

impl Timed {
    fn new(inner: Arc<dyn Engine>) -> Arc<Self> {
        Arc::new(Self {
            inner,
            segments: AtomicUsize::new(0),
            nanos: AtomicU64::new(0),
        })
    }

    /// Sentences and seconds since the last call.
    fn take(&self) -> (usize, f64) {
        let segments = self.segments.swap(0, Ordering::SeqCst);
        let nanos = self.nanos.swap(0, Ordering::SeqCst);
        (segments, Duration::from_nanos(nanos).as_secs_f64())
    }

    fn warm_up(&self, corpus: &[String]) {
        let warm: Vec<String> = corpus.iter().take(WARM_UP).cloned().collect();
        self.inner
            .translate(&LangPair::new("en", "es"), &warm)
            .expect("warm-up translation");
    }
}

impl Engine for Timed {
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
        let started = Instant::now();
        let result = self.inner.translate(pair, segments);
        self.segments.fetch_add(segments.len(), Ordering::SeqCst);
        let nanos = u64::try_from(started.elapsed().as_nanos()).unwrap_or(u64::MAX);
        self.nanos.fetch_add(nanos, Ordering::SeqCst);
        result
    }
}

// ---------------------------------------------------------------------------------------
// The three paths.

struct Row {
    path: String,
    sentences: usize,
    tokens: usize,
    seconds: f64,
    /// CPU seconds, all threads: how many cores the path kept busy.
    cpu_seconds: f64,
}

impl Row {
    fn rate(&self) -> f64 {
        self.tokens as f64 / self.seconds
    }
}

/// (c): the same model and tokenizer through CTranslate2's Python package; only
/// `translate_batch` is timed.
const PYTHON_CT2: &str = r#"
import json, os, sys, time
import ctranslate2
from tokenizers import Tokenizer

model, path = sys.argv[1], sys.argv[2]
n, threads, warm, size, beam = (int(a) for a in sys.argv[3:8])
with open(path, encoding="utf-8") as f:
    sentences = f.read().split("\n")
tokenizer = Tokenizer.from_file(os.path.join(model, "tokenizer.json"))
batch = [e.tokens for e in tokenizer.encode_batch(sentences)]
unknown = sum(t == "<unk>" for s in batch for t in s)
translator = ctranslate2.Translator(
    model, device="cpu", compute_type="int8", intra_threads=threads, inter_threads=1
)
options = dict(batch_type="tokens", max_batch_size=size, beam_size=beam,
               min_decoding_length=n, max_decoding_length=n)
translator.translate_batch(batch[:warm], **options)
start, cpu = time.perf_counter(), time.process_time()
results = translator.translate_batch(batch, **options)
seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
print(json.dumps({
    "seconds": seconds,
    "cpu_seconds": cpu,
    "sentences": len(results),
    "tokens": sum(len(r.hypotheses[0]) for r in results),
    "unknown": unknown,
    "version": ctranslate2.__version__,
}), flush=True)
"#;

/// (c). The first time, with CT2_VERBOSE=1, it also prints Python's version and backends.
fn python_ct2(setup: &Setup, sentences: &Path, report: bool) -> Row {
    let settings = &setup.settings;
    let output = Command::new(python())
        .arg("-c")
        .arg(PYTHON_CT2)
        .arg(setup.model)
        .arg(sentences)
        .args(
            [
                setup.n,
                settings.threads,
                WARM_UP,
                settings.max_batch_tokens,
                settings.beam_size,
            ]
            .map(|v| v.to_string()),
        )
        .env("CT2_VERBOSE", if report { "1" } else { "0" })
        .output()
        .expect("run CTranslate2's Python package");
    let log = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "the Python benchmark failed:\n{log}"
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    let line = stdout
        .lines()
        .find(|l| l.starts_with('{'))
        .expect("a result from the Python benchmark");
    let run: Value = serde_json::from_str(line).expect("JSON from the Python benchmark");
    let field = |name: &str| run[name].as_u64().expect("a count") as usize;
    let row = Row {
        path: "(c) CTranslate2 Python".into(),
        sentences: field("sentences"),
        tokens: field("tokens"),
        seconds: run["seconds"].as_f64().expect("seconds"),
        cpu_seconds: run["cpu_seconds"].as_f64().expect("CPU seconds"),
    };
    assert_eq!(
        row.tokens,
        row.sentences * setup.n,
        "exactly N tokens a sentence"
    );
    assert_eq!(
        field("unknown"),
        0,
        "every source token is in the vocabulary"
    );
    if report {
        println!(
            "(c): ctranslate2 {} from PyPI",
            run["version"].as_str().unwrap_or("?")
        );
        for line in backend_lines(&log) {
            println!("    {line}");
        }
        println!();
    }
    row
}

/// (b): what `pontis translate` does with its lines, without the process around it.
fn pipeline_lines(setup: &Setup) -> Row {
    let (corpus, n) = (setup.corpus, setup.n);
    let engine = load_engine(setup);
    engine.warm_up(corpus);
    engine.take();
    // Every sentence is decoded to the same length: no guard may judge that.
    let pipeline = Pipeline::new(Router::new(vec![engine.clone()])).with_quality_guards(false);
    let cpu = cpu_seconds();
    let started = Instant::now();
    let mut translated: Vec<String> = Vec::with_capacity(corpus.len());
    for chunk in corpus.chunks(CLI_CHUNK) {
        let texts: Vec<(TextKind, &str)> = chunk
            .iter()
            .map(|l| (TextKind::Plain, l.as_str()))
            .collect();
        let done = pipeline
            .translate("en", "es", &texts, &NoCache)
            .expect("pipeline translation");
        translated.extend(
            done.texts
                .iter()
                .filter_map(|t| t.text().map(str::to_owned)),
        );
    }
    let seconds = started.elapsed().as_secs_f64();
    let cpu = cpu_seconds() - cpu;
    let (segments, _) = engine.take();
    // The tokenizer's decoder joins tokens with spaces: words are decoded tokens.
    let tokens: usize = translated
        .iter()
        .map(|t| t.split_whitespace().count())
        .sum();
    assert_eq!(segments, corpus.len(), "one segment a line");
    assert_eq!(tokens, segments * n, "exactly N tokens a sentence");
    Row {
        path: "(b) pontis translate".into(),
        sentences: segments,
        tokens,
        seconds,
        cpu_seconds: cpu,
    }
}

/// (a): posts in a database, the worker draining the queue.
fn worker_path(setup: &Setup) -> Row {
    let (corpus, n) = (setup.corpus, setup.n);
    let store = TestDb::sqlite();
    let db = &store.db;
    let author = user(db, "author", "en");
    let reader = user(db, "reader", "es");
    spaces::create(
        db,
        &author,
        CreateSpaceRequest {
            slug: "club".into(),
            name: "Club".into(),
            description: None,
            visibility: Visibility::Public,
        },
    )
    .expect("space");
    spaces::join(db, &reader, "club", JoinSpaceRequest::default()).expect("join");
    let started = Instant::now();
    for thread in corpus.chunks(SENTENCES_PER_THREAD) {
        let (title, posts) = thread.split_first().expect("a title");
        let mut bodies = posts.chunks(SENTENCES_PER_POST).map(|post| {
            // Two paragraphs: the first sentence, then the rest.
            let (first, rest) = post.split_first().expect("a sentence");
            format!("{first}\n\n{}\n", rest.join(" "))
        });
        let opening = bodies.next().expect("an opening post");
        let created = threads::create_thread(
            db,
            &author,
            "club",
            CreateThreadRequest {
                title: title.clone(),
                body: opening,
                lang: Some("en".into()),
            },
        )
        .expect("thread");
        for body in bodies {
            posts::create_post(
                db,
                &author,
                created.thread.id,
                CreatePostRequest {
                    body,
                    lang: Some("en".into()),
                },
            )
            .expect("post");
        }
    }
    let written = started.elapsed().as_secs_f64();

    let engine = load_engine(setup);
    engine.warm_up(corpus);
    engine.take();
    let jobs = Arc::new(TimedJobs::new(DbJobs::new(db.clone())));
    let worker = Worker::new(
        Pipeline::new(Router::new(vec![engine.clone()])).with_quality_guards(false),
        jobs.clone(),
        WorkerSettings {
            name: "bench".into(),
            batch_jobs: setup.batch_jobs,
            ..WorkerSettings::default()
        },
    );
    let cpu = cpu_seconds();
    let started = Instant::now();
    let handled = worker
        .drain(&AtomicBool::new(false))
        .expect("drain the queue");
    let seconds = started.elapsed().as_secs_f64();
    let cpu = cpu_seconds() - cpu;
    let (segments, engine_seconds) = engine.take();
    assert_eq!(
        segments,
        corpus.len(),
        "every sentence once, none from the cache"
    );
    let t = |clock: &AtomicU64| Duration::from_nanos(clock.load(Ordering::SeqCst)).as_secs_f64();
    println!(
        "    (a) {} threads, {} posts written in {written:.1} s (not timed); {handled} jobs: \
         engine {engine_seconds:.2} s, lease {:.2} s (beside the engine), complete {:.2} s \
         ({} calls), segment cache get {:.2} s + put {:.2} s",
        corpus.len() / SENTENCES_PER_THREAD,
        corpus.len() / SENTENCES_PER_THREAD * POSTS_PER_THREAD,
        t(&jobs.lease),
        t(&jobs.complete),
        jobs.completed.load(Ordering::SeqCst),
        t(&jobs.cache.get),
        t(&jobs.cache.put),
    );
    Row {
        path: "(a) worker, SQLite".into(),
        sentences: segments,
        tokens: segments * n,
        seconds,
        cpu_seconds: cpu,
    }
}

fn user(db: &Db, handle: &str, lang: &str) -> Actor {
    let view = accounts::create_user(
        db,
        accounts::NewUser {
            handle: handle.into(),
            password: "long enough secret".into(),
            display_name: None,
            locale: lang.into(),
            languages: vec![lang.into()],
            is_admin: false,
        },
    )
    .expect("create user");
    Actor {
        user_id: view.id,
        is_admin: false,
    }
}

/// The database job source, timing each call.
struct TimedJobs {
    inner: Arc<DbJobs>,
    cache: TimedCache,
    lease: AtomicU64,
    complete: AtomicU64,
    completed: AtomicUsize,
}

impl TimedJobs {
    fn new(jobs: DbJobs) -> Self {
        let inner = Arc::new(jobs);
        Self {
            cache: TimedCache {
                jobs: inner.clone(),
                get: AtomicU64::new(0),
                put: AtomicU64::new(0),
            },
            inner,
            lease: AtomicU64::new(0),
            complete: AtomicU64::new(0),
            completed: AtomicUsize::new(0),
        }
    }
}

fn timed<T>(clock: &AtomicU64, f: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let out = f();
    let nanos = u64::try_from(started.elapsed().as_nanos()).unwrap_or(u64::MAX);
    clock.fetch_add(nanos, Ordering::SeqCst);
    out
}

impl JobSource for TimedJobs {
    fn lease(
        &self,
        worker: &str,
        limit: i64,
        lease_for: Duration,
        pairs: &[LangPair],
    ) -> Result<Vec<LeasedJob>, String> {
        timed(&self.lease, || {
            self.inner.lease(worker, limit, lease_for, pairs)
        })
    }

    fn complete(&self, worker: &str, job: &LeasedJob, done: &JobDone) -> Result<bool, String> {
        self.completed.fetch_add(1, Ordering::SeqCst);
        timed(&self.complete, || self.inner.complete(worker, job, done))
    }

    fn cache(&self) -> &dyn SegmentCache {
        &self.cache
    }
}

struct TimedCache {
    jobs: Arc<DbJobs>,
    get: AtomicU64,
    put: AtomicU64,
}

impl SegmentCache for TimedCache {
    fn get(&self, keys: &[String]) -> HashMap<String, String> {
        timed(&self.get, || self.jobs.cache().get(keys))
    }

    fn put(&self, entries: &[(String, String)]) {
        timed(&self.put, || self.jobs.cache().put(entries));
    }
}

// ---------------------------------------------------------------------------------------
// Figures.

/// Per path: the median rate over the rounds, the slowest and fastest, and the median
/// against (c)'s.
fn print_table(runs: &[Row]) {
    let median = |values: &mut Vec<f64>| {
        values.sort_by(f64::total_cmp);
        values[values.len() / 2]
    };
    let mut paths: Vec<&str> = runs.iter().map(|r| r.path.as_str()).collect();
    paths.sort_unstable();
    paths.dedup();
    let summary: Vec<(&str, f64, f64, f64, f64)> = paths
        .iter()
        .map(|&path| {
            let mut rates: Vec<f64> = runs
                .iter()
                .filter(|r| r.path == path)
                .map(Row::rate)
                .collect();
            let mut cores: Vec<f64> = runs
                .iter()
                .filter(|r| r.path == path)
                .map(|r| r.cpu_seconds / r.seconds)
                .collect();
            let (low, high) = (
                rates.iter().copied().fold(f64::INFINITY, f64::min),
                rates.iter().copied().fold(0.0, f64::max),
            );
            (path, median(&mut rates), low, high, median(&mut cores))
        })
        .collect();
    let reference = summary
        .iter()
        .find(|row| row.0.starts_with("(c)"))
        .map_or(f64::NAN, |row| row.1);
    println!(
        "\n{:<28} {:>16} {:>22} {:>8} {:>7}",
        "path", "median tokens/s", "spread (min-max)", "vs (c)", "cores"
    );
    for (path, rate, low, high, cores) in summary {
        println!(
            "{path:<28} {rate:>16.0} {:>22} {:>8.3} {cores:>7.2}",
            format!("{low:.0}-{high:.0} ({:.1}%)", (high - low) / rate * 100.0),
            rate / reference,
        );
    }
}

/// CPU seconds this process has used on all its threads, from /proc (Linux; 0 elsewhere).
fn cpu_seconds() -> f64 {
    const TICKS_PER_SECOND: f64 = 100.0;
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // The fields after the command name, which is in parentheses: the third field onwards.
    let Some((_, rest)) = stat.rsplit_once(')') else {
        return 0.0;
    };
    // utime and stime, the 14th and 15th fields, in clock ticks.
    rest.split_whitespace()
        .skip(11)
        .take(2)
        .filter_map(|f| f.parse::<f64>().ok())
        .sum::<f64>()
        / TICKS_PER_SECOND
}

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(default)
}

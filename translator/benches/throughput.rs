//! Target tokens per second of translation on a generated CTranslate2 model with OPUS-MT
//! dimensions (6 + 6 layers, d_model 512, 8 heads, FFN 2048, 32,000 words), int8, 2 threads,
//! greedy search, every sentence decoded to exactly N tokens so that all paths do the same
//! work:
//!
//! - (a) the worker: jobs queued in SQLite by new threads and posts, to stored translations;
//! - (b) `pontis translate`: the pipeline on plain lines, in chunks of 2048, with no cache;
//! - (c) CTranslate2's own Python package: `translate_batch` on pre-tokenized sentences.
//!
//! Each batch size in PONTIS_BENCH_BATCH_TOKENS is tried on (b) and (c); (a) runs with (b)'s
//! best. Prints figures; asserts nothing about speed.
//!
//! `cargo bench -p pontis-translator --bench throughput`
//!
//! Environment: PONTIS_BENCH_SENTENCES (corpus size, default 2400), PONTIS_BENCH_TOKENS
//! (N, default 32), PONTIS_BENCH_BATCH_TOKENS (default 1024,4096,8192), PONTIS_BENCH_THREADS
//! (default 2), PONTIS_TEST_PYTHON (a Python with ctranslate2, tokenizers and numpy).

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use pontis_models::testing::TestDb;
use pontis_models::{Actor, Db, accounts, posts, spaces, threads};
use pontis_translator::ct2::{Ct2Engine, RunSettings};
use pontis_translator::local::DbJobs;
use pontis_translator::pipeline::{NoCache, Pipeline, SegmentCache, TextKind};
use pontis_translator::route::Router;
use pontis_translator::worker::{JobSource, Worker, WorkerSettings};
use pontis_translator::{Engine, EngineError, EngineKind, LangPair};
use pontis_types::{
    CreatePostRequest, CreateSpaceRequest, CreateThreadRequest, JoinSpaceRequest, Visibility,
};
use pontis_types::{JobOutcome, LeasedJob};
use serde_json::Value;

/// Lines per pipeline call, as in `pontis translate`.
const CLI_CHUNK: usize = 2048;
/// Jobs leased per worker round.
const BATCH_JOBS: i64 = 256;
/// A thread: a title and three posts (the opening post and two replies) of three sentences.
const SENTENCES_PER_POST: usize = 3;
const POSTS_PER_THREAD: usize = 3;
const SENTENCES_PER_THREAD: usize = 1 + POSTS_PER_THREAD * SENTENCES_PER_POST;
/// Sentences translated before timing, on every path, so that first-call costs do not count.
const WARM_UP: usize = 16;

fn main() {
    let requested = env_usize("PONTIS_BENCH_SENTENCES", 2400).max(SENTENCES_PER_THREAD);
    let sentences = requested.div_ceil(SENTENCES_PER_THREAD) * SENTENCES_PER_THREAD;
    let n = env_usize("PONTIS_BENCH_TOKENS", 32);
    let threads = env_usize("PONTIS_BENCH_THREADS", 2);
    let batch_sizes = env_list("PONTIS_BENCH_BATCH_TOKENS", &[1024, 4096, 8192]);

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
    let source_tokens: usize = corpus.iter().map(|s| pre_tokenize(s).len()).sum();
    println!(
        "corpus: {} sentences, {} source tokens ({:.1} a sentence); decoding exactly N = {n} \
         tokens; int8, {threads} threads, beam 1; {} CPU cores",
        corpus.len(),
        source_tokens,
        source_tokens as f64 / corpus.len() as f64,
        std::thread::available_parallelism().map_or(1, |c| c.get()),
    );
    println!("batch sizes tried (tokens): {batch_sizes:?}\n");

    let mut rows: Vec<Row> = Vec::new();

    // (c) CTranslate2 through Python.
    let sentence_file = dir.path().join("sentences.txt");
    std::fs::write(&sentence_file, corpus.join("\n")).expect("write the sentences");
    let python_rows = python_ct2(&model, &sentence_file, n, threads, &batch_sizes);
    rows.extend(python_rows);

    // (b) the pipeline, as `pontis translate` drives it.
    let mut best_b: Option<(usize, f64)> = None;
    for &batch in &batch_sizes {
        let (row, engine_seconds) = pipeline_lines(&model, &corpus, n, threads, batch);
        println!(
            "(b) max_batch_tokens {batch}: {:.2} s, of which {:.2} s in Ct2Engine::translate",
            row.seconds, engine_seconds
        );
        if best_b.is_none_or(|(_, rate)| row.rate() > rate) {
            best_b = Some((batch, row.rate()));
        }
        rows.push(row);
    }
    let best_batch = best_b.map_or(4096, |(batch, _)| batch);

    // (a) the worker, with (b)'s best batch size.
    rows.push(worker_path(&model, &corpus, n, threads, best_batch));

    print_table(&rows);
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

fn load_engine(model: &Path, n: usize, threads: usize, batch_tokens: usize) -> Arc<Timed> {
    let settings = RunSettings {
        threads,
        max_batch_tokens: batch_tokens,
        min_decoding_length: n,
        max_decoding_length: n,
        beam_size: 1,
        ..RunSettings::default()
    };
    let engine = Ct2Engine::load(model, settings).expect("load the generated model");
    Timed::new(Arc::new(engine))
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

model, path, n, threads, warm = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
sizes = [int(s) for s in sys.argv[6].split(",")]
with open(path, encoding="utf-8") as f:
    sentences = f.read().split("\n")
tokenizer = Tokenizer.from_file(os.path.join(model, "tokenizer.json"))
batch = [e.tokens for e in tokenizer.encode_batch(sentences)]
unknown = sum(t == "<unk>" for s in batch for t in s)
translator = ctranslate2.Translator(
    model, device="cpu", compute_type="int8", intra_threads=threads, inter_threads=1
)
options = dict(batch_type="tokens", beam_size=1, min_decoding_length=n, max_decoding_length=n)
translator.translate_batch(batch[:warm], max_batch_size=sizes[0], **options)
for size in sizes:
    start, cpu = time.perf_counter(), time.process_time()
    results = translator.translate_batch(batch, max_batch_size=size, **options)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(json.dumps({
        "max_batch_size": size,
        "seconds": seconds,
        "cpu_seconds": cpu,
        "sentences": len(results),
        "tokens": sum(len(r.hypotheses[0]) for r in results),
        "source_tokens": sum(len(s) for s in batch),
        "unknown": unknown,
        "version": ctranslate2.__version__,
    }), flush=True)
"#;

fn python_ct2(
    model: &Path,
    sentences: &Path,
    n: usize,
    threads: usize,
    batch_sizes: &[usize],
) -> Vec<Row> {
    let sizes: Vec<String> = batch_sizes.iter().map(ToString::to_string).collect();
    let output = Command::new(python())
        .arg("-c")
        .arg(PYTHON_CT2)
        .arg(model)
        .arg(sentences)
        .arg(n.to_string())
        .arg(threads.to_string())
        .arg(WARM_UP.to_string())
        .arg(sizes.join(","))
        .stderr(Stdio::inherit())
        .output()
        .expect("run CTranslate2's Python package");
    assert!(output.status.success(), "the Python benchmark failed");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let mut rows = Vec::new();
    for line in stdout.lines().filter(|l| l.starts_with('{')) {
        let run: Value = serde_json::from_str(line).expect("JSON from the Python benchmark");
        let field = |name: &str| run[name].as_u64().expect("a count") as usize;
        let seconds = run["seconds"].as_f64().expect("seconds");
        let cpu_seconds = run["cpu_seconds"].as_f64().expect("CPU seconds");
        println!(
            "(c) ctranslate2 {} max_batch_size {}: {:.2} s; {} source tokens, {} unknown",
            run["version"].as_str().unwrap_or("?"),
            field("max_batch_size"),
            seconds,
            field("source_tokens"),
            field("unknown"),
        );
        rows.push(Row {
            path: format!("(c) CTranslate2 Python, batch {}", field("max_batch_size")),
            sentences: field("sentences"),
            tokens: field("tokens"),
            seconds,
            cpu_seconds,
        });
    }
    assert_eq!(rows.len(), batch_sizes.len(), "a figure per batch size");
    rows
}

/// (b): what `pontis translate` does with its lines, without the process around it.
fn pipeline_lines(
    model: &Path,
    corpus: &[String],
    n: usize,
    threads: usize,
    batch_tokens: usize,
) -> (Row, f64) {
    let engine = load_engine(model, n, threads, batch_tokens);
    engine.warm_up(corpus);
    engine.take();
    let pipeline = Pipeline::new(Router::new(vec![engine.clone()]));
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
        translated.extend(done.texts);
    }
    let seconds = started.elapsed().as_secs_f64();
    let cpu = cpu_seconds() - cpu;
    let (segments, engine_seconds) = engine.take();
    // The tokenizer's decoder joins tokens with spaces: words are decoded tokens.
    let tokens: usize = translated
        .iter()
        .map(|t| t.split_whitespace().count())
        .sum();
    assert_eq!(segments, corpus.len(), "one segment a line");
    assert_eq!(tokens, segments * n, "exactly N tokens a sentence");
    let row = Row {
        path: format!("(b) pontis translate, batch {batch_tokens}"),
        sentences: segments,
        tokens,
        seconds,
        cpu_seconds: cpu,
    };
    (row, engine_seconds)
}

/// (a): posts in a database, the worker draining the queue.
fn worker_path(
    model: &Path,
    corpus: &[String],
    n: usize,
    threads: usize,
    batch_tokens: usize,
) -> Row {
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
    println!(
        "(a) setup: {} threads, {} posts written in {:.1} s (not timed)",
        corpus.len() / SENTENCES_PER_THREAD,
        corpus.len() / SENTENCES_PER_THREAD * POSTS_PER_THREAD,
        started.elapsed().as_secs_f64()
    );

    let engine = load_engine(model, n, threads, batch_tokens);
    engine.warm_up(corpus);
    engine.take();
    let jobs = Arc::new(TimedJobs::new(DbJobs::new(db.clone())));
    let worker = Worker::new(
        Pipeline::new(Router::new(vec![engine.clone()])),
        jobs.clone(),
        WorkerSettings {
            name: "bench".into(),
            batch_jobs: BATCH_JOBS,
            ..WorkerSettings::default()
        },
    );
    let cpu = cpu_seconds();
    let started = Instant::now();
    let mut rounds = 0;
    let mut handled = 0;
    loop {
        let done = worker.run_once().expect("worker round");
        if done == 0 {
            break;
        }
        rounds += 1;
        handled += done;
    }
    let seconds = started.elapsed().as_secs_f64();
    let cpu = cpu_seconds() - cpu;
    let (segments, engine_seconds) = engine.take();
    assert_eq!(
        segments,
        corpus.len(),
        "every sentence once, none from the cache"
    );
    let t = |clock: &AtomicU64| Duration::from_nanos(clock.load(Ordering::SeqCst)).as_secs_f64();
    let accounted = engine_seconds
        + t(&jobs.lease)
        + t(&jobs.complete)
        + t(&jobs.cache.get)
        + t(&jobs.cache.put);
    println!(
        "(a) max_batch_tokens {batch_tokens}, batch_jobs {BATCH_JOBS}: {handled} jobs in {rounds} \
         rounds, {seconds:.2} s: engine {engine_seconds:.2} s, lease {:.2} s, complete {:.2} s \
         ({} calls), segment cache get {:.2} s + put {:.2} s, the rest (segmenting, \
         rendering) {:.2} s",
        t(&jobs.lease),
        t(&jobs.complete),
        jobs.completed.load(Ordering::SeqCst),
        t(&jobs.cache.get),
        t(&jobs.cache.put),
        seconds - accounted,
    );
    Row {
        path: format!("(a) worker, SQLite, batch {batch_tokens}"),
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

    fn complete(
        &self,
        worker: &str,
        job: &LeasedJob,
        outcome: &JobOutcome,
        segments: &[String],
    ) -> Result<bool, String> {
        self.completed.fetch_add(1, Ordering::SeqCst);
        timed(&self.complete, || {
            self.inner.complete(worker, job, outcome, segments)
        })
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

fn print_table(rows: &[Row]) {
    let best = |prefix: &str| {
        rows.iter()
            .filter(|r| r.path.starts_with(prefix))
            .max_by(|a, b| a.rate().total_cmp(&b.rate()))
    };
    let Some(c) = best("(c)") else {
        return;
    };
    println!(
        "\n{:<40} {:>9} {:>13} {:>9} {:>10} {:>7} {:>6}",
        "path", "sentences", "target tokens", "seconds", "tokens/s", "vs (c)", "cores"
    );
    for row in rows {
        println!(
            "{:<40} {:>9} {:>13} {:>9.2} {:>10.0} {:>7.2} {:>6.2}",
            row.path,
            row.sentences,
            row.tokens,
            row.seconds,
            row.rate(),
            row.rate() / c.rate(),
            row.cpu_seconds / row.seconds,
        );
    }
    println!("\n(c) best: {} ({:.0} tokens/s)", c.path, c.rate());
    for prefix in ["(a)", "(b)"] {
        if let Some(row) = best(prefix) {
            println!(
                "{prefix}/(c) = {:.2}  [{}: {:.0} tokens/s]",
                row.rate() / c.rate(),
                row.path,
                row.rate()
            );
        }
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

fn env_list(name: &str, default: &[usize]) -> Vec<usize> {
    std::env::var(name)
        .ok()
        .map(|v| {
            v.split(',')
                .filter_map(|s| s.trim().parse().ok())
                .collect::<Vec<usize>>()
        })
        .filter(|list| !list.is_empty())
        .unwrap_or_else(|| default.to_vec())
}

//! Indexes 100,000 posts with 4 translations each (500,000 documents of generated text in
//! five languages) into the embedded index on disk, then runs 1,000 mixed queries with
//! permission filters. Prints documents per second, query latency percentiles, the
//! index's size on disk and the process's peak memory.
//!
//! `cargo bench -p pontis-search --bench index_search` (`POSTS=20000` for a quicker run).

use std::time::{Duration, Instant};

use pontis_search::{
    DocumentKind, EmbeddedIndex, PostDocuments, ReaderScope, SearchDocument, SearchIndex,
    SearchQuery,
};

const LANGS: [&str; 5] = ["en", "es", "fr", "de", "pt"];
const SPACES: i64 = 200;
const WORDS_PER_POST: usize = 40;
const VOCABULARY: usize = 6_000;
const QUERIES: usize = 1_000;
const BATCH_POSTS: usize = 2_000;

/// A small deterministic generator, so that every run indexes the same text.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// Word ranks follow a Zipf-like law, as in real text: a few words are everywhere.
    fn zipf(&mut self, n: usize) -> usize {
        let u = (self.next() % 1_000_000) as f64 / 1_000_000.0;
        ((n as f64).powf(u) as usize).saturating_sub(1).min(n - 1)
    }
}

/// Per language: real words first (the most frequent ranks), then made-up words with the
/// language's letters, so that stemmers see their own language.
fn vocabulary(lang: &str, rng: &mut Rng) -> Vec<String> {
    let seed: &[&str] = match lang {
        "en" => &[
            "the",
            "school",
            "project",
            "solar",
            "energy",
            "water",
            "river",
            "class",
            "students",
            "panels",
            "measured",
            "building",
            "garden",
            "volcano",
            "experiment",
        ],
        "es" => &[
            "el",
            "escuela",
            "proyecto",
            "solar",
            "energía",
            "agua",
            "río",
            "clase",
            "estudiantes",
            "paneles",
            "medimos",
            "edificio",
            "jardín",
            "volcán",
            "experimento",
        ],
        "fr" => &[
            "le",
            "école",
            "projet",
            "solaire",
            "énergie",
            "eau",
            "rivière",
            "classe",
            "élèves",
            "panneaux",
            "mesuré",
            "bâtiment",
            "jardin",
            "volcan",
            "expérience",
        ],
        "de" => &[
            "die", "Schule", "Projekt", "Solar", "Energie", "Wasser", "Fluss", "Klasse", "Schüler",
            "Paneele", "gemessen", "Gebäude", "Garten", "Vulkan", "Versuch",
        ],
        _ => &[
            "a",
            "escola",
            "projeto",
            "solar",
            "energia",
            "água",
            "rio",
            "turma",
            "alunos",
            "painéis",
            "medimos",
            "prédio",
            "jardim",
            "vulcão",
            "experimento",
        ],
    };
    let syllables: &[&str] = match lang {
        "en" => &["th", "er", "ing", "st", "an", "ow", "ea", "ch"],
        "es" => &["ci", "ón", "ar", "es", "que", "ll", "ñ", "os"],
        "fr" => &["ou", "eau", "é", "ent", "qu", "ai", "on", "è"],
        "de" => &["sch", "ei", "ung", "ch", "en", "ü", "st", "ie"],
        _ => &["ção", "ão", "nh", "lh", "ar", "os", "ei", "ú"],
    };
    let mut words: Vec<String> = seed.iter().map(|w| (*w).to_owned()).collect();
    while words.len() < VOCABULARY {
        let mut word = String::new();
        for _ in 0..2 + rng.below(3) {
            word.push_str(syllables[rng.below(syllables.len())]);
            word.push(char::from(b'a' + rng.below(26) as u8));
        }
        words.push(word);
    }
    words
}

fn sentence(words: &[String], rng: &mut Rng) -> String {
    let picked: Vec<&str> = (0..WORDS_PER_POST)
        .map(|_| words[rng.zipf(words.len())].as_str())
        .collect();
    format!("{}.", picked.join(" "))
}

fn post(id: i64, vocabularies: &[Vec<String>], rng: &mut Rng) -> PostDocuments {
    let origin = rng.below(LANGS.len());
    let space = 1 + rng.below(SPACES as usize) as i64;
    let author = 1 + rng.below(5_000) as i64;
    let visible = rng.below(50) != 0;
    let documents = (0..LANGS.len())
        .map(|i| {
            let lang = (origin + i) % LANGS.len();
            SearchDocument {
                id: SearchDocument::document_id(id, DocumentKind::Body, LANGS[lang]),
                post_id: id,
                thread_id: id / 10 + 1,
                space_id: space,
                author_id: author,
                kind: DocumentKind::Body,
                lang: LANGS[lang].to_owned(),
                origin_lang: LANGS[origin].to_owned(),
                is_original: i == 0,
                revision: 1,
                visible,
                created_at: 1_700_000_000 + id * 60,
                text: sentence(&vocabularies[lang], rng),
            }
        })
        .collect();
    PostDocuments {
        post_id: id,
        documents,
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let rank = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

fn dir_size(path: &std::path::Path) -> u64 {
    std::fs::read_dir(path)
        .map(|entries| {
            entries
                .flatten()
                .filter_map(|e| e.metadata().ok())
                .filter(|m| m.is_file())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}

/// Peak resident memory of this process, from the kernel.
fn peak_memory_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

fn main() {
    let posts: i64 = std::env::var("POSTS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(100_000);
    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    let vocabularies: Vec<Vec<String>> = LANGS.iter().map(|l| vocabulary(l, &mut rng)).collect();
    let dir = tempfile::tempdir().expect("temporary folder");
    let index = EmbeddedIndex::open(dir.path()).expect("index");

    let mut documents = 0u64;
    let mut indexing = Duration::ZERO;
    let mut next = 1;
    while next <= posts {
        let batch: Vec<PostDocuments> = (next..(next + BATCH_POSTS as i64).min(posts + 1))
            .map(|id| post(id, &vocabularies, &mut rng))
            .collect();
        next += batch.len() as i64;
        documents += batch.iter().map(|p| p.documents.len() as u64).sum::<u64>();
        let started = Instant::now();
        index.replace(&batch).expect("indexing");
        indexing += started.elapsed();
    }
    assert_eq!(index.document_count().expect("count"), documents);

    let mut latencies = Vec::with_capacity(QUERIES);
    let mut results = 0u64;
    for _ in 0..QUERIES {
        let lang = rng.below(LANGS.len());
        let words: Vec<&str> = (0..1 + rng.below(2))
            .map(|_| vocabularies[lang][rng.zipf(300)].as_str())
            .collect();
        let readable: Vec<i64> = (0..40)
            .map(|_| 1 + rng.below(SPACES as usize) as i64)
            .collect();
        let moderated = readable.iter().take(2).copied().collect();
        let query = SearchQuery::new(
            &words.join(" "),
            ReaderScope {
                user_id: 1 + rng.below(5_000) as i64,
                lang: LANGS[rng.below(LANGS.len())].to_owned(),
                readable_spaces: readable,
                moderated_spaces: moderated,
            },
        );
        let started = Instant::now();
        let page = index.search(&query).expect("search");
        latencies.push(started.elapsed());
        results += page.total;
    }
    latencies.sort_unstable();

    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "embedded search index: {posts} posts, {documents} documents ({} languages)",
        LANGS.len()
    );
    println!(
        "indexing: {:.1} s, {:.0} documents/s",
        indexing.as_secs_f64(),
        documents as f64 / indexing.as_secs_f64()
    );
    println!(
        "queries: {QUERIES} with permission filters (40 readable spaces of {SPACES}), {:.0} posts matched on average",
        results as f64 / QUERIES as f64
    );
    println!(
        "latency: p50 {:.2} ms, p95 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        ms(percentile(&latencies, 0.50)),
        ms(percentile(&latencies, 0.95)),
        ms(percentile(&latencies, 0.99)),
        ms(percentile(&latencies, 1.0))
    );
    println!(
        "index on disk: {:.0} MiB; peak memory: {:.0} MiB",
        dir_size(dir.path()) as f64 / (1024.0 * 1024.0),
        peak_memory_mib()
    );
}

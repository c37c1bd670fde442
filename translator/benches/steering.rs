//! What a space's glossary costs a batch before and after the engines: segmenting 2,000
//! forum posts (with the glossary's terms found in them), and putting their sentences
//! back together with the sentence pairs readers flag, with no glossary, with 20 terms and
//! with 200 (the most a space keeps). Runs interleaved, and prints each figure's median
//! and spread. No engine runs: the segments are rendered as they are.
//!
//! `cargo bench -p pontis-translator --bench steering`
//!
//! Environment: PONTIS_BENCH_POSTS (default 2000), PONTIS_BENCH_ROUNDS (default 7).

use std::time::Instant;

use pontis_translator::pipeline::{Text, TextKind, sentence_pairs};
use pontis_translator::steer::Steering;
use pontis_types::JobTerm;

const SENTENCES: [&str; 8] = [
    "El proyecto Luz Verde usa paneles solares en el tejado de la escuela.",
    "Rosa y Paz midieron la **temperatura** del agua con el sensor `temp_2`.",
    "Mañana presentamos los resultados a la clase de @ana_b y a sus profesores.",
    "Los paneles solares producen mucha electricidad cuando no hay nubes.",
    "¿Alguien sabe cómo se calcula la [eficiencia](https://example.org/eficiencia)?",
    "Necesitamos tres baterías más para guardar la energía de la tarde.",
    "La profesora Blanca dice que el informe final tiene que tener gráficos.",
    "Hoy hace sol, así que la producción será más alta que ayer.",
];

fn posts(count: usize) -> Vec<String> {
    (0..count)
        .map(|i| {
            let mut body = String::new();
            for k in 0..6 {
                body.push_str(SENTENCES[(i + k) % SENTENCES.len()]);
                body.push(if k == 2 { '\n' } else { ' ' });
                if k == 2 {
                    body.push('\n');
                }
            }
            body
        })
        .collect()
}

/// `size` terms: names kept, and terms with a fixed translation; most never appear.
fn glossary(size: usize) -> Steering {
    let known = [
        ("Luz Verde", None),
        ("Rosa", None),
        ("Paz", None),
        ("paneles solares", Some("solar panels")),
        ("baterías", Some("batteries")),
    ];
    let terms: Vec<JobTerm> = (0..size)
        .map(|i| match known.get(i) {
            Some((term, translation)) => JobTerm {
                term: (*term).to_owned(),
                translation: translation.map(str::to_owned),
            },
            None => JobTerm {
                term: format!("término {i}"),
                translation: Some(format!("term {i}")),
            },
        })
        .collect();
    Steering::new(&terms, &[])
}

/// Segments every post and renders it back: milliseconds.
fn round(bodies: &[String], steering: &Steering) -> f64 {
    let started = Instant::now();
    let mut bytes = 0;
    for body in bodies {
        let text = Text {
            kind: TextKind::Markdown,
            text: body,
            steering,
        };
        let document = text.segment();
        let corrected = vec![false; document.segments.len()];
        let pairs = sentence_pairs(&document, &document.segments, &corrected);
        bytes += document
            .render_corrected(&document.segments, &corrected)
            .len()
            + pairs.len();
    }
    std::hint::black_box(bytes);
    started.elapsed().as_secs_f64() * 1000.0
}

fn env(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    let bodies = posts(env("PONTIS_BENCH_POSTS", 2000));
    let rounds = env("PONTIS_BENCH_ROUNDS", 7);
    let cases = [
        ("no glossary", glossary(0)),
        ("20 terms", glossary(20)),
        ("200 terms", glossary(200)),
    ];
    let mut times: Vec<Vec<f64>> = vec![Vec::new(); cases.len()];
    for r in 0..=rounds {
        for k in 0..cases.len() {
            // Each round starts with the next case; round 0 warms up.
            let at = (k + r) % cases.len();
            let ms = round(&bodies, &cases[at].1);
            if r > 0 {
                times[at].push(ms);
            }
        }
    }
    println!(
        "segment + render {} posts ({} rounds, interleaved):",
        bodies.len(),
        rounds
    );
    let base = median(&mut times[0].clone());
    for ((name, _), ms) in cases.iter().zip(&mut times) {
        let mid = median(ms);
        println!(
            "  {name:<12} median {mid:7.1} ms  (min {:.1}, max {:.1})  x{:.2}",
            ms.first().copied().unwrap_or_default(),
            ms.last().copied().unwrap_or_default(),
            mid / base
        );
    }
}

/// Sorts `values` and returns the middle one.
fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or_default()
}

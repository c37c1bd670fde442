//! The engines against real translation: Apertium's rules, and CTranslate2 checked
//! against the reference implementation (its Python package) on the same model.

mod support;

use std::process::Command;

use pontis_translator::{Engine, LangPair};

use support::{apertium, load_ct2, make_model, python};

#[test]
fn apertium_translates_english_to_spanish() {
    let engine = apertium("eng-spa");
    let pair = LangPair::new("en", "es");
    let out = engine
        .translate(
            &pair,
            &["The house is big.".into(), "It costs $5 [a/b].".into()],
        )
        .expect("translate");
    assert_eq!(out[0], "La casa es grande.");
    assert_eq!(
        out[1], "Cuesta $5 [un/b].",
        "stream-format characters pass through"
    );
    let again = engine
        .translate(&pair, &["The house is big.".into()])
        .expect("the same process serves the next batch");
    assert_eq!(again, ["La casa es grande."]);
}

#[test]
fn apertium_keeps_one_answer_per_segment_in_large_batches() {
    let engine = apertium("eng-spa");
    let batch: Vec<String> = (0..400)
        .map(|i| format!("The house number {i} is big."))
        .collect();
    let out = engine
        .translate(&LangPair::new("en", "es"), &batch)
        .expect("translate");
    assert_eq!(out.len(), 400);
    for (i, translation) in out.iter().enumerate() {
        assert_eq!(
            *translation,
            format!("El número de casa {i} es grande."),
            "answers stay in order"
        );
    }
}

/// What the Python package returns for the same model, tokens and settings.
#[test]
fn a_killed_apertium_pipeline_is_started_again() {
    let engine = pontis_translator::apertium::discover(std::path::Path::new(
        pontis_translator::apertium::DEFAULT_MODES_DIR,
    ))
    .into_iter()
    .find(|e| e.mode() == "eng-spa")
    .expect("apertium-eng-spa is installed");
    let pair = LangPair::new("en", "es");
    let house = ["The house is big.".to_owned()];
    assert_eq!(
        engine.translate(&pair, &house).expect("translate"),
        ["La casa es grande."]
    );
    let first = engine.process_group().expect("a pipeline runs");
    let killed = std::process::Command::new("kill")
        .args(["-KILL", "--", &format!("-{first}")])
        .status()
        .expect("kill");
    assert!(killed.success());
    assert_eq!(
        engine
            .translate(&pair, &house)
            .expect("translated after a restart"),
        ["La casa es grande."]
    );
    assert_ne!(engine.process_group(), Some(first), "a new pipeline");
}

/// Checks `ours` against CTranslate2's Python package on the same model: each output must
/// be the reference's greedy decoding, except where the two best next tokens are so close
/// (`TIE` in log-probability, under the reference) that the rounding of another int8 GEMM
/// (Ruy here, oneDNN or MKL in the wheel) may pick the other; from such a tie on, the
/// reference continues from our choice and must agree again. Returns the ties taken.
fn assert_matches_reference(
    model: &std::path::Path,
    sentences: &[&str],
    prefix: Option<(&str, &str)>,
    ours: &[String],
) -> Vec<String> {
    let program = r#"
import json, sys, ctranslate2
from tokenizers import Tokenizer
model, sentences, prefix, ours = sys.argv[1], *(json.loads(a) for a in sys.argv[2:5])
TIE = 0.05
tok = Tokenizer.from_file(model + "/tokenizer.json")
t = ctranslate2.Translator(model, device="cpu", compute_type="int8", intra_threads=1)
start = [prefix[1]] if prefix else []
results = []
for sentence, mine in zip(sentences, ours):
    source = tok.encode(sentence).tokens
    if prefix:
        source = [prefix[0]] + source
    mine = mine.split()
    ties, done, k = [], False, 0
    while not done:
        ref = t.translate_batch([source], target_prefix=[start + mine[:k]] if start or k else None,
                                beam_size=1, max_decoding_length=12)[0].hypotheses[0][len(start):]
        if ref == mine:
            done = True
            break
        d = next((i for i, (a, b) in enumerate(zip(ref, mine)) if a != b), min(len(ref), len(mine)))
        if d >= len(mine) or d >= len(ref):
            results.append({"ok": False, "why": f"lengths differ: {ref} vs {mine}"})
            break
        alts = t.translate_batch([source], target_prefix=[start + mine[:d]], beam_size=1,
                                 num_hypotheses=8, return_alternatives=True, return_scores=True,
                                 max_decoding_length=len(start) + d + 1)[0]
        scores = {h[len(start) + d]: s for h, s in zip(alts.hypotheses, alts.scores)}
        best = max(scores.values())
        gap = best - scores.get(mine[d], float("-inf"))
        if gap > TIE:
            results.append({"ok": False, "why": f"at {d}: {mine[d]} is {gap:.3f} below the best; reference {ref}"})
            break
        ties.append(f"at {d}: {mine[d]} vs {ref[d]}, {gap:.4f} apart")
        k = d + 1
    if done:
        results.append({"ok": True, "ties": ties})
print(json.dumps(results))
"#;
    let output = Command::new(python())
        .args(["-c", program])
        .arg(model)
        .arg(serde_json::to_string(sentences).expect("json"))
        .arg(serde_json::to_string(&prefix.map(|(s, t)| [s, t])).expect("json"))
        .arg(serde_json::to_string(ours).expect("json"))
        .output()
        .expect("run the reference");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let results: Vec<serde_json::Value> =
        serde_json::from_slice(&output.stdout).expect("reference output");
    assert_eq!(results.len(), sentences.len());
    let mut ties = Vec::new();
    for (sentence, result) in sentences.iter().zip(&results) {
        assert_eq!(result["ok"], true, "{sentence:?}: {}", result["why"]);
        ties.extend(
            result["ties"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|tie| format!("{sentence:?} {}", tie.as_str().unwrap_or_default())),
        );
    }
    ties
}

#[test]
fn ctranslate2_matches_the_reference_implementation() {
    let dir = tempfile::tempdir().expect("tempdir");
    make_model(dir.path(), &["--from", "es", "--to", "en"]);
    let engine = load_ct2(dir.path());
    assert_eq!(engine.pairs(), [LangPair::new("es", "en")]);
    let sentences = ["tok10 tok11 tok12", "tok200 tok7", "tok42"];
    let owned: Vec<String> = sentences.iter().map(|s| s.to_string()).collect();
    let ours = engine
        .translate(&LangPair::new("es", "en"), &owned)
        .expect("translate");
    assert!(ours.iter().all(|t| !t.is_empty()), "{ours:?}");
    let ties = assert_matches_reference(dir.path(), &sentences, None, &ours);
    assert!(ties.len() < sentences.len(), "mostly exact: {ties:?}");
    eprintln!("near-ties decided by rounding: {ties:?}");
    assert!(
        engine
            .translate(&LangPair::new("en", "es"), &owned)
            .is_err(),
        "one direction only"
    );
}

#[test]
fn multilingual_models_take_language_tokens() {
    let dir = tempfile::tempdir().expect("tempdir");
    make_model(dir.path(), &["--multilingual", "en,de,es"]);
    let engine = load_ct2(dir.path());
    assert_eq!(engine.pairs().len(), 6);
    let sentences = ["tok10 tok11 tok12", "tok99"];
    let owned: Vec<String> = sentences.iter().map(|s| s.to_string()).collect();
    let to_german = engine
        .translate(&LangPair::new("es", "de"), &owned)
        .expect("translate");
    assert!(
        to_german.iter().all(|t| !t.is_empty()),
        "empty outputs would match anything: {to_german:?}"
    );
    let ties = assert_matches_reference(
        dir.path(),
        &sentences,
        Some(("__es__", "__de__")),
        &to_german,
    );
    eprintln!("near-ties decided by rounding: {ties:?}");
    let to_english = engine
        .translate(&LangPair::new("es", "en"), &owned)
        .expect("translate");
    assert_ne!(to_german, to_english, "the target token steers the output");
}

#[test]
fn a_pivot_through_spanish_connects_portuguese_to_english() {
    use pontis_translator::pipeline::{NoCache, Pipeline, TextKind, TextOutcome};
    use pontis_translator::route::Router;
    let pipeline = Pipeline::new(Router::new(vec![
        apertium("pt-es"),
        apertium("spa-eng"),
        apertium("eng-spa"),
    ]));
    let done = pipeline
        .translate(
            "pt",
            "en",
            &[(TextKind::Plain, "A casa é grande.")],
            &NoCache,
        )
        .expect("pivot");
    assert_eq!(
        done.texts[0].outcome,
        TextOutcome::Translated {
            text: "The house is big.".into(),
            segments: vec!["The house is big.".into()],
            sentences: vec![pontis_types::SentencePair {
                source: "A casa é grande.".into(),
                translation: "The house is big.".into(),
                corrected: false,
            }],
            engine: "apertium".into(),
            model: "pt-es+spa-eng".into(),
        }
    );
}

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

fn reference_translation(
    model: &std::path::Path,
    sentences: &[&str],
    prefix: Option<(&str, &str)>,
) -> Vec<String> {
    let program = r#"
import json, sys, ctranslate2
from tokenizers import Tokenizer
model, sentences, prefix = sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3])
tok = Tokenizer.from_file(model + "/tokenizer.json")
t = ctranslate2.Translator(model, device="cpu", compute_type="int8", intra_threads=1)
source = [tok.encode(s).tokens for s in sentences]
kwargs = dict(beam_size=1, max_decoding_length=12)
if prefix:
    source = [[prefix[0]] + s for s in source]
    kwargs["target_prefix"] = [[prefix[1]] for _ in source]
out = t.translate_batch(source, **kwargs)
ids = lambda toks: [tok.token_to_id(x) for x in toks]
result = []
for r in out:
    hyp = r.hypotheses[0][1:] if prefix else r.hypotheses[0]
    result.append(tok.decode(ids(hyp)))
print(json.dumps(result))
"#;
    let output = Command::new(python())
        .args(["-c", program])
        .arg(model)
        .arg(serde_json::to_string(sentences).expect("json"))
        .arg(serde_json::to_string(&prefix.map(|(s, t)| [s, t])).expect("json"))
        .output()
        .expect("run the reference");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("reference output")
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
    assert_eq!(ours, reference_translation(dir.path(), &sentences, None));
    assert!(ours.iter().all(|t| !t.is_empty()));
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
    assert_eq!(
        to_german,
        reference_translation(dir.path(), &sentences, Some(("__es__", "__de__")))
    );
    let to_english = engine
        .translate(&LangPair::new("es", "en"), &owned)
        .expect("translate");
    assert_ne!(to_german, to_english, "the target token steers the output");
}

#[test]
fn a_pivot_through_spanish_connects_portuguese_to_english() {
    use pontis_translator::pipeline::{NoCache, Pipeline, TextKind};
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
    assert_eq!(done.model, "pt-es+spa-eng");
    assert_eq!(done.engine, "apertium");
    assert_eq!(done.texts, ["The house is big."]);
}

//! Installing models: from a folder, and from a package index over HTTP that the test
//! serves itself, with checksums checked and nothing half-installed.

mod support;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::Path;
use std::process::Command;

use pontis_translator::LangPair;
use pontis_translator::ct2::RunSettings;
use pontis_translator::install::Installer;
use pontis_translator::installed::load_engines;
use sha2::{Digest, Sha256};

use support::{ct2_settings, make_model, python};

/// Serves `files` (path → body) over HTTP on a local port until `requests` are answered.
fn serve(files: Vec<(String, Vec<u8>)>, requests: usize) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let address = listener.local_addr().expect("address");
    std::thread::spawn(move || {
        for stream in listener.incoming().take(requests).flatten() {
            let mut reader = BufReader::new(stream);
            let mut request_line = String::new();
            if reader.read_line(&mut request_line).is_err() {
                continue;
            }
            let mut header = String::new();
            while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
                header.clear();
            }
            let path = request_line
                .split_whitespace()
                .nth(1)
                .unwrap_or("/")
                .to_owned();
            let mut stream = reader.into_inner();
            match files.iter().find(|(p, _)| *p == path) {
                Some((_, body)) => {
                    let _ = write!(
                        stream,
                        "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                        body.len()
                    );
                    let _ = stream.write_all(body);
                }
                None => {
                    let _ = write!(
                        stream,
                        "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    );
                }
            }
        }
    });
    format!("http://{address}")
}

fn argos_package(dir: &Path) -> Vec<u8> {
    let package = dir.join("en_de.argosmodel");
    make_model(
        &dir.join("work"),
        &[
            "--from",
            "en",
            "--to",
            "de",
            "--argos",
            package.to_str().expect("utf-8 path"),
        ],
    );
    std::fs::read(package).expect("package")
}

fn visible_folders(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.retain(|n| !n.starts_with('.'));
    names.sort();
    names
}

#[test]
fn installs_a_model_folder() {
    let work = tempfile::tempdir().expect("tempdir");
    let models = work.path().join("models");
    make_model(
        &work.path().join("generated"),
        &["--from", "es", "--to", "en"],
    );
    let manifest = Installer::new(&models, None)
        .install(work.path().join("generated").to_str().expect("utf-8"))
        .expect("install");
    assert_eq!(manifest.name, "test-es-en");
    let installed = load_engines(&models, None, &ct2_settings());
    assert!(installed.problems.is_empty(), "{:?}", installed.problems);
    assert_eq!(installed.engines[0].pairs(), [LangPair::new("es", "en")]);
}

#[test]
fn installs_an_argos_package_from_an_index_by_name() {
    let work = tempfile::tempdir().expect("tempdir");
    let package = argos_package(work.path());
    let sha = hex::encode(Sha256::digest(&package));
    // The package first: the index names its address.
    let url = serve(vec![("/en_de.argosmodel".into(), package.clone())], 1);
    let index = serde_json::to_vec(&serde_json::json!([
        {"from_code": "en", "to_code": "de", "package_version": "1.0",
         "links": [format!("{url}/en_de.argosmodel")], "sha256": sha, "size": package.len()},
    ]))
    .expect("index");
    let index_url = serve(vec![("/index.json".into(), index)], 1);
    let models = work.path().join("models");
    let manifest = Installer::new(&models, Some(format!("{index_url}/index.json")))
        .install("en-de")
        .expect("install from the index");
    assert_eq!(manifest.name, "argos-en-de");
    assert_eq!(manifest.sha256.as_deref(), Some(sha.as_str()));
    assert_eq!(visible_folders(&models), ["argos-en-de"]);
    for file in ["model.bin", "source.spm", "target.spm", "pontis-model.json"] {
        assert!(models.join("argos-en-de").join(file).is_file(), "{file}");
    }

    let installed = load_engines(
        &models,
        None,
        &RunSettings {
            threads: 1,
            beam_size: 1,
            max_decoding_length: 8,
            ..ct2_settings()
        },
    );
    assert!(installed.problems.is_empty(), "{:?}", installed.problems);
    let engine = &installed.engines[0];
    let ours = engine
        .translate(
            &LangPair::new("en", "de"),
            &["the house is big".into(), "we built a solar oven".into()],
        )
        .expect("translate with SentencePiece");
    let reference = Command::new(python())
        .args(["-c", r#"
import json, sys, ctranslate2, sentencepiece
model = sys.argv[1]
sp = sentencepiece.SentencePieceProcessor(model_file=model + "/source.spm")
t = ctranslate2.Translator(model, compute_type="int8", intra_threads=1)
out = t.translate_batch([sp.encode(s, out_type=str) + ["</s>"] for s in ["the house is big", "we built a solar oven"]], beam_size=1, max_decoding_length=8)
print(json.dumps([sp.decode(r.hypotheses[0]) for r in out]))
"#])
        .arg(models.join("argos-en-de"))
        .output()
        .expect("reference");
    assert!(
        reference.status.success(),
        "{}",
        String::from_utf8_lossy(&reference.stderr)
    );
    let reference: Vec<String> = serde_json::from_slice(&reference.stdout).expect("json");
    assert_eq!(
        ours, reference,
        "ct2rs with SentencePiece matches the Python reference"
    );
}

#[test]
fn a_corrupt_download_installs_nothing() {
    let work = tempfile::tempdir().expect("tempdir");
    let package = argos_package(work.path());
    let url = serve(vec![("/en_de.argosmodel".into(), package.clone())], 1);
    let index = serde_json::to_vec(&serde_json::json!([
        {"from_code": "en", "to_code": "de", "links": [format!("{url}/en_de.argosmodel")], "sha256": "0".repeat(64)},
    ]))
    .expect("index");
    let index_url = serve(vec![("/index.json".into(), index)], 1);
    let models = work.path().join("models");
    let error = Installer::new(&models, Some(format!("{index_url}/index.json")))
        .install("en-de")
        .expect_err("checksum mismatch");
    assert!(error.to_string().contains("SHA-256"), "{error}");
    assert!(
        visible_folders(&models).is_empty(),
        "nothing half-installed"
    );
    let missing = Installer::new(&models, None)
        .install("en-de")
        .expect_err("no index");
    assert!(missing.to_string().contains("package index"), "{missing}");
}

/// An Argos-shaped package: metadata, a model file, and `extra` entries as (name, body).
/// A body starting with `symlink:` is a symbolic link to the rest. Written by Python's
/// zipfile, which stores names as given (`../x`, `/x`), as a hostile packager would.
fn package_with(extra: &[(&str, &[u8])]) -> Vec<u8> {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("package.zip");
    let mut entries: Vec<(String, String)> = vec![
        (
            "en_de/metadata.json".into(),
            r#"{"from_code": "en", "to_code": "de"}"#.into(),
        ),
        ("en_de/model/model.bin".into(), "not really a model".into()),
    ];
    entries.extend(
        extra
            .iter()
            .map(|(name, body)| (name.to_string(), String::from_utf8_lossy(body).into_owned())),
    );
    let status = Command::new(python())
        .args([
            "-c",
            r#"
import json, sys, zipfile
out, entries = sys.argv[1], json.loads(sys.argv[2])
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for name, body in entries:
        info = zipfile.ZipInfo(name)
        info.compress_type = zipfile.ZIP_DEFLATED
        if body.startswith("symlink:"):
            info.external_attr = (0o120777 << 16)
            info.create_system = 3
            body = body[len("symlink:"):]
        z.writestr(info, body)
"#,
        ])
        .arg(&out)
        .arg(serde_json::to_string(&entries).expect("json"))
        .status()
        .expect("run Python");
    assert!(status.success(), "writing the package failed");
    std::fs::read(out).expect("the package")
}

/// Installs `package` from a file; the error's text.
fn refused(package: Vec<u8>, installer: impl Fn(&Path) -> Installer) -> String {
    let work = tempfile::tempdir().expect("tempdir");
    let file = work.path().join("evil.argosmodel");
    std::fs::write(&file, package).expect("write the package");
    let models = work.path().join("models");
    let error = installer(&models)
        .install(file.to_str().expect("utf-8"))
        .expect_err("refused");
    assert!(visible_folders(&models).is_empty(), "nothing installed");
    assert!(
        !work.path().join("evil").exists() && !Path::new("/tmp/pontis-evil").exists(),
        "nothing written outside"
    );
    error.to_string()
}

#[test]
fn packages_that_reach_outside_or_unpack_too_far_install_nothing() {
    let plain = |models: &Path| Installer::new(models, None);
    for name in ["en_de/../../evil", "../evil", "/tmp/pontis-evil"] {
        let error = refused(package_with(&[(name, b"x")]), plain);
        assert!(error.contains("unsafe path"), "{name}: {error}");
    }
    let error = refused(
        package_with(&[("en_de/model/shared_vocabulary.txt", b"symlink:/etc/passwd")]),
        plain,
    );
    assert!(error.contains("symbolic link"), "{error}");

    // A limit of 1 KiB stands in for the real 8 GiB: 2 KiB of zeros (tiny once packed).
    let zeros = vec![0u8; 2048];
    let error = refused(package_with(&[("en_de/model/big.bin", &zeros)]), |models| {
        Installer::new(models, None).with_unpacked_limit(1024)
    });
    assert!(error.contains("more than 1024 bytes"), "{error}");
    // The same package within the limit installs.
    let work = tempfile::tempdir().expect("tempdir");
    let file = work.path().join("fine.argosmodel");
    std::fs::write(&file, package_with(&[("en_de/model/big.bin", &zeros)])).expect("write");
    let manifest = Installer::new(&work.path().join("models"), None)
        .install(file.to_str().expect("utf-8"))
        .expect("a package within the limit installs");
    assert_eq!(manifest.name, "argos-en-de");
}

/// Changes a served repository's listing or files.
type Alter = dyn Fn(&mut Vec<serde_json::Value>, &mut Vec<(String, Vec<u8>)>);

/// A generated model folder served as a Hub repository `repo` would be: the file listing
/// at the Hub's API address (model.bin as an LFS file with its SHA-256, the rest plain),
/// each file at its resolve address; `alter` may change the listing or the bodies.
fn hub_repository(folder: &Path, repo: &str, alter: &Alter) -> String {
    let mut listing = Vec::new();
    let mut files = Vec::new();
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .expect("model folder")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name != "pontis-model.json")
        .collect();
    names.sort();
    for name in names {
        let body = std::fs::read(folder.join(&name)).expect("model file");
        let mut entry =
            serde_json::json!({"type": "file", "path": name, "size": body.len(), "oid": "0"});
        if name == "model.bin" {
            entry["lfs"] = serde_json::json!({
                "oid": hex::encode(Sha256::digest(&body)), "size": body.len(), "pointerSize": 134
            });
        }
        listing.push(entry);
        files.push((format!("/{repo}/resolve/main/{name}"), body));
    }
    // What a real repository also holds, which a CTranslate2 model does not need: never
    // fetched (this server does not have them).
    listing.push(serde_json::json!({"type": "file", "path": "README.md", "size": 10}));
    listing.push(serde_json::json!({"type": "file", "path": "onnx/model.onnx", "size": 10}));
    listing.push(serde_json::json!({"type": "directory", "path": "onnx", "size": 0}));
    alter(&mut listing, &mut files);
    let listing = serde_json::to_vec(&listing).expect("listing");
    files.push((
        format!("/api/models/{repo}/tree/main?recursive=true"),
        listing,
    ));
    // Room for requests of files `alter` took away, answered 404.
    let requests = files.len() + 4;
    serve(files, requests)
}

fn hidden_or_visible(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn installs_bilingual_and_multilingual_models_from_a_hub() {
    let work = tempfile::tempdir().expect("tempdir");
    let models = work.path().join("models");
    // An OPUS-MT conversion: the languages come from its name.
    let opus = work.path().join("opus");
    make_model(&opus, &["--from", "en", "--to", "de"]);
    let hub = hub_repository(&opus, "school/opus-mt-en-de-ct2", &|_, _| {});
    let manifest = Installer::new(&models, None)
        .with_hub(&hub)
        .install("hf:school/opus-mt-en-de-ct2")
        .expect("install from the hub");
    assert_eq!(manifest.name, "opus-mt-en-de-ct2");
    assert_eq!(manifest.pairs(), [LangPair::new("en", "de")]);
    assert!(manifest.files.contains_key("model.bin"), "{manifest:?}");
    assert!(!models.join("opus-mt-en-de-ct2/README.md").exists());
    // A multilingual model: the languages come from its language tokens.
    let m2m = work.path().join("m2m");
    make_model(&m2m, &["--multilingual", "en,de,es"]);
    let hub = hub_repository(&m2m, "school/m2m-small-ct2", &|_, _| {});
    let manifest = Installer::new(&models, None)
        .with_hub(&hub)
        .install("hf:school/m2m-small-ct2")
        .expect("install from the hub");
    assert_eq!(manifest.pairs().len(), 6, "{manifest:?}");
    let installed = load_engines(&models, None, &ct2_settings());
    assert!(installed.problems.is_empty(), "{:?}", installed.problems);
    assert_eq!(installed.engines.len(), 2);
    let verified = Installer::new(&models, None).verify().expect("verify");
    assert!(
        verified.iter().all(|v| v.problems.is_empty()) && verified.len() == 2,
        "{verified:?}"
    );
    assert_eq!(hidden_or_visible(&models).len(), 2, "no leftovers");

    // A changed file is found; removing takes the model away.
    let bin = models.join("opus-mt-en-de-ct2/model.bin");
    let mut bytes = std::fs::read(&bin).expect("model.bin");
    bytes[100] ^= 0xff;
    std::fs::write(&bin, bytes).expect("alter model.bin");
    let verified = Installer::new(&models, None).verify().expect("verify");
    let altered = verified
        .iter()
        .find(|v| v.name == "opus-mt-en-de-ct2")
        .expect("listed");
    assert!(
        altered.problems.iter().any(|p| p.contains("model.bin")),
        "{verified:?}"
    );
    Installer::new(&models, None)
        .remove("opus-mt-en-de-ct2")
        .expect("remove");
    assert_eq!(visible_folders(&models), ["m2m-small-ct2"]);
    for unknown in ["opus-mt-en-de-ct2", "../models", ".hidden", ""] {
        assert!(
            Installer::new(&models, None).remove(unknown).is_err(),
            "{unknown:?}"
        );
    }
}

#[test]
fn a_bad_hub_download_installs_nothing() {
    let work = tempfile::tempdir().expect("tempdir");
    let models = work.path().join("models");
    let opus = work.path().join("opus");
    make_model(&opus, &["--from", "en", "--to", "de"]);
    let repo = "school/opus-mt-en-de-ct2";
    let cases: Vec<(&str, Box<Alter>, &str)> = vec![
        (
            "checksum mismatch",
            Box::new(|listing, _| {
                for entry in listing.iter_mut().filter(|e| e["path"] == "model.bin") {
                    entry["lfs"]["oid"] = "0".repeat(64).into();
                }
            }),
            "SHA-256",
        ),
        (
            "truncated download",
            Box::new(|_, files| {
                for (_, body) in files.iter_mut().filter(|(p, _)| p.ends_with("/model.bin")) {
                    body.truncate(body.len() / 2);
                }
            }),
            "size",
        ),
        (
            "missing file",
            Box::new(|_, files| files.retain(|(p, _)| !p.ends_with("/tokenizer.json"))),
            "not found",
        ),
    ];
    for (case, alter, says) in cases {
        let hub = hub_repository(&opus, repo, &*alter);
        let error = Installer::new(&models, None)
            .with_hub(&hub)
            .install(&format!("hf:{repo}"))
            .expect_err(case);
        assert!(error.to_string().contains(says), "{case}: {error}");
        assert!(
            hidden_or_visible(&models).is_empty(),
            "{case}: nothing half-installed: {:?}",
            hidden_or_visible(&models)
        );
    }
    let hub = hub_repository(&opus, repo, &|_, _| {});
    let unknown = Installer::new(&models, None)
        .with_hub(&hub)
        .install("hf:school/no-such-model")
        .expect_err("an unknown repository");
    assert!(unknown.to_string().contains("not found"), "{unknown}");
    // A model without language tokens or an OPUS-MT name cannot say what it translates.
    let hub = hub_repository(&opus, "school/mystery-ct2", &|_, _| {});
    let mystery = Installer::new(&models, None)
        .with_hub(&hub)
        .install("hf:school/mystery-ct2")
        .expect_err("no languages");
    assert!(mystery.to_string().contains("which languages"), "{mystery}");
    assert!(hidden_or_visible(&models).is_empty());
}

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

//! Models installed while `pontis serve` runs: after `pontis models install` and a SIGHUP,
//! a language pair no engine reached before is translated, without a restart.

use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// A `pontis serve` process, killed when dropped.
struct Server {
    child: Child,
    url: String,
    data_dir: PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    async fn start(data_dir: &Path) -> Self {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let child = Command::new(env!("CARGO_BIN_EXE_pontis"))
            .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
            .arg("--data-dir")
            .arg(data_dir)
            .stdout(std::fs::File::create(data_dir.join("serve.log")).expect("log"))
            .stderr(std::fs::File::create(data_dir.join("serve.err")).expect("log"))
            .spawn()
            .expect("start pontis serve");
        let server = Self {
            child,
            url: format!("http://127.0.0.1:{port}"),
            data_dir: data_dir.to_path_buf(),
        };
        let deadline = Instant::now() + Duration::from_secs(60);
        while server.call("GET", "/health", None, None).await.0 != 200 {
            assert!(Instant::now() < deadline, "{}", server.log());
            actix_web::rt::time::sleep(Duration::from_millis(200)).await;
        }
        server
    }

    fn log(&self) -> String {
        ["serve.log", "serve.err"]
            .iter()
            .map(|name| std::fs::read_to_string(self.data_dir.join(name)).unwrap_or_default())
            .collect()
    }

    async fn call(
        &self,
        method: &str,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> (u16, Value) {
        let client = awc::Client::default();
        let method = actix_web::http::Method::from_bytes(method.as_bytes()).expect("method");
        let mut req = client.request(method, format!("{}{path}", self.url));
        if let Some(token) = token {
            req = req.insert_header(("Authorization", format!("Bearer {token}")));
        }
        let sent = match body {
            Some(body) => req.send_json(&body).await,
            None => req.send().await,
        };
        let Ok(mut res) = sent else {
            return (0, Value::Null);
        };
        let body = res
            .json::<Value>()
            .limit(1 << 20)
            .await
            .unwrap_or(Value::Null);
        (res.status().as_u16(), body)
    }

    async fn register(&self, handle: &str, language: &str) -> String {
        let (status, body) = self
            .call(
                "POST",
                "/api/v1/auth/register",
                None,
                Some(
                    json!({"handle": handle, "password": "correct horse battery",
                            "locale": language, "languages": [language]}),
                ),
            )
            .await;
        assert_eq!(status, 201, "{body}");
        body["token"].as_str().expect("token").to_owned()
    }

    /// Emma's new English post, as Dieter (German) reads it once the worker is done: its
    /// id and translation.
    async fn read_in_german(
        &self,
        emma: &str,
        dieter: &str,
        thread: i64,
        text: &str,
    ) -> (i64, Value) {
        let (status, post) = self
            .call(
                "POST",
                &format!("/api/v1/threads/{thread}/posts"),
                Some(emma),
                Some(json!({"body": text, "lang": "en"})),
            )
            .await;
        assert_eq!(status, 201, "{post}");
        let id = post["id"].as_i64().expect("post id");
        (id, self.translation_of(dieter, id).await)
    }

    /// The translation of post `id` as `reader` reads it, once no longer pending.
    async fn translation_of(&self, reader: &str, id: i64) -> Value {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let (_, read) = self
                .call("GET", &format!("/api/v1/posts/{id}"), Some(reader), None)
                .await;
            if read["translation"]["status"] != "pending" {
                return read["translation"].clone();
            }
            assert!(
                Instant::now() < deadline,
                "still pending: {read}\n{}",
                self.log()
            );
            actix_web::rt::time::sleep(Duration::from_millis(200)).await;
        }
    }
}

fn python() -> PathBuf {
    std::env::var_os("PONTIS_TEST_PYTHON").map_or_else(
        || {
            Path::new(&std::env::var_os("HOME").unwrap_or_default())
                .join(".cache/pontis/venv/bin/python")
        },
        PathBuf::from,
    )
}

#[actix_web::test]
async fn a_model_installed_while_serving_is_used_after_sighup() {
    let data = tempfile::tempdir().expect("data directory");
    let server = Server::start(data.path()).await;
    let emma = server.register("emma", "en").await;
    let dieter = server.register("dieter", "de").await;
    let (status, space) = server
        .call(
            "POST",
            "/api/v1/spaces",
            Some(&emma),
            Some(json!({"slug": "club", "name": "Club", "visibility": "public"})),
        )
        .await;
    assert_eq!(status, 201, "{space}");
    assert_eq!(
        server
            .call(
                "POST",
                "/api/v1/spaces/club/join",
                Some(&dieter),
                Some(json!({}))
            )
            .await
            .0,
        200
    );
    let (status, created) = server
        .call(
            "POST",
            "/api/v1/spaces/club/threads",
            Some(&emma),
            Some(json!({"title": "Hello", "body": "Hello.", "lang": "en"})),
        )
        .await;
    assert_eq!(status, 201, "{created}");
    let thread = created["thread"]["id"].as_i64().expect("thread id");

    // Debian has no English–German Apertium pair: nothing reaches German yet.
    let (before_id, before) = server
        .read_in_german(&emma, &dieter, thread, "The house is big.")
        .await;
    assert_eq!(before["status"], "unavailable", "{before}");

    let generated = data.path().join("generated");
    let made = Command::new(python())
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("../translator/testdata/make_model.py"))
        .arg(&generated)
        // Stops after a word or two, as a trained model would: the server decodes up to
        // 256 tokens, and a random model's loop that long is rightly refused.
        .args(["--from", "en", "--to", "de", "--eos-bias", "1.5"])
        .status()
        .expect("run make_model.py");
    assert!(made.success());
    let installed = Command::new(env!("CARGO_BIN_EXE_pontis"))
        .args(["models", "install"])
        .arg(&generated)
        .arg("--data-dir")
        .arg(data.path())
        .output()
        .expect("pontis models install");
    assert!(installed.status.success(), "{installed:?}");
    let hangup = Command::new("kill")
        .args(["-HUP", &server.child.id().to_string()])
        .status()
        .expect("kill -HUP");
    assert!(hangup.success());

    let deadline = Instant::now() + Duration::from_secs(60);
    while !server.log().contains("translation engines reloaded") {
        assert!(
            Instant::now() < deadline,
            "never reloaded:\n{}",
            server.log()
        );
        actix_web::rt::time::sleep(Duration::from_millis(200)).await;
    }
    let (_, after) = server
        .read_in_german(&emma, &dieter, thread, "The school is red.")
        .await;
    assert_eq!(after["status"], "ready", "{after}");
    assert_eq!(after["model"], "test-en-de", "{after}");
    assert_eq!(after["engine"], "ctranslate2", "{after}");
    // The post from before the model came is translated too, once asked for again.
    let earlier = server.translation_of(&dieter, before_id).await;
    assert_eq!(earlier["status"], "ready", "{earlier}");
}

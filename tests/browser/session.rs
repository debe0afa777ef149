//! Headless Chromium driven through chromedriver (WebDriver, with
//! `fantoccini`) against the small pack, built and served on 127.0.0.1.
//!
//! Only Debian's `chromium` and `chromium-driver` are used, never a
//! downloaded browser; axe-core comes from npm (scripts/test installs it into
//! `.test-deps`). When one of them is missing the tests say so and pass,
//! except in CI (`CI=true`), where they fail.

use std::future::Future;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};
use tempfile::TempDir;

use super::server::Server;
use crate::common;

/// How long any wait in the browser may take.
pub const PATIENCE: Duration = Duration::from_secs(20);

/// The programs and files the browser tests need.
pub struct Tools {
    chromium: PathBuf,
    chromedriver: PathBuf,
    /// `axe.min.js` from the axe-core npm package.
    pub axe: PathBuf,
}

fn which(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    })
}

impl Tools {
    /// Finds the tools. A missing one fails the test in CI and skips it,
    /// with the reason printed, anywhere else.
    pub fn find() -> Option<Tools> {
        // CHROMIUM and CHROMEDRIVER name other builds of the same programs.
        let program = |var: &str, name: &str| match std::env::var_os(var) {
            Some(path) => Some(PathBuf::from(path)).filter(|p| p.is_file()),
            None => which(name),
        };
        let chromium = program("CHROMIUM", "chromium");
        let chromedriver = program("CHROMEDRIVER", "chromedriver");
        let axe = std::env::var_os("CANLLAW_AXE")
            .map(PathBuf::from)
            .unwrap_or_else(|| {
                Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join(".test-deps/node_modules/axe-core/axe.min.js")
            });
        let mut missing = Vec::new();
        if chromium.is_none() {
            missing.push("chromium (Debian package `chromium`)".to_string());
        }
        if chromedriver.is_none() {
            missing.push("chromedriver (Debian package `chromium-driver`)".to_string());
        }
        if !axe.is_file() {
            missing.push(format!(
                "axe-core at {} (scripts/test installs it from npm)",
                axe.display()
            ));
        }
        if !missing.is_empty() {
            let message = format!(
                "the browser tests need {}; run scripts/test, or as root: apt-get install chromium chromium-driver",
                missing.join(", ")
            );
            if std::env::var("CI").is_ok_and(|v| v == "true") {
                panic!("CI=true and {message}");
            }
            eprintln!("skipping browser test: {message}");
            return None;
        }
        Some(Tools {
            chromium: chromium?,
            chromedriver: chromedriver?,
            axe,
        })
    }
}

/// A browser on the built small pack. Everything it started stops when it
/// is dropped.
pub struct Browser {
    /// Runs the WebDriver client.
    pub rt: tokio::runtime::Runtime,
    /// The WebDriver session.
    pub client: Client,
    /// The site's server, which records every request.
    pub server: Server,
    /// The built site.
    _site: TempDir,
    /// Where Chromium saves downloads.
    pub downloads: TempDir,
    driver: Child,
    _profile: TempDir,
}

impl Browser {
    /// Builds the small pack, serves it and starts Chromium.
    pub fn start(tools: &Tools) -> Browser {
        Browser::start_with(tools, &common::small_pack(), true)
    }

    /// As [`Browser::start`], with JavaScript turned off for every page.
    pub fn start_without_javascript(tools: &Tools) -> Browser {
        Browser::start_with(tools, &common::small_pack(), false)
    }

    /// As [`Browser::start`], on the project in `project`.
    pub fn start_on(tools: &Tools, project: &Path) -> Browser {
        Browser::start_with(tools, project, true)
    }

    fn start_with(tools: &Tools, project: &Path, javascript: bool) -> Browser {
        let site = common::build(project);
        let server = Server::start(site.path());
        let downloads = tempfile::tempdir().unwrap();
        let profile = tempfile::tempdir().unwrap();

        let port = {
            let probe = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
            probe.local_addr().unwrap().port()
        };
        let mut command = Command::new(&tools.chromedriver);
        command
            .arg(format!("--port={port}"))
            .arg(format!(
                "--log-path={}",
                profile.path().join("chromedriver.log").display()
            ))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        let driver = command
            .spawn()
            .unwrap_or_else(|e| panic!("starting {}: {e}", tools.chromedriver.display()));
        let started = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < PATIENCE,
                "chromedriver did not listen on port {port}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }

        let args = [
            "--headless".to_string(),
            "--no-sandbox".into(),
            "--disable-gpu".into(),
            "--disable-background-networking".into(),
            "--disable-component-update".into(),
            "--disable-sync".into(),
            "--no-first-run".into(),
            "--disable-dev-shm-usage".into(),
            "--lang=en-US".into(),
            "--window-size=1280,1000".into(),
            format!(
                "--user-data-dir={}",
                profile.path().join("chromium").display()
            ),
            // Every request, to anywhere, goes through the site's server, which
            // records it: nothing can leave unseen.
            format!("--proxy-server=http://127.0.0.1:{}", server.port),
            "--proxy-bypass-list=<-loopback>".into(),
        ];
        let capabilities = json!({
            "browserName": "chrome",
            // The tests answer confirm() and beforeunload themselves.
            "unhandledPromptBehavior": "ignore",
            // Every request the pages make, from DevTools' network events.
            "goog:loggingPrefs": {"performance": "ALL"},
            "goog:chromeOptions": {
                "binary": tools.chromium,
                "args": args,
                "prefs": {
                    "download.default_directory": downloads.path(),
                    "download.prompt_for_download": false,
                    "download.directory_upgrade": true,
                    // 1 allows scripts, 2 blocks them.
                    "profile.managed_default_content_settings.javascript": if javascript { 1 } else { 2 },
                },
            },
        });
        let Value::Object(capabilities) = capabilities else {
            unreachable!()
        };
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let client = rt
            .block_on(
                ClientBuilder::new(connector)
                    .capabilities(capabilities)
                    .connect(&format!("http://127.0.0.1:{port}")),
            )
            .unwrap_or_else(|e| {
                let log = std::fs::read_to_string(profile.path().join("chromedriver.log"))
                    .unwrap_or_default();
                let tail: String = log
                    .lines()
                    .rev()
                    .take(30)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect::<Vec<_>>()
                    .join("\n");
                panic!("could not start Chromium through chromedriver: {e}\n{tail}")
            });
        // Chromium's own start-up (its new-tab page) is not the site's
        // doing: the logs start empty.
        rt.block_on(async {
            client
                .goto("about:blank")
                .await
                .expect("opening about:blank");
            page_requests(&client).await;
        });
        server.take();
        Browser {
            rt,
            client,
            server,
            _site: site,
            downloads,
            driver,
            _profile: profile,
        }
    }

    /// The URL of a path of the site.
    pub fn url(&self, path: &str) -> String {
        format!("{}/{path}", self.server.origin())
    }

    /// Runs a step of the test.
    pub fn run<T>(&self, step: impl Future<Output = T>) -> T {
        self.rt.block_on(step)
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let client = self.client.clone();
        let _ = self
            .rt
            .block_on(async { tokio::time::timeout(PATIENCE, client.close()).await });
        // Closing the session stops Chromium; if it did not, stop what this
        // chromedriver started, each by its own id, and then chromedriver.
        for pid in descendants(self.driver.id()) {
            if let Ok(pid) = libc::pid_t::try_from(pid)
                && pid > 1
            {
                // SAFETY: kill(2) with one positive process id and a signal.
                unsafe {
                    libc::kill(pid, libc::SIGTERM);
                }
            }
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// The processes below `parent` (children, their children…), from /proc.
fn descendants(parent: u32) -> Vec<u32> {
    let parents: Vec<(u32, u32)> = std::fs::read_dir("/proc")
        .map(|dir| {
            dir.filter_map(Result::ok)
                .filter_map(|e| {
                    let pid: u32 = e.file_name().to_str()?.parse().ok()?;
                    let stat = std::fs::read_to_string(e.path().join("stat")).ok()?;
                    // The parent is the second field after the command,
                    // which is in parentheses and may hold spaces.
                    let after = &stat[stat.rfind(')')? + 1..];
                    let ppid: u32 = after.split_whitespace().nth(1)?.parse().ok()?;
                    Some((pid, ppid))
                })
                .collect()
        })
        .unwrap_or_default();
    let mut found = Vec::new();
    let mut frontier = vec![parent];
    while let Some(p) = frontier.pop() {
        for &(pid, ppid) in &parents {
            if ppid == p && pid != parent && !found.contains(&pid) {
                found.push(pid);
                frontier.push(pid);
            }
        }
    }
    found
}

/// Waits until `ready` says yes, or fails naming `what`.
pub async fn wait_for<F, Fut>(what: &str, mut ready: F)
where
    F: FnMut() -> Fut,
    Fut: Future<Output = bool>,
{
    let started = Instant::now();
    while !ready().await {
        assert!(started.elapsed() < PATIENCE, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Runs `script` in the page and returns its value.
pub async fn js(c: &Client, script: &str) -> Value {
    c.execute(script, Vec::new())
        .await
        .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
}

/// The form's state, as the draft would name it: text by name, checkboxes
/// true or false, the chosen option of each choice.
pub async fn form_values(c: &Client) -> Value {
    js(
        c,
        r"const out = {};
        for (const e of document.getElementById('cl-form').elements) {
          if (!e.name) continue;
          if (e.type === 'checkbox') out[e.name] = e.checked;
          else if (e.type === 'radio') { if (e.checked) out[e.name] = e.value; }
          else out[e.name] = e.value;
        }
        return out;",
    )
    .await
}

/// The text of the status line once it says something other than `before`.
pub async fn status_after(c: &Client, before: &str) -> String {
    let started = Instant::now();
    loop {
        let now = js(
            c,
            "return document.getElementById('cl-status').textContent;",
        )
        .await;
        let now = now.as_str().unwrap_or_default();
        if !now.is_empty() && now != before {
            return now.to_string();
        }
        assert!(
            started.elapsed() < PATIENCE,
            "timed out waiting for a status message after {before:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Clicks the element `css` finds.
pub async fn click(c: &Client, css: &str) {
    c.find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"))
        .click()
        .await
        .unwrap_or_else(|e| panic!("clicking {css}: {e}"));
}

/// Types `text` into the element `css` finds.
pub async fn type_into(c: &Client, css: &str, text: &str) {
    c.find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"))
        .send_keys(text)
        .await
        .unwrap_or_else(|e| panic!("typing into {css}: {e}"));
}

/// Opens a page of the site and waits until its scripts have run.
pub async fn open(c: &Client, url: &str) {
    c.goto(url)
        .await
        .unwrap_or_else(|e| panic!("opening {url}: {e}"));
    wait_for("the page to load", || {
        let c = c.clone();
        async move { js(&c, "return document.readyState;").await == "complete" }
    })
    .await;
}

/// A Chrome DevTools command through chromedriver's own endpoint.
#[derive(Debug)]
pub struct Cdp {
    /// The method, e.g. `Emulation.setEmulatedMedia`.
    pub cmd: &'static str,
    /// Its parameters.
    pub params: Value,
}

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/goog/cdp/execute",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(json!({"cmd": self.cmd, "params": self.params}).to_string()),
        )
    }
}

/// Runs a DevTools command.
pub async fn cdp(c: &Client, cmd: &'static str, params: Value) -> Value {
    c.issue_cmd(Cdp { cmd, params })
        .await
        .unwrap_or_else(|e| panic!("{cmd}: {e}"))
}

/// chromedriver's performance log: DevTools events of the pages since the
/// last read.
#[derive(Debug)]
struct PerformanceLog;

impl WebDriverCompatibleCommand for PerformanceLog {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/se/log",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(json!({"type": "performance"}).to_string()),
        )
    }
}

/// One request a page made.
#[derive(Debug)]
pub struct PageRequest {
    /// `GET`, `POST`…
    pub method: String,
    /// Where it went.
    pub url: String,
    /// What it carried, if anything.
    pub post_data: Option<String>,
}

/// Every request the pages made since the last call, from DevTools'
/// `Network.requestWillBeSent` (the browser's own background connections
/// are not pages' requests and are not in it).
pub async fn page_requests(c: &Client) -> Vec<PageRequest> {
    let log = c
        .issue_cmd(PerformanceLog)
        .await
        .unwrap_or_else(|e| panic!("reading the performance log: {e}"));
    log.as_array()
        .into_iter()
        .flatten()
        .filter_map(|entry| serde_json::from_str::<Value>(entry["message"].as_str()?).ok())
        .filter(|m| m["message"]["method"] == "Network.requestWillBeSent")
        .map(|m| {
            let request = &m["message"]["params"]["request"];
            PageRequest {
                method: request["method"].as_str().unwrap_or_default().to_string(),
                url: request["url"].as_str().unwrap_or_default().to_string(),
                post_data: request["postData"].as_str().map(str::to_string),
            }
        })
        .collect()
}

//! The preview's web server: the built site from the temporary folder, with
//! the reload script added to each page as it is sent, and the long-polling
//! answers that script waits for.
//!
//! Only `GET` and `HEAD` are answered, and only files inside the folder.

use std::collections::HashMap;
use std::fs;
use std::io;
use std::net::{IpAddr, SocketAddr};
use std::path::{Component, Path};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

use serde_json::json;
use tiny_http::{Header, Method, Request, Response};

use crate::lang::{Lang, Loc};
use crate::problem::{Code, Messages, Problem};

use super::state::Shared;

/// The folder of the preview's own files, outside any site's paths.
const OWN: &str = "/__canllaw/";

/// The reload script: a file, as the pages' Content-Security-Policy allows
/// no inline script.
const LIVE_JS: &str = include_str!("live.js");

/// The notice's styles: a file, as the policy allows no inline style.
const LIVE_CSS: &str = include_str!("live.css");

/// How long a reload script's request is held open when nothing changes.
const WAIT: Duration = Duration::from_secs(25);

/// At most this many requests wait at once (one per open page); more are
/// answered at once, so a forgotten tab cannot use up threads.
const MAX_WAITING: usize = 64;

/// How many ports after [`super::DEFAULT_PORT`] are tried when it is taken.
const PORTS_TRIED: u16 = 10;

/// A server bound to its address.
pub(crate) struct Listener {
    server: tiny_http::Server,
    /// The port it listens on.
    pub port: u16,
    /// Whether it listens on the loopback only.
    loopback: bool,
}

fn listen_problem(addr: SocketAddr, detail: impl ToString) -> Problem {
    Problem::error(
        Code::ServeListen,
        Loc::file(Arc::from(Path::new("canllaw.toml"))),
    )
    .arg("addr", addr)
    .arg("detail", detail.to_string())
}

/// Binds `host:port`; with no port, the default one or the next free one.
///
/// # Errors
/// When the address cannot be listened on.
pub(crate) fn listen(host: IpAddr, port: Option<u16>) -> Result<Listener, Problem> {
    let ports: Vec<u16> = match port {
        Some(p) => vec![p],
        None => (0..PORTS_TRIED).map(|i| super::DEFAULT_PORT + i).collect(),
    };
    let mut last = None;
    for port in ports {
        let addr = SocketAddr::new(host, port);
        match tiny_http::Server::http(addr) {
            Ok(server) => {
                let port = server.server_addr().to_ip().map_or(port, |a| a.port());
                return Ok(Listener {
                    server,
                    port,
                    loopback: host.is_loopback(),
                });
            }
            Err(e) => last = Some(listen_problem(addr, e)),
        }
    }
    Err(last.unwrap_or_else(|| listen_problem(SocketAddr::new(host, 0), "no port")))
}

/// Answers requests until the preview stops.
pub(crate) fn spawn(listener: Listener, shared: Arc<Shared>) -> JoinHandle<()> {
    std::thread::spawn(move || {
        let waiting = Arc::new(AtomicUsize::new(0));
        while !shared.stopping() {
            match listener.server.recv_timeout(Duration::from_millis(100)) {
                Ok(Some(request)) if listener.loopback && !local_host(&request) => {
                    send(request, 403, "text/plain; charset=utf-8", b"403\n".to_vec());
                }
                Ok(Some(request)) => answer(request, &shared, &waiting),
                Ok(None) => {}
                Err(_) => std::thread::sleep(Duration::from_millis(50)),
            }
        }
    })
}

/// Whether a request to the loopback names the loopback as its host. A web
/// page elsewhere can point its own name at 127.0.0.1 ("DNS rebinding") to
/// read a local server; its requests still carry its own name.
fn local_host(request: &Request) -> bool {
    let Some(host) = request
        .headers()
        .iter()
        .find(|h| h.field.equiv("Host"))
        .map(|h| h.value.as_str().to_ascii_lowercase())
    else {
        return false;
    };
    let name = match host.strip_prefix('[') {
        Some(rest) => rest.split(']').next().unwrap_or(""),
        None => host.split(':').next().unwrap_or(""),
    };
    matches!(name, "localhost" | "::1")
        || name
            .parse::<std::net::Ipv4Addr>()
            .is_ok_and(|ip| ip.is_loopback())
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("ASCII header")
}

fn send(request: Request, status: u16, content_type: &str, body: Vec<u8>) {
    let response = Response::from_data(body)
        .with_status_code(status)
        .with_header(header("Content-Type", content_type))
        .with_header(header("Cache-Control", "no-store"))
        .with_header(header("X-Content-Type-Options", "nosniff"));
    // The browser may have gone; nothing to do about it.
    let _ = request.respond(response);
}

fn redirect(request: Request, to: &str) {
    let response = Response::empty(302)
        .with_header(header("Location", to))
        .with_header(header("Cache-Control", "no-store"));
    let _ = request.respond(response);
}

fn answer(request: Request, shared: &Arc<Shared>, waiting: &Arc<AtomicUsize>) {
    if !matches!(request.method(), Method::Get | Method::Head) {
        send(request, 405, "text/plain; charset=utf-8", b"405\n".to_vec());
        return;
    }
    let url = request.url().to_string();
    let (path, query) = url.split_once('?').unwrap_or((&url, ""));
    match path.strip_prefix(OWN) {
        Some("live.js") => send(
            request,
            200,
            "text/javascript; charset=utf-8",
            LIVE_JS.into(),
        ),
        Some("live.css") => send(request, 200, "text/css; charset=utf-8", LIVE_CSS.into()),
        Some("wait") => {
            let query = parse_query(query);
            if waiting.fetch_add(1, Ordering::SeqCst) >= MAX_WAITING {
                waiting.fetch_sub(1, Ordering::SeqCst);
                send(request, 503, "text/plain; charset=utf-8", b"503\n".to_vec());
                return;
            }
            let (shared, waiting) = (shared.clone(), waiting.clone());
            std::thread::spawn(move || {
                wait(request, &shared, &query);
                waiting.fetch_sub(1, Ordering::SeqCst);
            });
        }
        Some(_) => send(request, 404, "text/plain; charset=utf-8", b"404\n".to_vec()),
        None => file(request, shared, path),
    }
}

/// Answers a reload script once the status moves on from what it last saw
/// (or after [`WAIT`]): whether its page should reload, and the notice.
fn wait(request: Request, shared: &Shared, query: &HashMap<String, String>) {
    let number = |key: &str| query.get(key).and_then(|v| v.parse::<u64>().ok());
    let seq = number("seq");
    let version = number("version").unwrap_or(0);
    let page = query.get("page").map_or("", String::as_str);
    let lang = query
        .get("lang")
        .and_then(|l| Lang::from_code(l.get(..2).unwrap_or(l)))
        .unwrap_or(Lang::En);
    let other_session = query.get("session") != Some(&shared.session);
    let status = match seq {
        Some(seq) if !other_session => shared.wait(seq, WAIT),
        _ => shared.status(),
    };
    let notice = status.notice.as_ref().map(|n| {
        let mut notice = match lang {
            Lang::Cy => n[0].clone(),
            Lang::En => n[1].clone(),
        };
        if status.version == 0 {
            // No good build to fall back on yet.
            notice.body = Messages::new(lang).text("serve-notice-first", &[]);
        }
        notice
    });
    let body = json!({
        "seq": status.seq,
        "version": status.version,
        "reload": other_session || status.should_reload(version, page),
        "notice": notice,
    });
    drop(status);
    send(
        request,
        200,
        "application/json; charset=utf-8",
        body.to_string().into_bytes(),
    );
}

/// Serves a file of the site.
fn file(request: Request, shared: &Shared, path: &str) {
    let Some(path) = decode(path) else {
        send(request, 400, "text/plain; charset=utf-8", b"400\n".to_vec());
        return;
    };
    let (base, version) = {
        let status = shared.status();
        (status.base.clone(), status.version)
    };
    if version == 0 {
        // Nothing has built yet: a page that waits, with the notice.
        let html = waiting_page(&shared.session);
        send(request, 200, "text/html; charset=utf-8", html.into_bytes());
        return;
    }
    let Some(relative) = path.strip_prefix(&base) else {
        if format!("{path}/") == base || path == "/" {
            redirect(request, &base);
        } else {
            not_found(request, shared, "", version);
        }
        return;
    };
    let mut relative = relative.to_string();
    if relative.is_empty() || relative.ends_with('/') {
        relative.push_str("index.html");
    }
    if !safe(&relative) {
        send(request, 400, "text/plain; charset=utf-8", b"400\n".to_vec());
        return;
    }
    let lock = shared.files.read().unwrap_or_else(|e| e.into_inner());
    let full = shared.out.join(&relative);
    if full.is_dir() {
        drop(lock);
        redirect(request, &format!("{path}/"));
        return;
    }
    match fs::read(&full) {
        Ok(bytes) => {
            drop(lock);
            let kind = content_type(&relative);
            let bytes = if kind.starts_with("text/html") {
                inject(bytes, &shared.session, version, &relative)
            } else {
                bytes
            };
            send(request, 200, kind, bytes);
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            drop(lock);
            not_found(request, shared, &relative, version);
        }
        Err(_) => {
            drop(lock);
            send(request, 500, "text/plain; charset=utf-8", b"500\n".to_vec());
        }
    }
}

/// The site's own "not found" page: the language's, or the bilingual one.
fn not_found(request: Request, shared: &Shared, relative: &str, version: u64) {
    let page = Lang::ALL
        .iter()
        .find(|l| relative.starts_with(&format!("{l}/")))
        .map_or("404.html".to_string(), |l| format!("{l}/404.html"));
    let bytes = {
        let _lock = shared.files.read().unwrap_or_else(|e| e.into_inner());
        fs::read(shared.out.join(&page)).unwrap_or_else(|_| b"404\n".to_vec())
    };
    let bytes = inject(bytes, &shared.session, version, &page);
    send(request, 404, "text/html; charset=utf-8", bytes);
}

/// Adds the reload script and the notice's styles to a page as it is sent,
/// so the files in the folder are exactly what `canllaw build` writes.
fn inject(html: Vec<u8>, session: &str, version: u64, page: &str) -> Vec<u8> {
    let tags = format!(
        "<link rel=\"stylesheet\" href=\"{OWN}live.css\">\n<script src=\"{OWN}live.js\" data-session=\"{session}\" data-version=\"{version}\" data-page=\"{}\" defer></script>\n",
        page.replace('"', "%22").replace('<', "%3C")
    );
    let Ok(mut text) = String::from_utf8(html) else {
        return Vec::new();
    };
    match text.find("</head>") {
        Some(at) => text.insert_str(at, &tags),
        None => text.push_str(&tags),
    }
    text.into_bytes()
}

/// The page served until the content first builds.
fn waiting_page(session: &str) -> String {
    let [cy, en] = [Lang::Cy, Lang::En].map(|l| Messages::new(l).text("serve-waiting", &[]));
    let html = format!(
        "<!DOCTYPE html>\n<html lang=\"cy\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{cy} · {en}</title>\n</head>\n<body>\n<main class=\"cl-live-waiting\">\n<p>{cy}</p>\n<p lang=\"en\">{en}</p>\n</main>\n</body>\n</html>\n"
    );
    // The same policy as every page of the site: the reload script is a file.
    let html = crate::site::templates::with_policy(html);
    String::from_utf8(inject(html.into_bytes(), session, 0, "")).unwrap_or_default()
}

/// True for a path with no way out of the folder.
fn safe(relative: &str) -> bool {
    !relative.contains('\\')
        && !relative.contains('\0')
        && Path::new(relative)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
}

/// Percent-decodes a path; `None` if it is not UTF-8.
fn decode(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn parse_query(query: &str) -> HashMap<String, String> {
    query
        .split('&')
        .filter_map(|pair| {
            let (k, v) = pair.split_once('=')?;
            Some((decode(k)?, decode(&v.replace('+', " "))?))
        })
        .collect()
}

fn content_type(path: &str) -> &'static str {
    let ext = path.rsplit_once('.').map_or("", |(_, e)| e);
    match ext.to_ascii_lowercase().as_str() {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "pdf" => "application/pdf",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_cannot_leave_the_folder() {
        assert!(safe("cy/principles/own-words.html"));
        assert!(!safe("../etc/passwd"));
        assert!(!safe("cy/../../x"));
        assert!(!safe("/etc/passwd"));
        assert_eq!(decode("/cy/%2e%2e/x").as_deref(), Some("/cy/../x"));
        assert!(!safe(decode("%2e%2e/x").unwrap().as_str()));
        assert_eq!(decode("/a%20b"), Some("/a b".to_string()));
        assert_eq!(decode("/bad%zz"), None);
        assert_eq!(decode("/end%2"), Some("/end%2".to_string()));
    }

    #[test]
    fn the_script_goes_in_the_head() {
        let page = inject(
            b"<html><head><title>t</title></head><body></body></html>".to_vec(),
            "s",
            3,
            "cy/index.html",
        );
        let page = String::from_utf8(page).unwrap();
        let script = page.find("live.js").unwrap();
        assert!(script < page.find("</head>").unwrap());
        assert!(page.contains("data-version=\"3\""));
        assert!(page.contains("data-page=\"cy/index.html\""));
    }
}

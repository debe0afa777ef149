//! A tiny HTTP server on 127.0.0.1 that serves a built site and records
//! every request it gets.
//!
//! Chromium is started with this server as its proxy for everything,
//! loopback included, so every request the browser makes — to the site or
//! to anywhere else, over HTTP or as an HTTPS `CONNECT` — arrives here and is
//! recorded. Requests for the site are answered from the folder; anything
//! else is refused, so nothing can leave the machine during a test.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// At most this many connections are handled at once; more are closed.
const MAX_CONNECTIONS: usize = 32;
/// The longest request head read.
const MAX_HEAD: usize = 64 * 1024;
/// The largest request body read (and recorded).
const MAX_BODY: usize = 1024 * 1024;

/// One request as it arrived.
#[derive(Clone, Debug)]
pub struct Request {
    /// `GET`, `POST`, `CONNECT`…
    pub method: String,
    /// The request target: `/path`, `http://host/path` (through a proxy) or
    /// `host:port` (CONNECT).
    pub target: String,
    /// The whole head (request line and headers), as text.
    pub head: String,
    /// The body, if any.
    pub body: Vec<u8>,
}

/// The running server; stops when dropped.
pub struct Server {
    /// The port on 127.0.0.1.
    pub port: u16,
    log: Arc<Mutex<Vec<Request>>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    /// Serves `root` on a free port of 127.0.0.1.
    pub fn start(root: &Path) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let port = listener.local_addr().unwrap().port();
        let log = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let root = root.to_path_buf();
        let thread = {
            let (log, stop) = (log.clone(), stop.clone());
            std::thread::spawn(move || accept(&listener, &root, port, &log, &stop))
        };
        Server {
            port,
            log,
            stop,
            thread: Some(thread),
        }
    }

    /// The site's origin: `http://127.0.0.1:PORT`.
    pub fn origin(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Every request so far, and forgets them.
    pub fn take(&self) -> Vec<Request> {
        std::mem::take(&mut *self.log.lock().unwrap_or_else(|e| e.into_inner()))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so it sees the flag.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn accept(
    listener: &TcpListener,
    root: &Path,
    port: u16,
    log: &Arc<Mutex<Vec<Request>>>,
    stop: &AtomicBool,
) {
    let active = Arc::new(AtomicUsize::new(0));
    for stream in listener.incoming() {
        if stop.load(Ordering::SeqCst) {
            break;
        }
        let Ok(stream) = stream else { continue };
        if active.load(Ordering::SeqCst) >= MAX_CONNECTIONS {
            let _ = stream.shutdown(Shutdown::Both);
            continue;
        }
        active.fetch_add(1, Ordering::SeqCst);
        let (root, log, active) = (root.to_path_buf(), log.clone(), active.clone());
        std::thread::spawn(move || {
            let _ = handle(stream, &root, port, &log);
            active.fetch_sub(1, Ordering::SeqCst);
        });
    }
}

fn handle(
    stream: TcpStream,
    root: &Path,
    port: u16,
    log: &Mutex<Vec<Request>>,
) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    stream.set_write_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut head = String::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || head.len() > MAX_HEAD {
            break;
        }
        let end = line == "\r\n" || line == "\n";
        head.push_str(&line);
        if end {
            break;
        }
    }
    if head.trim().is_empty() {
        return Ok(());
    }
    let mut words = head.split_whitespace();
    let method = words.next().unwrap_or_default().to_string();
    let target = words.next().unwrap_or_default().to_string();
    let length = head
        .lines()
        .filter_map(|l| l.split_once(':'))
        .find(|(name, _)| name.trim().eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.trim().parse::<usize>().ok())
        .unwrap_or(0)
        .min(MAX_BODY);
    let mut body = vec![0; length];
    reader.read_exact(&mut body)?;
    log.lock().unwrap_or_else(|e| e.into_inner()).push(Request {
        method: method.clone(),
        target: target.clone(),
        head,
        body,
    });
    let mut stream = stream;
    let path = site_path(&target, port);
    let found = path.as_deref().and_then(|p| file(root, p));
    match (method.as_str(), path.is_some(), found) {
        ("GET" | "HEAD", _, Some(file)) => {
            let bytes = std::fs::read(&file)?;
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
                content_type(&file),
                bytes.len()
            );
            stream.write_all(head.as_bytes())?;
            if method == "GET" {
                stream.write_all(&bytes)?;
            }
        }
        ("GET" | "HEAD", true, None) => {
            stream.write_all(
                b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            )?;
        }
        _ => {
            // Anywhere else, and any other method: refused, and recorded.
            stream.write_all(
                b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            )?;
        }
    }
    stream.flush()?;
    let _ = stream.shutdown(Shutdown::Both);
    Ok(())
}

/// The path on the site that `target` asks for, if it is for this server:
/// `/x` directly, or `http://127.0.0.1:PORT/x` through the proxy.
pub fn site_path(target: &str, port: u16) -> Option<String> {
    let origins = [
        format!("http://127.0.0.1:{port}"),
        format!("http://localhost:{port}"),
    ];
    let path = if target.starts_with('/') {
        target
    } else {
        origins
            .iter()
            .find_map(|o| target.strip_prefix(o.as_str()))?
    };
    if !path.starts_with('/') {
        return None;
    }
    Some(path.to_string())
}

/// The file below `root` for a site path, refusing anything outside it.
fn file(root: &Path, path: &str) -> Option<PathBuf> {
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let decoded = percent_decode(path)?;
    let mut file = root.to_path_buf();
    for part in decoded.split('/').filter(|p| !p.is_empty()) {
        if part == ".." || part == "." || part.contains('\\') {
            return None;
        }
        file.push(part);
    }
    if decoded.ends_with('/') {
        file.push("index.html");
    }
    file.is_file().then_some(file)
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("json") => "application/json",
        Some("pdf") => "application/pdf",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        _ => "application/octet-stream",
    }
}

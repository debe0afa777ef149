//! How long `canllaw serve` takes to show an edited file: from the file
//! being written to the server answering with the new page.

use std::fs;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use canllaw::serve::{Event, Options, Reporter, Server};

/// The page at `path` as the server answers it now.
fn get(port: u16, path: &str) -> String {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
        return String::new();
    };
    let request =
        format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n");
    if stream.write_all(request.as_bytes()).is_err() {
        return String::new();
    }
    let mut body = Vec::new();
    let _ = stream.read_to_end(&mut body);
    String::from_utf8_lossy(&body).into_owned()
}

/// Waits for an event matching `want`, at most `limit`.
fn wait_for(events: &mpsc::Receiver<String>, want: &str, limit: Duration) {
    let until = Instant::now() + limit;
    while let Some(left) = until.checked_duration_since(Instant::now()) {
        match events.recv_timeout(left) {
            Ok(event) if event == want => return,
            Ok(_) => {}
            Err(_) => break,
        }
    }
}

/// Edits the Welsh body of principle `id` of the project `edits` times and
/// returns the time each took to be served, and the times of the builds
/// each edit started (the quick one for the edited pages, then the whole).
pub fn edit_latency(project: &Path, id: &str, edits: usize) -> (Vec<Duration>, Vec<Vec<Duration>>) {
    let (tx, events) = mpsc::channel();
    let (built_tx, built) = mpsc::channel();
    let reporter: Reporter = Arc::new(move |event: &Event| {
        let name = match event {
            Event::Built { elapsed, .. } => {
                let _ = built_tx.send(*elapsed);
                "built"
            }
            Event::Failed(problems) => panic!("the edit did not build: {problems:?}"),
            Event::Pdfs { .. } => "pdfs",
        };
        let _ = tx.send(name.to_string());
    });
    let mut options = Options::new(project);
    options.port = Some(0);
    let server = Server::start(&options, reporter).expect("the preview starts");
    let port: u16 = server
        .url()
        .rsplit(':')
        .next()
        .and_then(|p| p.trim_end_matches('/').parse().ok())
        .expect("a port in the address");
    // Let the first PDFs finish, and the pages that show their sizes be
    // written again, so neither shares the cores with the edits.
    wait_for(&events, "pdfs", Duration::from_secs(600));
    std::thread::sleep(Duration::from_secs(3));
    let file = project.join(format!("content/principles/{id}.yaml"));
    let original = fs::read_to_string(&file).expect("the principle");
    let page = format!("/cy/principles/{id}.html");
    let mut served = Vec::new();
    let mut rebuilds = Vec::new();
    for edit in 0..edits {
        let marker = format!("golygiad{edit}x{}", std::process::id());
        let changed = original.replacen("  cy: |\n", &format!("  cy: |\n    {marker}\n\n"), 1);
        // The last `body` is the one edited: summaries and titles are inline.
        assert_ne!(changed, original, "the principle has a block body");
        while built.try_recv().is_ok() {}
        let started = Instant::now();
        fs::write(&file, &changed).expect("the edit");
        loop {
            if get(port, &page).contains(&marker) {
                served.push(started.elapsed());
                break;
            }
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "the edit was never served"
            );
            std::thread::sleep(Duration::from_millis(1));
        }
        // Let the whole build after the quick one finish before the next
        // edit, as an author reads what they changed before changing more:
        // until nothing has been built for a second.
        let mut times = Vec::new();
        while let Ok(took) = built.recv_timeout(Duration::from_secs(1)) {
            times.push(took);
        }
        rebuilds.push(times);
    }
    fs::write(&file, &original).expect("the principle put back");
    while built.recv_timeout(Duration::from_secs(1)).is_ok() {}
    server.stop();
    (served, rebuilds)
}

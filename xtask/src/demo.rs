//! `cargo xtask demo`: builds the package, installs it into `www/` as a user
//! would (with the competitors the demos compare against, OpenTelemetry's
//! web SDK, bundled for the trace waterfall, and LangGraph.js, bundled with
//! the agents page), and serves `www/` on 127.0.0.1 until interrupted. The
//! end-to-end tests serve it the same way.

use std::io::{BufRead, BufReader, ErrorKind, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use crate::run::{root, status, Result};
use crate::{build, pack, tools};

pub fn serve() -> Result {
    let www = prepare()?;
    let port = std::env::var("PORT").ok().and_then(|p| p.parse::<u16>().ok()).unwrap_or(8080);
    let listener = TcpListener::bind(("127.0.0.1", port))
        .or_else(|_| TcpListener::bind(("127.0.0.1", 0)))
        .map_err(|e| format!("cannot listen on 127.0.0.1: {e}"))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    println!("als-wasm demo: http://{addr}/  (Ctrl-C to stop)");
    serve_on(listener, www);
    Ok(())
}

/// Builds what the demos load and answers the folder to serve: `www/`, with
/// the packed package and `www/package.json`'s dependencies (as locked) in its
/// node_modules.
pub fn prepare() -> Result<PathBuf> {
    let www = root().join("www");
    pack::install_into(&www, &[])?;
    waterfall_db(&www)?;
    waterfall_otel(&www)?;
    langgraph_page(&www)?;
    Ok(www)
}

/// The trace waterfall's database client, a Rust crate built as an app builds
/// its own wasm (cargo, then wasm-bindgen's web target) into
/// www/waterfall/db/pkg/. It shares one context with the npm package.
fn waterfall_db(www: &Path) -> Result {
    build::wasm_with_glue("waterfall-db", "waterfall_db", &www.join("waterfall/db/pkg"))
}

/// The trace waterfall's OpenTelemetry web SDK, bundled from www's
/// node_modules by esbuild (xtask's own, tools.rs) into
/// www/waterfall/build/otel-sdk.js: OTel's ES builds import their own files
/// without extensions and remap some through `browser` fields, which no
/// import map can follow.
fn waterfall_otel(www: &Path) -> Result {
    let esbuild = tools::npm_tools()?.get("esbuild");
    status(Command::new(esbuild).current_dir(www).args([
        "waterfall/otel-sdk.js",
        "--bundle",
        "--format=esm",
        "--platform=browser",
        "--target=es2022",
        "--log-level=warning",
        "--outfile=waterfall/build/otel-sdk.js",
    ]))
}

/// The LangGraph agents page, bundled whole by its own script
/// (www/langgraph/build.mjs, esbuild's API from www's node_modules) into
/// www/langgraph/build/: LangGraph is built for browsers by a bundler, and
/// the page is built with als-wasm/plugin, without it, and without als-wasm.
fn langgraph_page(www: &Path) -> Result {
    status(Command::new("node").current_dir(www).arg("langgraph/build.mjs"))
}

/// Answers each connection on a thread of its own: browsers open sockets
/// before they send on them, and one idle socket must not stall the others.
pub fn serve_on(listener: TcpListener, www: PathBuf) {
    for stream in listener.incoming().flatten() {
        let www = www.clone();
        std::thread::spawn(move || {
            // A page that navigates away drops its pending requests: not an error.
            match answer(stream, &www) {
                Err(e) if !matches!(e.kind(), ErrorKind::BrokenPipe | ErrorKind::ConnectionReset) => {
                    eprintln!("demo: {e}")
                }
                _ => {}
            }
        });
    }
}

fn answer(mut stream: TcpStream, www: &Path) -> std::io::Result<()> {
    let mut request = String::new();
    BufReader::new(&stream).read_line(&mut request)?;
    let target = request.split_whitespace().nth(1).unwrap_or("/");
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    if path == "/api/delay" {
        return delay(stream, query);
    }
    let file = inside(www, path.trim_start_matches('/')).map(|f| if f.is_dir() { f.join("index.html") } else { f });
    match file.and_then(|f| std::fs::read(&f).ok().map(|body| (f, body))) {
        Some((f, body)) => respond(&mut stream, content_type(&f), &body),
        None => stream.write_all(b"HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\nConnection: close\r\n\r\nnot found"),
    }
}

/// `/api/delay?ms=N`: a real network request that takes N ms (at most 5 s),
/// for the demos' fetch spans. Answers `{"ms":N}`.
fn delay(mut stream: TcpStream, query: &str) -> std::io::Result<()> {
    let ms = query
        .split('&')
        .find_map(|kv| kv.strip_prefix("ms="))
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(0)
        .min(5000);
    std::thread::sleep(Duration::from_millis(ms));
    respond(&mut stream, "application/json", format!("{{\"ms\":{ms}}}").as_bytes())
}

fn respond(stream: &mut TcpStream, content_type: &str, body: &[u8]) -> std::io::Result<()> {
    let head = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    stream.write_all(body)
}

/// `base/rel`, refusing any path that would leave `base`.
fn inside(base: &Path, rel: &str) -> Option<PathBuf> {
    let rel = Path::new(rel);
    rel.components().all(|c| matches!(c, Component::Normal(_))).then(|| base.join(rel))
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("json") => "application/json",
        Some("wasm") => "application/wasm",
        Some("png") => "image/png",
        Some("svg") => "image/svg+xml",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_cannot_leave_the_served_folder() {
        let base = Path::new("/srv");
        assert_eq!(inside(base, "a/b.js"), Some(PathBuf::from("/srv/a/b.js")));
        assert_eq!(inside(base, "../etc/passwd"), None);
        assert_eq!(inside(base, "/etc/passwd"), None);
        assert_eq!(inside(base, ""), Some(PathBuf::from("/srv/")));
    }
}

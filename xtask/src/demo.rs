//! `cargo xtask demo`: builds the package and serves `www/` (with the package
//! under `/pkg/`) on 127.0.0.1 until interrupted.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};

use crate::build;
use crate::run::{root, Result};

pub fn serve() -> Result {
    let pkg = build::package()?;
    let www = root().join("www");
    let port = std::env::var("PORT").ok().and_then(|p| p.parse::<u16>().ok()).unwrap_or(8080);
    let listener = TcpListener::bind(("127.0.0.1", port))
        .or_else(|_| TcpListener::bind(("127.0.0.1", 0)))
        .map_err(|e| format!("cannot listen on 127.0.0.1: {e}"))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    println!("als-wasm demo: http://{addr}/  (Ctrl-C to stop)");
    for stream in listener.incoming().flatten() {
        if let Err(e) = answer(stream, &www, &pkg) {
            eprintln!("demo: {e}");
        }
    }
    Ok(())
}

fn answer(mut stream: TcpStream, www: &Path, pkg: &Path) -> std::io::Result<()> {
    let mut request = String::new();
    BufReader::new(&stream).read_line(&mut request)?;
    let path = request.split_whitespace().nth(1).unwrap_or("/");
    let path = path.split(['?', '#']).next().unwrap_or("/");
    let file = match path.strip_prefix("/pkg/") {
        Some(rest) => inside(pkg, rest),
        None => inside(www, path.trim_start_matches('/')),
    }
    .map(|f| if f.is_dir() { f.join("index.html") } else { f });
    match file.and_then(|f| std::fs::read(&f).ok().map(|body| (f, body))) {
        Some((f, body)) => {
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
                content_type(&f),
                body.len()
            );
            stream.write_all(head.as_bytes())?;
            stream.write_all(&body)
        }
        None => stream.write_all(b"HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\nConnection: close\r\n\r\nnot found"),
    }
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

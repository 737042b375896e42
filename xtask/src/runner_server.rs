//! Keeps wasm-bindgen-test-runner's HTTP server from stalling a page.
//!
//! Its server (tiny_http 0.12) runs each connection on a pooled thread and
//! counts a thread that was woken for one connection, but has not run yet, as
//! still idle. When the browser opens several connections at once on a busy
//! machine, a second one is queued with a wake-up that reaches nobody, and it
//! waits until a thread finishes a connection; the browser's are keep-alive,
//! so the page stays at "Loading scripts..." (seen in CI; here, with three
//! busy loops on two cores, in 3 of 6 runs). A connection that opens and
//! closes frees a thread, which then takes what is queued: `Drain` makes one
//! every 250 ms while a suite runs (then, under the same load, 0 of 16).

use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::{self, JoinHandle};
use std::time::Duration;

use crate::run::Result;

pub struct Drain {
    address: SocketAddr,
    done: Arc<AtomicBool>,
    poker: Option<JoinHandle<()>>,
}

impl Drain {
    /// Picks a free port for the runner's server and starts poking it.
    pub fn start() -> Result<Drain> {
        let address = TcpListener::bind(("127.0.0.1", 0)).and_then(|l| l.local_addr()).map_err(|e| e.to_string())?;
        let done = Arc::new(AtomicBool::new(false));
        let stop = done.clone();
        let poker = thread::spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                // Refused until the runner listens; closed at once after.
                let _ = TcpStream::connect_timeout(&address, Duration::from_millis(250));
                thread::sleep(Duration::from_millis(250));
            }
        });
        Ok(Drain { address, done, poker: Some(poker) })
    }

    /// For `WASM_BINDGEN_TEST_ADDRESS`: where the runner serves the page.
    pub fn address(&self) -> String {
        self.address.to_string()
    }
}

impl Drop for Drain {
    fn drop(&mut self) {
        self.done.store(true, Ordering::Relaxed);
        if let Some(poker) = self.poker.take() {
            let _ = poker.join();
        }
    }
}

//! The progress line of a long `secrets scan`: on stderr, only for a person at a terminal,
//! only once the scan has taken a second. The scan itself only bumps counters.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::secrets::progress::{ScanProgress, Snapshot};

/// Scans that end sooner show nothing.
const DELAY: Duration = Duration::from_secs(1);
const TICK: Duration = Duration::from_millis(100);

/// Whether to show progress: stderr is a terminal, `--quiet` is off, and the report is not
/// a machine format going down a pipe (where a person is not watching this run).
pub fn wanted(stderr_terminal: bool, quiet: bool, machine_format_to_pipe: bool) -> bool {
    stderr_terminal && !quiet && !machine_format_to_pipe
}

/// `scanning: 12,345 commits · 67,890 blobs · 1.2 GB · 130 MB/s`
pub fn line(at: Snapshot, elapsed: Duration) -> String {
    let seconds = elapsed.as_secs_f64().max(0.001);
    format!(
        "scanning: {} commits · {} blobs · {} · {}/s",
        thousands(at.commits),
        thousands(at.blobs),
        size(at.bytes as f64),
        size(at.bytes as f64 / seconds)
    )
}

fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn size(bytes: f64) -> String {
    const UNITS: [&str; 4] = ["B", "KB", "MB", "GB"];
    let mut value = bytes;
    let mut unit = 0;
    while value >= 1000.0 && unit + 1 < UNITS.len() {
        value /= 1000.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{value:.0} {}", UNITS[unit])
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

/// Draws the line until dropped; draws nothing when not `enabled`.
pub struct Ticker {
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Ticker {
    pub fn start(progress: Arc<ScanProgress>, enabled: bool) -> Ticker {
        let stop = Arc::new(AtomicBool::new(false));
        let thread = enabled.then(|| {
            let stop = Arc::clone(&stop);
            std::thread::spawn(move || draw(&progress, &stop))
        });
        Ticker { stop, thread }
    }
}

impl Drop for Ticker {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn draw(progress: &ScanProgress, stop: &AtomicBool) {
    let started = Instant::now();
    while started.elapsed() < DELAY {
        if stop.load(Ordering::Relaxed) {
            return;
        }
        std::thread::sleep(TICK);
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{spinner} {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    while !stop.load(Ordering::Relaxed) {
        bar.set_message(line(progress.snapshot(), started.elapsed()));
        bar.tick();
        std::thread::sleep(TICK);
    }
    bar.finish_and_clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shown_only_to_a_person_at_a_terminal() {
        assert!(wanted(true, false, false));
        assert!(!wanted(false, false, false), "stderr not a terminal");
        assert!(!wanted(true, true, false), "--quiet");
        assert!(!wanted(true, false, true), "JSON or SARIF into a pipe");
    }

    #[test]
    fn the_line_counts_and_rates() {
        let at = Snapshot {
            commits: 39_573,
            blobs: 143_142,
            bytes: 3_359_075_883,
        };
        assert_eq!(
            line(at, Duration::from_secs(20)),
            "scanning: 39,573 commits · 143,142 blobs · 3.4 GB · 168.0 MB/s"
        );
        assert_eq!(
            line(Snapshot::default(), Duration::ZERO),
            "scanning: 0 commits · 0 blobs · 0 B · 0 B/s"
        );
    }

    #[test]
    fn a_ticker_that_is_not_wanted_draws_nothing_and_stops_at_once() {
        let ticker = Ticker::start(Arc::new(ScanProgress::default()), false);
        assert!(ticker.thread.is_none());
        let started = Instant::now();
        drop(Ticker::start(Arc::new(ScanProgress::default()), true));
        assert!(started.elapsed() < DELAY, "a short scan waits for no tick");
    }
}

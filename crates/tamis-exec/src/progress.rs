//! Progress reporting: a bar on a terminal, log lines otherwise.

use std::io::IsTerminal;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// Counters shared by the workers of a run, read by the reporter thread.
#[derive(Debug, Default)]
pub struct Progress {
    docs: AtomicU64,
    bytes: AtomicU64,
}

impl Progress {
    /// Counts one document read.
    pub fn add_doc(&self) {
        self.docs.fetch_add(1, Ordering::Relaxed);
    }

    /// Counts input bytes consumed.
    pub fn add_bytes(&self, n: u64) {
        if n > 0 {
            self.bytes.fetch_add(n, Ordering::Relaxed);
        }
    }

    /// Documents read so far.
    pub fn docs(&self) -> u64 {
        self.docs.load(Ordering::Relaxed)
    }

    /// Input bytes consumed so far.
    pub fn bytes(&self) -> u64 {
        self.bytes.load(Ordering::Relaxed)
    }
}

/// Whether and how to show progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ProgressMode {
    /// A bar when stderr is a terminal, a log line every 10 s otherwise.
    #[default]
    Auto,
    /// Nothing.
    Off,
}

/// Shows the progress of one stage until dropped.
pub(crate) struct Reporter {
    stop: Arc<AtomicBool>,
    handle: Option<std::thread::JoinHandle<()>>,
}

impl Reporter {
    pub(crate) fn start(
        mode: ProgressMode,
        label: String,
        total_bytes: u64,
        progress: Arc<Progress>,
    ) -> Self {
        let stop = Arc::new(AtomicBool::new(false));
        if mode == ProgressMode::Off {
            return Self { stop, handle: None };
        }
        let flag = Arc::clone(&stop);
        let handle = std::thread::spawn(move || {
            let started = Instant::now();
            if std::io::stderr().is_terminal() {
                let bar = indicatif::ProgressBar::new(total_bytes);
                if let Ok(style) = indicatif::ProgressStyle::with_template(
                    "{prefix} [{elapsed_precise}] {wide_bar} {binary_bytes}/{binary_total_bytes} {msg}",
                ) {
                    bar.set_style(style);
                }
                bar.set_prefix(label);
                while !flag.load(Ordering::Relaxed) {
                    bar.set_position(progress.bytes());
                    bar.set_message(rate(&progress, started));
                    std::thread::sleep(Duration::from_millis(200));
                }
                bar.set_position(progress.bytes());
                bar.finish_with_message(rate(&progress, started));
            } else {
                let mut last = Instant::now();
                while !flag.load(Ordering::Relaxed) {
                    std::thread::sleep(Duration::from_millis(100));
                    if last.elapsed() >= Duration::from_secs(10) {
                        last = Instant::now();
                        log::info!(
                            "{label}: {} docs, {:.1}/{:.1} MB, {}",
                            progress.docs(),
                            progress.bytes() as f64 / 1e6,
                            total_bytes as f64 / 1e6,
                            rate(&progress, started)
                        );
                    }
                }
            }
        });
        Self {
            stop,
            handle: Some(handle),
        }
    }
}

impl Drop for Reporter {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(h) = self.handle.take() {
            let _ = h.join();
        }
    }
}

fn rate(p: &Progress, started: Instant) -> String {
    let secs = started.elapsed().as_secs_f64().max(1e-3);
    format!(
        "{} docs, {:.0} docs/s, {:.1} MB/s",
        p.docs(),
        p.docs() as f64 / secs,
        p.bytes() as f64 / 1e6 / secs
    )
}

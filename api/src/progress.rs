//! How `pontis models install` shows its downloads: a progress bar per file in a terminal,
//! a plain line when each file starts and ends otherwise (a log, a pipe, CI).

use std::io::IsTerminal;
use std::sync::Mutex;

use indicatif::{ProgressBar, ProgressStyle};
use pontis_translator::install::DownloadProgress;

pub struct Downloads {
    terminal: bool,
    bar: Mutex<Option<ProgressBar>>,
}

impl Default for Downloads {
    fn default() -> Self {
        Self {
            terminal: std::io::stderr().is_terminal(),
            bar: Mutex::new(None),
        }
    }
}

impl DownloadProgress for Downloads {
    fn start(&self, file: &str, bytes: u64) {
        if !self.terminal {
            eprintln!("downloading {file} ({bytes} bytes)");
            return;
        }
        let bar = ProgressBar::new(bytes).with_message(file.to_owned());
        if let Ok(style) = ProgressStyle::with_template(
            "{msg:24} {bar:32} {bytes}/{total_bytes} {binary_bytes_per_sec} {eta}",
        ) {
            bar.set_style(style);
        }
        if let Ok(mut slot) = self.bar.lock() {
            *slot = Some(bar);
        }
    }

    fn advance(&self, bytes: u64) {
        if let Ok(slot) = self.bar.lock()
            && let Some(bar) = slot.as_ref()
        {
            bar.inc(bytes);
        }
    }

    fn finish(&self, file: &str) {
        match self.bar.lock().ok().and_then(|mut slot| slot.take()) {
            Some(bar) => bar.finish(),
            None => eprintln!("downloaded {file}"),
        }
    }
}

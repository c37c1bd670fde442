//! Apertium, the rule-based engine Debian ships (`apertium-eng-spa`, `apertium-es-pt`, …).
//! One pipeline per pair stays alive in null-flush mode: each segment goes in ended by NUL
//! and its translation comes back ended by NUL, so no process is started per sentence.
//! The pipeline is the mode's own, with null-flush on every program
//! (`apertium-wblank-mode -z`); the `apertium` wrapper script cannot be used, since its
//! gawk stages answer only at the end of input.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::Mutex;
use std::sync::mpsc;
use std::time::Duration;

use unicode_segmentation::UnicodeSegmentation;

use crate::engine::{Engine, EngineError, EngineKind, LangPair};
use crate::markup::{self, Mark, Piece};

/// Where Debian's packages put their modes.
pub const DEFAULT_MODES_DIR: &str = "/usr/share/apertium/modes";

/// How long a batch may take: this, plus `TIME_PER_SEGMENT` for each segment. A pipeline
/// that takes longer is killed and started afresh on the next call.
const TIME_LIMIT_BASE: Duration = Duration::from_secs(20);
const TIME_PER_SEGMENT: Duration = Duration::from_millis(200);

/// Sent after every batch; an unknown word, so it comes back as it went. Reading it back
/// in its place proves the pipeline answered each segment exactly once: one answer too
/// many or too few would otherwise shift every later answer onto another text.
const END_OF_BATCH: &str = "xqzpontisend";

/// Characters that mean something in Apertium's stream format; escaped on the way in,
/// since `-f none` skips the deformatter that would do it.
const STREAM_SPECIAL: &[char] = &['\\', '[', ']', '^', '$', '/', '@', '<', '>', '{', '}'];

pub struct ApertiumEngine {
    mode: String,
    pair: LangPair,
    modes_dir: PathBuf,
    process: Mutex<Option<Pipeline>>,
}

struct Pipeline {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
}

impl Drop for Pipeline {
    fn drop(&mut self) {
        kill_group(self.child.id());
        let _ = self.child.wait();
    }
}

/// Kills the pipeline's process group: bash and every program of its pipe, which would
/// otherwise keep the output open. Through `kill(1)`, as this crate forbids unsafe code.
fn kill_group(leader: u32) {
    let _ = Command::new("kill")
        .args(["-KILL", "--", &format!("-{leader}")])
        .stderr(Stdio::null())
        .status();
}

/// Every installed mode whose name is a language pair, e.g. `eng-spa` or `es-pt_BR`.
pub fn discover(modes_dir: &Path) -> Vec<ApertiumEngine> {
    let Ok(entries) = std::fs::read_dir(modes_dir) else {
        return Vec::new();
    };
    let mut modes: BTreeMap<String, LangPair> = BTreeMap::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(mode) = name.strip_suffix(".mode") else {
            continue;
        };
        if let Some(pair) = pair_of_mode(mode) {
            modes.insert(mode.to_owned(), pair);
        }
    }
    modes
        .into_iter()
        .map(|(mode, pair)| ApertiumEngine {
            mode,
            pair,
            modes_dir: modes_dir.to_path_buf(),
            process: Mutex::new(None),
        })
        .collect()
}

/// `eng-spa` → en→es, `es-pt_BR` → es→pt-BR. Modes with more parts (`eng-spa-tagger`,
/// debugging modes) are not translation pairs.
fn pair_of_mode(mode: &str) -> Option<LangPair> {
    let (from, to) = mode.split_once('-')?;
    if to.contains('-') {
        return None;
    }
    Some(LangPair::new(tag_of(from)?, tag_of(to)?))
}

/// Apertium names languages by ISO 639-3 or 639-1 code, with `_REGION` variants.
fn tag_of(code: &str) -> Option<String> {
    let (language, region) = match code.split_once('_') {
        Some((language, region)) => (language, Some(region)),
        None => (code, None),
    };
    let language = match language.len() {
        2 => isolang::Language::from_639_1(language)?,
        3 => isolang::Language::from_639_3(language)?,
        _ => return None,
    };
    let base = language
        .to_639_1()
        .map_or_else(|| language.to_639_3().to_owned(), str::to_owned);
    Some(match region {
        Some(region) if region.len() == 2 => format!("{base}-{}", region.to_uppercase()),
        Some(_) => return None,
        None => base,
    })
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if STREAM_SPECIAL.contains(&c) {
            out.push('\\');
        }
        // NUL ends a segment in null-flush mode; it never belongs to prose.
        if c != '\0' {
            out.push(c);
        }
    }
    out
}

/// A marked sentence in Apertium's stream format: each word inside spans carries their
/// marks in a word-bound blank (`[[marks]]word[[/]]`), which the pipeline moves with the
/// word through reordering; an atom's mark stands in a superblank (`[mark]`), which stays
/// where it is among the words.
fn to_stream(marked: &str) -> String {
    let mut out = String::with_capacity(marked.len() + 16);
    let mut open: Vec<Mark> = Vec::new();
    for piece in markup::pieces(marked) {
        match piece {
            Piece::Text(text) if open.is_empty() => out.push_str(&escape(text)),
            Piece::Text(text) => {
                for word in text.split_word_bounds() {
                    if word.trim().is_empty() {
                        out.push_str(word);
                        continue;
                    }
                    out.push_str("[[");
                    out.extend(open.iter().map(|mark| mark.char()));
                    out.push_str("]]");
                    out.push_str(&escape(word));
                    out.push_str("[[/]]");
                }
            }
            Piece::Mark(mark @ Mark::Open(_)) => open.push(mark),
            Piece::Mark(Mark::Close(id)) => open.retain(|mark| *mark != Mark::Open(id)),
            Piece::Mark(atom @ Mark::Atom(_)) => {
                out.push('[');
                out.push(atom.char());
                out.push(']');
            }
        }
    }
    out
}

/// What comes out of the pipeline: text, words that carry marks, superblanks.
#[derive(Debug, PartialEq)]
enum Streamed<'a> {
    Text(&'a str),
    Word { word: &'a str, spans: Vec<u8> },
    Atoms(Vec<Mark>),
}

fn parse_stream(stream: &str) -> Vec<Streamed<'_>> {
    let mut out = Vec::new();
    let mut text_start = 0;
    let mut at = 0;
    while let Some(c) = stream[at..].chars().next() {
        let rest = &stream[at..];
        let blank = if c == '\\' {
            None
        } else if let Some((head, after)) = rest.strip_prefix("[[").and_then(|r| r.split_once("]]"))
        {
            after.split_once("[[/]]").map(|(word, after)| {
                let spans = head
                    .chars()
                    .filter_map(|c| match Mark::of(c) {
                        Some(Mark::Open(id)) => Some(id),
                        _ => None,
                    })
                    .collect();
                (Streamed::Word { word, spans }, after)
            })
        } else if c == '[' {
            rest[1..].split_once(']').map(|(inner, after)| {
                let atoms = inner
                    .chars()
                    .filter_map(Mark::of)
                    .filter(|mark| matches!(mark, Mark::Atom(_)))
                    .collect();
                (Streamed::Atoms(atoms), after)
            })
        } else {
            None
        };
        match blank {
            Some((token, after)) => {
                if text_start < at {
                    out.push(Streamed::Text(&stream[text_start..at]));
                }
                out.push(token);
                at = stream.len() - after.len();
                text_start = at;
            }
            None => {
                // An escaped character is taken with its backslash.
                let taken: usize = rest
                    .chars()
                    .take(if c == '\\' { 2 } else { 1 })
                    .map(char::len_utf8)
                    .sum();
                at += taken;
            }
        }
    }
    if text_start < stream.len() {
        out.push(Streamed::Text(&stream[text_start..]));
    }
    out
}

/// Apertium's answer back as a marked sentence: the words that carry a span's marks go
/// between its open and close marks (spans nest in the order they opened: outer ones
/// have the lower numbers), atoms where their superblanks came out. Words that the
/// transfer moved between two words of a span join it, so that the span stays one, as
/// its source was.
fn from_stream(stream: &str) -> String {
    // Text and words, each with the spans it belongs to; atoms between them.
    let mut items: Vec<(String, Vec<u8>, Vec<Mark>)> = Vec::new();
    let mut atoms = Vec::new();
    for token in parse_stream(stream) {
        match token {
            Streamed::Text(text) => {
                items.push((unescape(text), Vec::new(), std::mem::take(&mut atoms)))
            }
            Streamed::Word { word, spans } => {
                items.push((unescape(word), spans, std::mem::take(&mut atoms)));
            }
            Streamed::Atoms(found) => atoms.extend(found),
        }
    }
    items.push((String::new(), Vec::new(), atoms));
    let mut ids: Vec<u8> = items
        .iter()
        .flat_map(|(_, spans, _)| spans.iter().copied())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    for id in ids {
        let first = items.iter().position(|(_, spans, _)| spans.contains(&id));
        let last = items.iter().rposition(|(_, spans, _)| spans.contains(&id));
        if let (Some(first), Some(last)) = (first, last) {
            for (text, spans, _) in &mut items[first..=last] {
                if !text.trim().is_empty() && !spans.contains(&id) {
                    spans.push(id);
                }
            }
        }
    }
    let mut out = String::with_capacity(stream.len());
    let mut open: Vec<u8> = Vec::new();
    // Blanks and atoms wait for the next words: inside a span if it goes on, else after.
    let mut pending = String::new();
    for (text, mut spans, atoms) in items {
        pending.extend(atoms.iter().map(|atom| atom.char()));
        if text.trim().is_empty() {
            pending.push_str(&text);
            continue;
        }
        spans.sort_unstable();
        spans.dedup();
        let kept = open.iter().take_while(|id| spans.contains(id)).count();
        for id in open.drain(kept..).rev() {
            out.push(Mark::Close(id).char());
        }
        out.push_str(&std::mem::take(&mut pending));
        for id in spans {
            if !open.contains(&id) {
                open.push(id);
                out.push(Mark::Open(id).char());
            }
        }
        out.push_str(&text);
    }
    for id in open.into_iter().rev() {
        out.push(Mark::Close(id).char());
    }
    out.push_str(&pending);
    out
}

fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.extend(chars.next()),
            c => out.push(c),
        }
    }
    out
}

impl ApertiumEngine {
    pub fn mode(&self) -> &str {
        &self.mode
    }

    /// The running pipeline's process group, if one is running.
    pub fn process_group(&self) -> Option<u32> {
        self.process
            .lock()
            .ok()
            .and_then(|guard| guard.as_ref().map(|p| p.child.id()))
    }

    fn error(&self, detail: impl std::fmt::Display) -> EngineError {
        EngineError::Process {
            engine: format!("apertium {}", self.mode),
            detail: detail.to_string(),
        }
    }

    fn spawn(&self) -> Result<Pipeline, EngineError> {
        let mode_file = self.modes_dir.join(format!("{}.mode", self.mode));
        let script = Command::new("apertium-wblank-mode")
            .arg("-z")
            .arg(&mode_file)
            .output()
            .map_err(|e| self.error(format!("cannot run apertium-wblank-mode: {e}")))?;
        if !script.status.success() {
            return Err(self.error(String::from_utf8_lossy(&script.stderr)));
        }
        // The mode script takes the generator's option ($1: -n, no marks on unknown
        // words) and the tagger's ($2: none).
        let mut child = Command::new("bash")
            .arg("-c")
            .arg(String::from_utf8_lossy(&script.stdout).trim())
            .args(["pontis-apertium", "-n", ""])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .map_err(|e| self.error(format!("cannot start apertium: {e}")))?;
        let stdin = child.stdin.take().ok_or_else(|| self.error("no stdin"))?;
        let stdout = child.stdout.take().ok_or_else(|| self.error("no stdout"))?;
        Ok(Pipeline {
            child,
            stdin,
            stdout: BufReader::new(stdout),
        })
    }

    /// Sends the segments and the end-of-batch mark, and reads an answer for each. Past
    /// the time limit the pipeline is killed, which ends the read.
    fn run(pipeline: &mut Pipeline, segments: &[String]) -> std::io::Result<Vec<String>> {
        let Pipeline {
            child,
            stdin,
            stdout,
        } = pipeline;
        let leader = child.id();
        let limit = TIME_LIMIT_BASE + TIME_PER_SEGMENT * segments.len() as u32;
        std::thread::scope(|scope| {
            // Write and read on threads of their own, so that a batch larger than the
            // pipe buffers cannot deadlock the pipeline, and a hung one can be timed out.
            let writer = scope.spawn(move || -> std::io::Result<()> {
                for segment in segments.iter().map(String::as_str).chain([END_OF_BATCH]) {
                    // A trailing blank lets the analyser emit the final punctuation.
                    stdin.write_all(to_stream(segment.trim()).as_bytes())?;
                    stdin.write_all(b"\n\0")?;
                }
                stdin.flush()
            });
            let (done, finished) = mpsc::channel();
            let reader = scope.spawn(move || {
                let answers = read_answers(stdout, segments.len() + 1);
                let _ = done.send(());
                answers
            });
            let timed_out = matches!(
                finished.recv_timeout(limit),
                Err(mpsc::RecvTimeoutError::Timeout)
            );
            if timed_out {
                kill_group(leader);
            }
            let mut out = reader
                .join()
                .map_err(|_| std::io::Error::other("reader thread panicked"))?
                .map_err(|e| {
                    if timed_out {
                        std::io::Error::other(format!("no answer within {} s", limit.as_secs()))
                    } else {
                        e
                    }
                })?;
            writer
                .join()
                .map_err(|_| std::io::Error::other("writer thread panicked"))??;
            if out.pop().as_deref() != Some(END_OF_BATCH) {
                return Err(std::io::Error::other(
                    "the answers did not match the segments one to one",
                ));
            }
            Ok(out)
        })
    }
}

/// `count` NUL-ended answers.
fn read_answers(stdout: &mut BufReader<ChildStdout>, count: usize) -> std::io::Result<Vec<String>> {
    let mut out = Vec::with_capacity(count);
    let mut buffer = Vec::new();
    for _ in 0..count {
        buffer.clear();
        if stdout.read_until(0, &mut buffer)? == 0 {
            return Err(std::io::Error::other("apertium closed its output"));
        }
        buffer.pop_if(|b| *b == 0);
        out.push(from_stream(String::from_utf8_lossy(&buffer).trim()));
    }
    Ok(out)
}

impl Engine for ApertiumEngine {
    fn kind(&self) -> EngineKind {
        EngineKind::Apertium
    }

    fn model(&self) -> &str {
        &self.mode
    }

    fn pairs(&self) -> Vec<LangPair> {
        vec![self.pair.clone()]
    }

    fn translate(&self, pair: &LangPair, segments: &[String]) -> Result<Vec<String>, EngineError> {
        if *pair != self.pair {
            return Err(EngineError::UnsupportedPair {
                engine: format!("apertium {}", self.mode),
                pair: pair.clone(),
            });
        }
        if segments.is_empty() {
            return Ok(Vec::new());
        }
        let mut guard = self
            .process
            .lock()
            .map_err(|_| self.error("process lock poisoned"))?;
        // A pipeline that died since the last batch (killed, out of memory) is replaced
        // and the batch sent once more; one that fails a fresh start fails the batch.
        let was_running = guard.is_some();
        for _ in 0..2 {
            let pipeline = match guard.as_mut() {
                Some(pipeline) => pipeline,
                None => guard.insert(self.spawn()?),
            };
            match Self::run(pipeline, segments) {
                Ok(out) => return Ok(out),
                Err(e) => {
                    *guard = None;
                    if !was_running || e.to_string().starts_with("no answer within") {
                        return Err(self.error(e));
                    }
                    tracing::warn!(mode = %self.mode, error = %e, "apertium restarted");
                }
            }
        }
        Err(self.error("the pipeline failed again after a restart"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mode_names_become_pairs() {
        assert_eq!(pair_of_mode("eng-spa"), Some(LangPair::new("en", "es")));
        assert_eq!(pair_of_mode("es-pt_BR"), Some(LangPair::new("es", "pt-BR")));
        assert_eq!(pair_of_mode("eng-spa-tagger"), None);
        assert_eq!(pair_of_mode("readme"), None);
    }

    #[test]
    fn marks_travel_as_blanks_and_come_back() {
        let (o, c, a) = (
            Mark::Open(0).char(),
            Mark::Close(0).char(),
            Mark::Atom(0).char(),
        );
        let marked = format!("Son {o}cuatro paneles{c} y {a} [x]");
        let stream = to_stream(&marked);
        assert_eq!(
            stream,
            format!("Son [[{o}]]cuatro[[/]] [[{o}]]paneles[[/]] y [{a}] \\[x\\]")
        );
        assert_eq!(from_stream(&stream), marked);
        // Reordered and merged as Apertium's transfer does.
        let answer = format!("Have a [[{o}; {o}]]red[[/]] [[{o}]]house[[/]] [{a}].");
        assert_eq!(from_stream(&answer), format!("Have a {o}red house{c} {a}."));
    }

    #[test]
    fn escaping_round_trips() {
        let text = r"Costs $5 [a/b] <x> @y ^z {w} \ back";
        assert_eq!(unescape(&escape(text)), text);
    }
}

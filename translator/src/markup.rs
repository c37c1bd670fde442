//! A sentence's inline markup, carried through translation as marks. The segmenter puts a
//! mark where emphasis, a link or code sat inside a sentence, so that the sentence is
//! translated whole; the engine keeps the marks beside the words they belonged to, and
//! the renderer turns them back into the Markdown they stand for.
//!
//! A mark is one character of Unicode's Private Use Area, numbered within its sentence:
//! a span (emphasis, strong, strikethrough, a link's text) opens and closes around words;
//! an atom (inline code, a mention, a URL, an emoji) stands where something is kept
//! byte for byte. Numbering within the sentence makes the marked sentence its own cache
//! key: the same words with the same markup translate once, whatever the markup holds.
//!
//! Engines that carry marks (Apertium, through its word-bound blanks) return them; for
//! the others the marks are lifted out and put back by [`place`].

use unicode_segmentation::UnicodeSegmentation;

/// The most spans, and the most atoms, one sentence carries as marks.
pub const MAX_MARKS: usize = 0x100;
/// Spans from this number on hold a glossary term: the words in them give way to the
/// term when rendered. Spans below it are markup (emphasis, links), and so are atoms.
pub const TERM_SPANS: u8 = 0x80;
const OPEN: u32 = 0xE000;
const CLOSE: u32 = 0xE100;
const ATOM: u32 = 0xE200;
const END: u32 = 0xE300;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Mark {
    Open(u8),
    Close(u8),
    Atom(u8),
}

impl Mark {
    pub fn of(c: char) -> Option<Mark> {
        let code = c as u32;
        // The range checks make the casts exact.
        match code {
            _ if (OPEN..CLOSE).contains(&code) => Some(Mark::Open((code - OPEN) as u8)),
            _ if (CLOSE..ATOM).contains(&code) => Some(Mark::Close((code - CLOSE) as u8)),
            _ if (ATOM..END).contains(&code) => Some(Mark::Atom((code - ATOM) as u8)),
            _ => None,
        }
    }

    pub fn char(self) -> char {
        let code = match self {
            Mark::Open(id) => OPEN + u32::from(id),
            Mark::Close(id) => CLOSE + u32::from(id),
            Mark::Atom(id) => ATOM + u32::from(id),
        };
        char::from_u32(code).unwrap_or('\u{E000}')
    }
}

/// Whether `c` is in the range marks use: such characters in a post are kept out of
/// sentences, so that text can never be taken for a mark.
pub fn is_mark_char(c: char) -> bool {
    (OPEN..END).contains(&(c as u32))
}

/// A marked sentence as text and marks, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    Mark(Mark),
}

pub fn pieces(marked: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (at, c) in marked.char_indices() {
        if let Some(mark) = Mark::of(c) {
            if start < at {
                out.push(Piece::Text(&marked[start..at]));
            }
            out.push(Piece::Mark(mark));
            start = at + c.len_utf8();
        }
    }
    if start < marked.len() {
        out.push(Piece::Text(&marked[start..]));
    }
    out
}

pub fn is_term(id: u8) -> bool {
    id >= TERM_SPANS
}

/// For engines that see words only: each glossary term's span, words and all, becomes an
/// atom of the same number, placed by position like any atom; [`atoms_as_terms`] turns
/// it back into the (empty) span, which renders as the term. So the model never sees
/// the term, and no word of its translation is replaced on a guess.
pub fn terms_as_atoms(marked: &str) -> String {
    let mut out = String::with_capacity(marked.len());
    let mut in_term: Option<u8> = None;
    for piece in pieces(marked) {
        match (in_term, piece) {
            (Some(id), Piece::Mark(Mark::Close(close))) if close == id => in_term = None,
            (Some(_), _) => {}
            (None, Piece::Mark(Mark::Open(id))) if is_term(id) => {
                out.push(Mark::Atom(id).char());
                in_term = Some(id);
            }
            (None, Piece::Mark(mark)) => out.push(mark.char()),
            (None, Piece::Text(text)) => out.push_str(text),
        }
    }
    out
}

/// Undoes [`terms_as_atoms`] in a translation.
pub fn atoms_as_terms(translated: &str) -> String {
    translated
        .chars()
        .flat_map(|c| match Mark::of(c) {
            Some(Mark::Atom(id)) if is_term(id) => {
                vec![Mark::Open(id).char(), Mark::Close(id).char()]
            }
            _ => vec![c],
        })
        .collect()
}

pub fn has_marks(text: &str) -> bool {
    text.chars().any(is_mark_char)
}

/// The sentence's words without its marks, for engines that do not carry them.
pub fn strip(marked: &str) -> String {
    let mut out = String::with_capacity(marked.len());
    let mut after_atom = false;
    for piece in pieces(marked) {
        match piece {
            Piece::Text(text) => {
                // Where an atom sat, the blank it stood in goes with it.
                let joins = text.starts_with(|c: char| c.is_whitespace() || !c.is_alphanumeric());
                if after_atom && joins && out.ends_with(' ') {
                    out.pop();
                }
                out.push_str(text);
                after_atom = false;
            }
            Piece::Mark(Mark::Atom(_)) => after_atom = true,
            Piece::Mark(_) => {}
        }
    }
    out.trim().to_owned()
}

/// The marks that pair up in `marked`: spans opened and closed in order, each atom once.
/// Anything else (a close without its open, an atom repeated, a span crossing another)
/// is left out, keeping the words.
pub fn balanced(marked: &str) -> String {
    let pieces = pieces(marked);
    let mut keep = vec![false; pieces.len()];
    let mut open: Vec<(u8, usize)> = Vec::new();
    let mut atoms_seen = [false; MAX_MARKS];
    for (i, piece) in pieces.iter().enumerate() {
        match piece {
            Piece::Text(_) => keep[i] = true,
            Piece::Mark(Mark::Atom(id)) => {
                keep[i] = !std::mem::replace(&mut atoms_seen[usize::from(*id)], true);
            }
            Piece::Mark(Mark::Open(id)) => {
                if !open.iter().any(|(o, _)| o == id) {
                    open.push((*id, i));
                }
            }
            Piece::Mark(Mark::Close(id)) => {
                if open.last().is_some_and(|(o, _)| o == id)
                    && let Some((_, at)) = open.pop()
                {
                    keep[at] = true;
                    keep[i] = true;
                }
            }
        }
    }
    let mut out = String::with_capacity(marked.len());
    for (piece, kept) in pieces.iter().zip(keep) {
        match piece {
            Piece::Text(text) if kept => out.push_str(text),
            Piece::Mark(mark) if kept => out.push(mark.char()),
            _ => {}
        }
    }
    out
}

/// A translation of `source` with every mark of `source` in it: the marks the engine
/// carried where it put them, when they pair up; the ones it lost placed by [`place`].
pub fn repair(source: &str, translated: &str) -> String {
    let translated = balanced(translated);
    let have: Vec<Mark> = pieces(&translated)
        .into_iter()
        .filter_map(|p| match p {
            Piece::Mark(mark) => Some(mark),
            Piece::Text(_) => None,
        })
        .collect();
    let lost: Vec<Mark> = marks_of(source)
        .into_iter()
        .filter(|mark| !have.contains(mark))
        .collect();
    if lost.is_empty() {
        return translated;
    }
    // A span is placed again whole, both its marks, or not at all.
    let keep_only: Vec<Mark> = lost
        .iter()
        .copied()
        .filter(|mark| match mark {
            Mark::Open(id) => lost.contains(&Mark::Close(*id)),
            Mark::Close(id) => lost.contains(&Mark::Open(*id)),
            Mark::Atom(_) => true,
        })
        .collect();
    place_marks(source, &translated, &keep_only)
}

fn marks_of(marked: &str) -> Vec<Mark> {
    marked.chars().filter_map(Mark::of).collect()
}

/// Puts the marks of `source` into its translation `target` (words only), where they
/// sat relative to the words: a span over the same words where they appear unchanged
/// (names, numbers), otherwise over the words at the same relative position and
/// length; an atom at its relative position. Words are never added or lost.
pub fn place(source: &str, target: &str) -> String {
    place_marks(source, target, &marks_of(source))
}

/// A mark's position in the source: between which words.
struct Located {
    mark: Mark,
    /// Words of the source before the mark.
    words_before: usize,
}

fn place_marks(source: &str, target: &str, wanted: &[Mark]) -> String {
    // Where each mark sits in the source, counted in words.
    let mut located = Vec::new();
    let mut source_words: Vec<String> = Vec::new();
    for piece in pieces(source) {
        match piece {
            Piece::Text(text) => source_words.extend(words(text).map(|(_, w)| normal(w))),
            Piece::Mark(mark) => located.push(Located {
                mark,
                words_before: source_words.len(),
            }),
        }
    }
    // The target's words (and marks already there) with their byte ranges.
    let target_words: Vec<(usize, &str)> = words(target).collect();
    let target_normal: Vec<String> = target_words.iter().map(|(_, w)| normal(w)).collect();
    let (n, m) = (source_words.len().max(1), target_words.len());
    // Source word position → target word position, rounded to the nearest.
    let scale = |p: usize| -> usize { (p * m + n / 2) / n };
    // (insert before the target word at this index (m = at the end), order, mark)
    let mut inserts: Vec<(usize, usize, Mark)> = Vec::new();
    for (order, loc) in located.iter().enumerate() {
        if !wanted.contains(&loc.mark) {
            continue;
        }
        match loc.mark {
            Mark::Atom(_) => inserts.push((scale(loc.words_before).min(m), order, loc.mark)),
            Mark::Open(id) => {
                let Some(close) = located
                    .iter()
                    .position(|l| l.mark == Mark::Close(id))
                    .map(|i| &located[i])
                else {
                    continue;
                };
                let span =
                    &source_words[loc.words_before..close.words_before.max(loc.words_before)];
                let (start, end) = find_words(&target_normal, span).unwrap_or_else(|| {
                    let start = scale(loc.words_before).min(m.saturating_sub(1));
                    let end = scale(close.words_before).clamp(start + 1, m.max(start + 1));
                    (start, end)
                });
                if m == 0 {
                    continue;
                }
                // A span covers at least one word: its close comes after its open.
                inserts.push((start, order, Mark::Open(id)));
                inserts.push((end, order, Mark::Close(id)));
            }
            Mark::Close(_) => {}
        }
    }
    // At one place: closes first (innermost first), then atoms, then opens (outermost
    // first), so that spans nest as they did.
    inserts.sort_by_key(|(at, order, mark)| {
        let rank = match mark {
            Mark::Close(_) => (0, usize::MAX - order),
            Mark::Atom(_) => (1, *order),
            Mark::Open(_) => (2, *order),
        };
        (*at, rank)
    });
    let mut out = String::with_capacity(target.len() + inserts.len() * 4);
    let mut cursor = 0;
    let mut next = inserts.iter().peekable();
    for (index, (at, word)) in target_words.iter().enumerate() {
        // Closes right after the span's last word, before any punctuation or blank.
        while let Some((_, _, mark)) =
            next.next_if(|(i, _, mark)| *i == index && matches!(mark, Mark::Close(_)))
        {
            out.push(mark.char());
        }
        push_after_mark(&mut out, &target[cursor..*at]);
        while let Some((_, _, mark)) = next.next_if(|(i, _, _)| *i == index) {
            push_mark(&mut out, *mark);
        }
        push_after_mark(&mut out, word);
        cursor = at + word.len();
    }
    // After the last word: what closes there, then atoms, then the sentence's end.
    for (_, _, mark) in next {
        push_mark(&mut out, *mark);
    }
    push_after_mark(&mut out, &target[cursor..]);
    out
}

/// An atom stands apart from the words beside it.
fn push_mark(out: &mut String, mark: Mark) {
    if matches!(mark, Mark::Atom(_)) && !out.is_empty() && !out.ends_with(' ') {
        out.push(' ');
    }
    out.push(mark.char());
}

/// Text after what `out` holds: a word right after an atom gets a blank between.
fn push_after_mark(out: &mut String, text: &str) {
    let after_atom = out
        .chars()
        .next_back()
        .and_then(Mark::of)
        .is_some_and(|m| matches!(m, Mark::Atom(_)));
    if after_atom && text.starts_with(char::is_alphanumeric) {
        out.push(' ');
    }
    out.push_str(text);
}

/// The words of a text (letters or digits), with their byte offsets: CJK by character,
/// other scripts by word, as Unicode's word boundaries give them.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_word_bound_indices()
        .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
}

fn normal(word: &str) -> String {
    word.to_lowercase()
}

/// Where `span` appears unchanged in `target`, as a word range.
fn find_words(target: &[String], span: &[String]) -> Option<(usize, usize)> {
    if span.is_empty() || span.len() > target.len() {
        return None;
    }
    (0..=target.len() - span.len())
        .find(|&start| target[start..start + span.len()] == *span)
        .map(|start| (start, start + span.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn o(id: u8) -> char {
        Mark::Open(id).char()
    }
    fn c(id: u8) -> char {
        Mark::Close(id).char()
    }
    fn a(id: u8) -> char {
        Mark::Atom(id).char()
    }

    #[test]
    fn marks_round_trip_through_characters() {
        for mark in [Mark::Open(0), Mark::Close(7), Mark::Atom(255)] {
            assert_eq!(Mark::of(mark.char()), Some(mark));
        }
        assert_eq!(Mark::of('a'), None);
    }

    #[test]
    fn strip_leaves_the_words() {
        let marked = format!(
            "Ask {a} about {o}four panels{c}.",
            a = a(0),
            o = o(0),
            c = c(0)
        );
        assert_eq!(strip(&marked), "Ask about four panels.");
    }

    #[test]
    fn unpaired_and_repeated_marks_are_dropped_not_the_words() {
        let marked = format!(
            "{c1}one {o0}two {a0}{a0} three",
            c1 = c(1),
            o0 = o(0),
            a0 = a(0)
        );
        assert_eq!(balanced(&marked), format!("one two {} three", a(0)));
    }

    #[test]
    fn place_finds_unchanged_words_or_keeps_relative_position() {
        let source = format!("Hola {}María{}, mira esto {}.", o(0), c(0), a(0));
        let placed = place(&source, "Hi María, look at this.");
        assert_eq!(
            placed,
            format!("Hi {}María{}, look at this {}.", o(0), c(0), a(0))
        );

        let source = format!("Los resultados: {}cuatro paneles{} producen.", o(0), c(0));
        let placed = place(&source, "The results: four panels produce.");
        assert_eq!(strip(&placed), "The results: four panels produce.");
        assert_eq!(balanced(&placed), placed, "{placed}");
        assert!(placed.contains(o(0)) && placed.contains(c(0)), "{placed}");
    }

    #[test]
    fn repair_keeps_what_the_engine_carried_and_places_the_rest() {
        let source = format!("{}No{} lo sé {}.", o(0), c(0), a(0));
        let repaired = repair(&source, "I do not know it.");
        assert_eq!(strip(&repaired), "I do not know it.");
        assert!(
            repaired.contains(o(0)) && repaired.contains(a(0)),
            "{repaired}"
        );
        let carried = format!("I {}do not{} know it {}.", o(0), c(0), a(0));
        assert_eq!(repair(&source, &carried), carried);
    }
}

//! Splits a post's Markdown into the sentences an engine translates, and puts the
//! translations back. Only prose is translated: code, link targets, autolinks, HTML,
//! @mentions, bare URLs and emoji stay as they were, and every byte of Markdown syntax is
//! kept, so the result has the same structure as the source. A sentence is translated
//! whole: emphasis, links, code and mentions inside it travel with it as marks
//! ([`crate::markup`]) instead of cutting it into pieces.

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};
use unicode_segmentation::UnicodeSegmentation;

use crate::markup::{self, Mark, Piece};
use crate::steer::Steering;

/// A text cut into segments to translate and the parts kept as they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segmented {
    parts: Vec<Part>,
    /// The sentences to translate, in order, with their inline markup as marks
    /// ([`crate::markup`]).
    pub segments: Vec<String>,
    /// What each segment's marks stand for.
    markups: Vec<Markup>,
    /// Translations are escaped so that they cannot add Markdown structure.
    markdown: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Keep(String),
    Segment(usize),
}

/// What one sentence's marks stand for, by their numbers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Markup {
    spans: Vec<SpanMarkup>,
    /// Glossary terms' spans, numbered from [`markup::TERM_SPANS`].
    terms: Vec<TermMarkup>,
    atoms: Vec<String>,
}

static NO_MARKUP: Markup = Markup {
    spans: Vec::new(),
    terms: Vec::new(),
    atoms: Vec::new(),
};

impl Markup {
    fn term(&self, id: u8) -> Option<&TermMarkup> {
        id.checked_sub(markup::TERM_SPANS)
            .and_then(|at| self.terms.get(usize::from(at)))
    }
}

/// A glossary term in a sentence: whatever the engine made of its words becomes this.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct TermMarkup {
    /// As rendered: escaped in Markdown.
    rendered: String,
    /// In words: the term as written, or its fixed translation.
    words: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct SpanMarkup {
    /// The Markdown before the span's words (`**`, `[`) and after them (`**`, `](url)`).
    open: String,
    close: String,
    /// A link as written: shown after its sentence if the translation lost its place,
    /// so that no link target is ever lost.
    link: Option<String>,
    /// A glossary term's span rather than markup.
    term: Option<TermMarkup>,
}

impl Segmented {
    /// Puts `translations` (one per segment, in order) in place of the segments.
    pub fn render(&self, translations: &[String]) -> String {
        self.render_corrected(translations, &[])
    }

    /// As [`Self::render`], where `corrected[i]` says that sentence `i` is a teacher's
    /// text in words ([`Self::source_text`]'s counterpart), not a marked translation.
    pub fn render_corrected(&self, translations: &[String], corrected: &[bool]) -> String {
        let mut out = String::new();
        for part in &self.parts {
            match part {
                Part::Keep(text) => out.push_str(text),
                Part::Segment(i) => {
                    let text = translations.get(*i).map_or("", String::as_str);
                    let markup = self.markups.get(*i).unwrap_or(&NO_MARKUP);
                    if corrected.get(*i).copied().unwrap_or(false) {
                        self.render_correction(&mut out, text, markup);
                    } else {
                        self.render_sentence(&mut out, text, markup);
                    }
                }
            }
        }
        out
    }

    /// Sentence `i` in words, as its reader wrote it: marks gone, atoms as written. The
    /// key of a teacher's correction, and what readers and teachers see of a sentence.
    pub fn source_text(&self, i: usize) -> String {
        self.words(i, &self.segments[i], false)
    }

    /// A marked translation of sentence `i` in words, as its reader sees them.
    pub fn translated_text(&self, i: usize, translation: &str) -> String {
        self.words(i, &markup::balanced(translation), true)
    }

    /// The words of a marked sentence: atoms as written; in a translation, a glossary
    /// term's words as the glossary sets them.
    fn words(&self, i: usize, marked: &str, translated: bool) -> String {
        let markup = self.markups.get(i).unwrap_or(&NO_MARKUP);
        let mut out = String::with_capacity(marked.len());
        let mut in_term = false;
        for piece in markup::pieces(marked) {
            match piece {
                Piece::Text(_) if in_term => {}
                Piece::Text(text) => out.push_str(text),
                Piece::Mark(Mark::Atom(id)) => {
                    if let Some(atom) = markup.atoms.get(usize::from(id)) {
                        out.push_str(atom);
                    }
                }
                Piece::Mark(Mark::Open(id)) if translated => {
                    if let Some(term) = markup.term(id) {
                        out.push_str(&term.words);
                        in_term = true;
                    }
                }
                Piece::Mark(Mark::Close(id)) if markup::is_term(id) => in_term = false,
                Piece::Mark(_) => {}
            }
        }
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// A teacher's correction, as written. What is kept byte for byte (code, a link's
    /// target) and does not appear in it follows it, so that nothing is lost.
    fn render_correction(&self, out: &mut String, correction: &str, markup: &Markup) {
        if self.markdown {
            out.push_str(&escape_markdown(correction));
        } else {
            out.push_str(correction);
        }
        let atoms = markup
            .atoms
            .iter()
            // Inline code counts as there when its text is, backticks or not.
            .filter(|atom| !correction.contains(atom.trim_matches('`')));
        for kept in atoms.chain(markup.spans.iter().filter_map(|span| span.link.as_ref())) {
            out.push(' ');
            out.push_str(kept);
        }
    }

    /// A translated sentence with its marks turned back into Markdown. Marks that do not
    /// pair up are dropped, keeping the words; what is kept byte for byte (code, mentions,
    /// URLs, link targets) is never dropped: if the translation lost its place, it
    /// follows the sentence.
    fn render_sentence(&self, out: &mut String, translation: &str, markup: &Markup) {
        let mut atoms_used = vec![false; markup.atoms.len()];
        let mut opened = vec![false; markup.spans.len()];
        // Inside a glossary term's span: the engine's words give way to the term's.
        let mut in_term: Option<u8> = None;
        for piece in markup::pieces(&markup::balanced(translation)) {
            if let Some(term) = in_term {
                if piece == Piece::Mark(Mark::Close(term)) {
                    in_term = None;
                }
                continue;
            }
            match piece {
                Piece::Mark(Mark::Open(id)) if markup::is_term(id) => {
                    if let Some(term) = markup.term(id) {
                        out.push_str(&term.rendered);
                        in_term = Some(id);
                    }
                }
                Piece::Text(text) if self.markdown => out.push_str(&escape_markdown(text)),
                Piece::Text(text) => out.push_str(text),
                Piece::Mark(Mark::Open(id)) => {
                    if let Some(span) = markup.spans.get(usize::from(id)) {
                        out.push_str(&span.open);
                        opened[usize::from(id)] = true;
                    }
                }
                Piece::Mark(Mark::Close(id)) => {
                    if let Some(span) = markup.spans.get(usize::from(id)) {
                        out.push_str(&span.close);
                    }
                }
                Piece::Mark(Mark::Atom(id)) => {
                    if let Some(atom) = markup.atoms.get(usize::from(id)) {
                        out.push_str(atom);
                        atoms_used[usize::from(id)] = true;
                    }
                }
            }
        }
        let lost_atoms = markup
            .atoms
            .iter()
            .zip(atoms_used)
            .filter(|(_, used)| !used);
        let lost_links = markup.spans.iter().zip(opened).filter(|(_, used)| !used);
        for kept in lost_atoms
            .map(|(atom, _)| atom)
            .chain(lost_links.filter_map(|(span, _)| span.link.as_ref()))
        {
            out.push(' ');
            out.push_str(kept);
        }
    }
}

pub fn markdown_options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS
}

/// Segments a Markdown post body: each sentence whole, its inline markup as marks.
pub fn segment_markdown(source: &str) -> Segmented {
    segment_markdown_steered(source, Steering::none())
}

/// As [`segment_markdown`], with a space's glossary terms as atoms.
pub fn segment_markdown_steered(source: &str, steering: &Steering) -> Segmented {
    let mut builder = Builder {
        markdown: true,
        steering: Some(steering),
        ..Builder::default()
    };
    let mut cursor = 0;
    for run in inline_runs(source) {
        builder.keep(&source[cursor..run.range.start]);
        builder.run(&run);
        cursor = run.range.end;
    }
    builder.keep(&source[cursor..]);
    builder.finish()
}

/// Segments plain text, such as a thread title.
pub fn segment_plain(text: &str) -> Segmented {
    segment_plain_steered(text, Steering::none())
}

/// As [`segment_plain`], with a space's glossary terms as atoms.
pub fn segment_plain_steered(text: &str, steering: &Steering) -> Segmented {
    let mut builder = Builder {
        steering: Some(steering),
        ..Builder::default()
    };
    builder.run(&Run {
        range: 0..text.len(),
        items: vec![Inline::Text(text.to_owned())],
        spans: Vec::new(),
    });
    builder.finish()
}

/// Inline content between two block boundaries (a paragraph, a heading, a table cell):
/// its text, unescaped, and its inline markup.
#[derive(Debug)]
struct Run {
    /// The bytes of the source it covers.
    range: Range<usize>,
    items: Vec<Inline>,
    spans: Vec<SpanMarkup>,
}

#[derive(Debug, Clone)]
enum Inline {
    Text(String),
    /// A span of `Run::spans` opens or closes.
    Open(usize),
    Close(usize),
    /// Kept byte for byte where it stands: inline code, an autolink, an image, inline
    /// HTML; later also mentions, URLs and emoji.
    Atom(String),
    /// A hard line break, as written: it ends a sentence.
    LineBreak(String),
}

/// The runs of inline content in the source, outside code blocks.
fn inline_runs(source: &str) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut run: Option<Run> = None;
    let mut open_spans: Vec<usize> = Vec::new();
    // A span's opening Markdown ends where its first inner event starts.
    let mut pending_open: Option<(usize, usize)> = None;
    let mut line_prefix_from: Option<usize> = None;
    let mut skipped_depth = 0usize;
    let mut code_blocks = 0usize;
    let mut cursor = 0;
    for (event, range) in Parser::new_ext(source, markdown_options()).into_offset_iter() {
        if skipped_depth > 0 {
            match event {
                Event::Start(_) => skipped_depth += 1,
                Event::End(_) => skipped_depth -= 1,
                _ => {}
            }
            continue;
        }
        if let (Some((span, from)), Some(current)) = (pending_open.take(), run.as_mut()) {
            current.spans[span].open = source[from..range.start.max(from)].to_owned();
        }
        // What starts the next line after a hard break (a quote's `> `, a list item's
        // indent) goes with the break.
        if let (Some(from), Some(current)) = (line_prefix_from.take(), run.as_mut())
            && let Some(Inline::LineBreak(raw)) = current.items.last_mut()
        {
            let gap = &source[from..range.start.max(from)];
            // Only the line's prefix: an escape's backslash before the text stays with it.
            let prefix = gap.len() - gap.trim_start_matches([' ', '\t', '>']).len();
            raw.push_str(&gap[..prefix]);
        }
        let starting = |run: &mut Option<Run>| {
            run.get_or_insert_with(|| Run {
                range: range.start..range.start,
                items: Vec::new(),
                spans: Vec::new(),
            });
        };
        match event {
            Event::Start(Tag::CodeBlock(_)) => {
                code_blocks += 1;
                runs.extend(run.take());
            }
            Event::End(TagEnd::CodeBlock) => code_blocks = code_blocks.saturating_sub(1),
            _ if code_blocks > 0 => {}
            Event::Start(
                Tag::Link {
                    link_type: LinkType::Autolink | LinkType::Email,
                    ..
                }
                | Tag::Image { .. },
            ) => {
                starting(&mut run);
                skipped_depth = 1;
                push_atom(&mut run, &source[range.clone()], &range, &mut cursor);
            }
            Event::Start(
                tag @ (Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. }),
            ) => {
                starting(&mut run);
                if let Some(current) = run.as_mut() {
                    let id = current.spans.len();
                    current.spans.push(SpanMarkup {
                        link: matches!(tag, Tag::Link { .. })
                            .then(|| source[range.clone()].to_owned()),
                        ..SpanMarkup::default()
                    });
                    current.items.push(Inline::Open(id));
                    open_spans.push(id);
                    pending_open = Some((id, range.start));
                }
            }
            Event::End(
                TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link,
            ) => {
                if let (Some(current), Some(id)) = (run.as_mut(), open_spans.pop()) {
                    current.spans[id].close = source[cursor.min(range.end)..range.end].to_owned();
                    current.items.push(Inline::Close(id));
                    current.range.end = range.end;
                    cursor = range.end;
                }
            }
            Event::Text(text) => {
                starting(&mut run);
                if let Some(current) = run.as_mut() {
                    current.items.push(Inline::Text(text.into_string()));
                    current.range.end = range.end;
                }
                cursor = range.end;
            }
            Event::SoftBreak if run.is_some() => {
                if let Some(current) = run.as_mut() {
                    current.items.push(Inline::Text(" ".to_owned()));
                    current.range.end = range.end;
                }
                cursor = range.end;
            }
            Event::HardBreak => {
                starting(&mut run);
                if let Some(current) = run.as_mut() {
                    current
                        .items
                        .push(Inline::LineBreak(source[range.clone()].to_owned()));
                    current.range.end = range.end;
                }
                cursor = range.end;
                line_prefix_from = Some(range.end);
            }
            Event::Code(_)
            | Event::InlineHtml(_)
            | Event::FootnoteReference(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_) => {
                starting(&mut run);
                push_atom(&mut run, &source[range.clone()], &range, &mut cursor);
            }
            // Anything else is a block's start or end: the run ends.
            _ => {
                runs.extend(run.take());
                open_spans.clear();
            }
        }
    }
    runs.extend(run);
    runs
}

fn push_atom(run: &mut Option<Run>, raw: &str, range: &Range<usize>, cursor: &mut usize) {
    if let Some(current) = run.as_mut() {
        current.items.push(Inline::Atom(raw.to_owned()));
        current.range.end = range.end;
    }
    *cursor = range.end;
}

/// A sentence, as text and the run's inline items between its words.
#[derive(Debug, Clone)]
enum Token<'a> {
    Text(&'a str),
    Item(&'a Inline),
}

/// Stands for an item in the run's text while it is cut into sentences.
const ITEM: char = '\u{E000}';

#[derive(Default)]
struct Builder<'s> {
    parts: Vec<Part>,
    segments: Vec<String>,
    markups: Vec<Markup>,
    markdown: bool,
    steering: Option<&'s Steering>,
}

impl Builder<'_> {
    fn keep(&mut self, raw: &str) {
        if raw.is_empty() {
            return;
        }
        match self.parts.last_mut() {
            Some(Part::Keep(text)) => text.push_str(raw),
            _ => self.parts.push(Part::Keep(raw.to_owned())),
        }
    }

    /// Unescaped text kept as it is; in Markdown, escaped back.
    fn keep_text(&mut self, text: &str) {
        if self.markdown {
            self.keep(&escape_markdown(text));
        } else {
            self.keep(text);
        }
    }

    fn keep_token(&mut self, token: &Token, spans: &[SpanMarkup]) {
        match token {
            Token::Text(text) => self.keep_text(text),
            Token::Item(Inline::Text(text)) => self.keep_text(text),
            Token::Item(Inline::Atom(raw) | Inline::LineBreak(raw)) => self.keep(raw),
            Token::Item(Inline::Open(id)) => {
                let open = spans.get(*id).map_or("", |s| s.open.as_str());
                self.keep(open);
            }
            Token::Item(Inline::Close(id)) => {
                let close = spans.get(*id).map_or("", |s| s.close.as_str());
                self.keep(close);
            }
        }
    }

    /// A run of inline content: its sentences become segments, each whole with its
    /// markup as marks; mentions, URLs and emoji are atoms within them.
    fn run(&mut self, run: &Run) {
        let mut items: Vec<Inline> = Vec::new();
        let mut spans = run.spans.clone();
        for item in &run.items {
            match item {
                Inline::Text(text) => {
                    for (token, translate) in split_untranslatable(text) {
                        if translate {
                            self.push_prose(&mut items, &mut spans, token);
                        } else {
                            items.push(Inline::Atom(token.to_owned()));
                        }
                    }
                }
                other => items.push(other.clone()),
            }
        }
        let items = atoms_with_their_spans(items, &spans);
        // The run's text with one ITEM character where each item stands.
        let mut text = String::new();
        let mut positioned: Vec<&Inline> = Vec::new();
        for item in &items {
            match item {
                Inline::Text(words) => text.push_str(words),
                other => {
                    text.push(ITEM);
                    positioned.push(other);
                }
            }
        }
        let stands_alone: Vec<bool> = positioned
            .iter()
            .map(|item| matches!(item, Inline::Atom(_)))
            .collect();
        let mut next_item = positioned.into_iter();
        for sentence in sentences(&text, &stands_alone) {
            let mut tokens = Vec::new();
            let mut start = 0;
            for (at, c) in sentence.char_indices() {
                if c == ITEM {
                    if start < at {
                        tokens.push(Token::Text(&sentence[start..at]));
                    }
                    if let Some(item) = next_item.next() {
                        tokens.push(Token::Item(item));
                    }
                    start = at + c.len_utf8();
                }
            }
            if start < sentence.len() {
                tokens.push(Token::Text(&sentence[start..]));
            }
            self.sentence(&tokens, &spans);
        }
    }

    /// Prose, each glossary term in it a span of its own: Apertium carries the span on
    /// the term's words, CTranslate2 models see it as an atom
    /// ([`markup::terms_as_atoms`]), and rendering puts the term in its place.
    fn push_prose(&self, items: &mut Vec<Inline>, spans: &mut Vec<SpanMarkup>, text: &str) {
        let mut cursor = 0;
        for found in self
            .steering
            .map(|s| s.find_terms(text))
            .unwrap_or_default()
        {
            if cursor < found.range.start {
                items.push(Inline::Text(text[cursor..found.range.start].to_owned()));
            }
            let written = &text[found.range.clone()];
            let words = found.output.unwrap_or(written).to_owned();
            let rendered = if self.markdown {
                escape_markdown(&words)
            } else {
                words.clone()
            };
            items.push(Inline::Open(spans.len()));
            items.push(Inline::Text(written.to_owned()));
            items.push(Inline::Close(spans.len()));
            spans.push(SpanMarkup {
                term: Some(TermMarkup { rendered, words }),
                ..SpanMarkup::default()
            });
            cursor = found.range.end;
        }
        if cursor < text.len() {
            items.push(Inline::Text(text[cursor..].to_owned()));
        }
    }

    /// One sentence: spans that open and close within it become marks; the others are
    /// kept where they are and cut the sentence there.
    fn sentence(&mut self, tokens: &[Token], spans: &[SpanMarkup]) {
        // A hard line break ends a sentence, as it ends a line of a poem or an address.
        let mut start = 0;
        for (i, token) in tokens.iter().enumerate() {
            if let Token::Item(Inline::LineBreak(raw)) = token {
                self.pieces(&tokens[start..i], spans);
                self.keep(raw);
                start = i + 1;
            }
        }
        self.pieces(&tokens[start..], spans);
    }

    /// Tokens without a line break: cut where a span does not pair within them.
    fn pieces(&mut self, tokens: &[Token], spans: &[SpanMarkup]) {
        let mut paired = vec![false; tokens.len()];
        let mut open: Vec<(usize, usize)> = Vec::new();
        for (i, token) in tokens.iter().enumerate() {
            match token {
                Token::Item(Inline::Open(id)) => open.push((*id, i)),
                Token::Item(Inline::Close(id)) => {
                    if let Some(at) = open.iter().rposition(|(o, _)| o == id) {
                        // Spans opened inside it and not closed do not pair.
                        open.truncate(at + 1);
                        if let Some((_, opened)) = open.pop() {
                            paired[opened] = true;
                            paired[i] = true;
                        }
                    }
                }
                _ => {}
            }
        }
        let mut piece_start = 0;
        for (i, token) in tokens.iter().enumerate() {
            let breaks =
                matches!(token, Token::Item(Inline::Open(_) | Inline::Close(_))) && !paired[i];
            if breaks {
                self.piece(&tokens[piece_start..i], spans);
                self.keep_token(token, spans);
                piece_start = i + 1;
            }
        }
        self.piece(&tokens[piece_start..], spans);
    }

    /// Part of a sentence in which every span pairs: what surrounds its words (blanks,
    /// atoms, spans around all of it) is kept; the rest becomes a segment.
    fn piece(&mut self, tokens: &[Token], spans: &[SpanMarkup]) {
        let mut head = 0;
        let mut tail = tokens.len();
        let mut trailing: Vec<&Token> = Vec::new();
        loop {
            while head < tail && is_blank_or_atom(&tokens[head]) {
                self.keep_token(&tokens[head], spans);
                head += 1;
            }
            while tail > head && is_blank_or_atom(&tokens[tail - 1]) {
                trailing.push(&tokens[tail - 1]);
                tail -= 1;
            }
            match (
                tokens.get(head),
                tail.checked_sub(1).and_then(|i| tokens.get(i)),
            ) {
                (Some(Token::Item(Inline::Open(a))), Some(Token::Item(Inline::Close(b))))
                    if a == b
                        && tail - head >= 2
                        && closes_at(tokens, head) == Some(tail - 1)
                        // A glossary term's span stays with its words.
                        && spans.get(*a).is_some_and(|span| span.term.is_none()) =>
                {
                    self.keep_token(&tokens[head], spans);
                    trailing.push(&tokens[tail - 1]);
                    head += 1;
                    tail -= 1;
                }
                _ => break,
            }
        }
        let inner = &tokens[head..tail];
        let has_words = inner.iter().any(|t| match t {
            Token::Text(text) => text.chars().any(char::is_alphabetic),
            _ => false,
        });
        if has_words {
            self.segment(inner, spans);
        } else {
            for token in inner {
                self.keep_token(token, spans);
            }
        }
        for token in trailing.into_iter().rev() {
            self.keep_token(token, spans);
        }
    }

    fn segment(&mut self, tokens: &[Token], spans: &[SpanMarkup]) {
        let mut marked = String::new();
        let mut markup = Markup::default();
        let mut local_spans: Vec<(usize, u8)> = Vec::new();
        let mut overflow = false;
        for token in tokens {
            match token {
                Token::Text(text) => marked.push_str(text),
                Token::Item(Inline::Text(text)) => marked.push_str(text),
                // (Line breaks end sentences before they get here.)
                Token::Item(Inline::Atom(raw) | Inline::LineBreak(raw)) => {
                    match u8::try_from(markup.atoms.len()) {
                        Ok(id) if id < markup::TERM_SPANS => {
                            markup.atoms.push(raw.clone());
                            marked.push(Mark::Atom(id).char());
                        }
                        _ => overflow = true,
                    }
                }
                Token::Item(Inline::Open(span)) => {
                    let span_markup = spans.get(*span).cloned().unwrap_or_default();
                    let id = match &span_markup.term {
                        Some(term) => u8::try_from(markup.terms.len())
                            .ok()
                            .and_then(|n| n.checked_add(markup::TERM_SPANS))
                            .inspect(|_| markup.terms.push(term.clone())),
                        None => u8::try_from(markup.spans.len())
                            .ok()
                            .filter(|id| *id < markup::TERM_SPANS)
                            .inspect(|_| markup.spans.push(span_markup)),
                    };
                    match id {
                        Some(id) => {
                            local_spans.push((*span, id));
                            marked.push(Mark::Open(id).char());
                        }
                        None => overflow = true,
                    }
                }
                Token::Item(Inline::Close(span)) => {
                    match local_spans.iter().rev().find(|(s, _)| s == span) {
                        Some((_, id)) => marked.push(Mark::Close(*id).char()),
                        None => overflow = true,
                    }
                }
            }
        }
        if overflow {
            // More marks than a sentence carries: kept as written, untranslated.
            for token in tokens {
                self.keep_token(token, spans);
            }
            return;
        }
        let trimmed = marked.trim();
        let start = marked.len() - marked.trim_start().len();
        self.keep(&marked[..start]);
        self.parts.push(Part::Segment(self.segments.len()));
        self.segments.push(trimmed.to_owned());
        self.markups.push(markup);
        self.keep(&marked[start + trimmed.len()..]);
    }

    fn finish(self) -> Segmented {
        Segmented {
            parts: self.parts,
            segments: self.segments,
            markups: self.markups,
            markdown: self.markdown,
        }
    }
}

/// Stands for an atom while sentence bounds are found: a capital letter, so that a
/// sentence may start with a name or code, and as long in UTF-8 as [`ITEM`], so that
/// byte offsets agree.
const ATOM_AS_WORD: &str = "\u{1E00}";

/// The run's text cut into sentences; `atoms[i]` says whether its `i`th item is an atom,
/// which counts as a word that may start a sentence (a span's mark does not).
fn sentences<'t>(text: &'t str, atoms: &[bool]) -> Vec<&'t str> {
    let mut shadow = String::with_capacity(text.len());
    let mut items = atoms.iter();
    for c in text.chars() {
        if c == ITEM && items.next().copied().unwrap_or(false) {
            shadow.push_str(ATOM_AS_WORD);
        } else {
            shadow.push(c);
        }
    }
    shadow
        .split_sentence_bound_indices()
        .map(|(at, sentence)| &text[at..at + sentence.len()])
        .collect()
}

/// A span around one atom and nothing else (`**Rosa**`, `*`code`*`) becomes one atom: a
/// span with no words in it gives an engine nothing to carry it on.
fn atoms_with_their_spans(items: Vec<Inline>, spans: &[SpanMarkup]) -> Vec<Inline> {
    let mut out = Vec::with_capacity(items.len());
    let mut rest = items.into_iter().peekable();
    while let Some(item) = rest.next() {
        let Inline::Open(id) = item else {
            out.push(item);
            continue;
        };
        let inner = rest.next_if(|next| matches!(next, Inline::Atom(_)));
        match (inner, rest.peek()) {
            (Some(Inline::Atom(raw)), Some(Inline::Close(close))) if *close == id => {
                rest.next();
                let (open, close) = spans
                    .get(id)
                    .map_or(("", ""), |span| (span.open.as_str(), span.close.as_str()));
                out.push(Inline::Atom(format!("{open}{raw}{close}")));
            }
            (inner, _) => {
                out.push(Inline::Open(id));
                out.extend(inner);
            }
        }
    }
    out
}

fn is_blank_or_atom(token: &Token) -> bool {
    match token {
        Token::Text(text) => text.trim().is_empty(),
        Token::Item(Inline::Atom(_)) => true,
        Token::Item(Inline::Text(text)) => text.trim().is_empty(),
        _ => false,
    }
}

/// Where the span opened at `open` closes.
fn closes_at(tokens: &[Token], open: usize) -> Option<usize> {
    let Token::Item(Inline::Open(id)) = tokens[open] else {
        return None;
    };
    tokens
        .iter()
        .enumerate()
        .skip(open + 1)
        .find(|(_, t)| matches!(t, Token::Item(Inline::Close(c)) if c == id))
        .map(|(i, _)| i)
}

/// Splits text into (token, translate?) pieces: @mentions, bare URLs and emoji are not
/// translated, nor characters of the range marks use; everything between them is.
fn split_untranslatable(text: &str) -> Vec<(&str, bool)> {
    let mut pieces = Vec::new();
    let mut prose_start = 0;
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let at_word_start = text[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let kept_len = if at_word_start && rest.starts_with('@') {
            let name = rest[1..]
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(rest.len() - 1);
            (name > 0).then_some(1 + name)
        } else if at_word_start && (rest.starts_with("https://") || rest.starts_with("http://")) {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            // Sentence punctuation right after a URL belongs to the sentence.
            let url = rest[..end].trim_end_matches(['.', ',', ';', ':', '!', '?', ')']);
            Some(url.len())
        } else if rest.starts_with(markup::is_mark_char) {
            // Never taken for a mark: kept as written.
            rest.chars().next().map(char::len_utf8)
        } else {
            rest.chars().next().filter(|c| is_emoji(*c)).map(|_| {
                rest.char_indices()
                    .find(|(_, c)| !(is_emoji(*c) || *c == '\u{200d}' || *c == '\u{fe0f}'))
                    .map_or(rest.len(), |(at, _)| at)
            })
        };
        match kept_len {
            Some(len) => {
                if prose_start < i {
                    pieces.push((&text[prose_start..i], true));
                }
                pieces.push((&text[i..i + len], false));
                i += len;
                prose_start = i;
            }
            None => i += rest.chars().next().map_or(1, char::len_utf8),
        }
    }
    if prose_start < text.len() {
        pieces.push((&text[prose_start..], true));
    }
    pieces
}

/// Pictographs and symbols an engine would garble; kept as they are.
fn is_emoji(c: char) -> bool {
    matches!(c as u32, 0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B00..=0x2BFF)
}

/// Escapes what could turn text into Markdown syntax where it is placed.
fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '~' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The Markdown structure: every start and end tag, and the code verbatim.
    fn structure(source: &str) -> Vec<String> {
        Parser::new_ext(source, markdown_options())
            .filter_map(|event| match event {
                Event::Start(tag) => Some(format!("start {tag:?}")),
                Event::End(tag) => Some(format!("end {tag:?}")),
                Event::Code(code) => Some(format!("code {code}")),
                Event::Html(html) | Event::InlineHtml(html) => Some(format!("html {html}")),
                _ => None,
            })
            .collect()
    }

    fn shout(segments: &[String]) -> Vec<String> {
        segments.iter().map(|s| s.to_uppercase()).collect()
    }

    #[test]
    fn prose_is_split_into_sentences() {
        let doc = segment_markdown("We built a solar oven. It works! Does yours?");
        assert_eq!(
            doc.segments,
            ["We built a solar oven.", "It works!", "Does yours?"]
        );
        assert_eq!(
            doc.render(&shout(&doc.segments)),
            "WE BUILT A SOLAR OVEN. IT WORKS! DOES YOURS?"
        );
    }

    #[test]
    fn code_links_and_structure_survive() {
        let source = "# Our *solar* project\n\n\
                      > We read [the guide](https://example.org/guide_v2?a=1) first.\n\
                      > Then we measured.\n\n\
                      - Ask @ana_b about `inverter_config` today.\n\
                      - See <https://pontis.example/t/42> or https://example.org/x_y.\n\n\
                      ```rust\nlet power = panels * 0.2; // Not translated.\n```\n\n\
                      | Panel | Watts |\n|---|---|\n| Roof | Two hundred |\n\n\
                      Great work 🎉🌞 everyone.\n";
        let doc = segment_markdown(source);
        for segment in &doc.segments {
            assert!(!segment.contains("https://"), "{segment}");
            assert!(!segment.contains("@ana_b"), "{segment}");
            assert!(!segment.contains("inverter_config"), "{segment}");
            assert!(!segment.contains("panels *"), "{segment}");
            assert!(!segment.contains('🎉'), "{segment}");
        }
        let rendered = doc.render(&shout(&doc.segments));
        assert_eq!(structure(&rendered), structure(source), "{rendered}");
        for kept in [
            "(https://example.org/guide_v2?a=1)",
            "<https://pontis.example/t/42>",
            "https://example.org/x_y.",
            "@ana_b",
            "`inverter_config`",
            "```rust\nlet power = panels * 0.2; // Not translated.\n```",
            "🎉🌞",
        ] {
            assert!(rendered.contains(kept), "{kept} missing from {rendered}");
        }
        assert!(rendered.contains("WE MEASURED."), "{rendered}");
        assert!(rendered.contains("TWO HUNDRED"), "{rendered}");
    }

    fn marks(segment: &str) -> Vec<Mark> {
        segment.chars().filter_map(Mark::of).collect()
    }

    #[test]
    fn inline_markup_stays_inside_its_sentence() {
        let source = "Los resultados son buenos: **cuatro paneles** producen mucha electricidad.";
        let doc = segment_markdown(source);
        assert_eq!(doc.segments.len(), 1, "{:?}", doc.segments);
        assert_eq!(marks(&doc.segments[0]), [Mark::Open(0), Mark::Close(0)]);
        assert_eq!(
            markup::strip(&doc.segments[0]),
            "Los resultados son buenos: cuatro paneles producen mucha electricidad."
        );
        assert_eq!(
            doc.render(&doc.segments),
            source,
            "untranslated, it is the source"
        );
        let (o, c) = (Mark::Open(0).char(), Mark::Close(0).char());
        assert_eq!(
            doc.render(&[format!(
                "The results are good: {o}four panels{c} produce power."
            )]),
            "The results are good: **four panels** produce power."
        );
    }

    #[test]
    fn each_sentence_numbers_its_own_marks() {
        let source = "See `a` and [this](https://x.org/1 \"T\"). Then *run* `b` ~~now~~ @li.";
        let doc = segment_markdown(source);
        assert_eq!(doc.segments.len(), 2, "{:?}", doc.segments);
        assert_eq!(
            marks(&doc.segments[0]),
            [Mark::Atom(0), Mark::Open(0), Mark::Close(0)]
        );
        assert_eq!(
            marks(&doc.segments[1]),
            [
                Mark::Open(0),
                Mark::Close(0),
                Mark::Atom(0),
                Mark::Open(1),
                Mark::Close(1),
                Mark::Atom(1)
            ]
        );
        assert_eq!(doc.render(&doc.segments), source);
    }

    #[test]
    fn markup_around_whole_sentences_is_kept_outside_them() {
        let source = "**Whole sentence.** And *one. Two.* `code` first, then words.";
        let doc = segment_markdown(source);
        // Emphasis across two sentences cannot be a mark of either: it cuts them.
        assert_eq!(
            doc.segments,
            [
                "Whole sentence.",
                "And",
                "one.",
                "Two.",
                "first, then words."
            ]
        );
        assert_eq!(doc.render(&doc.segments), source);
    }

    #[test]
    fn a_hard_line_break_ends_a_sentence() {
        let source = "Roses are **red  \nviolets** are blue\\\nand so *are you*.";
        let doc = segment_markdown(source);
        assert_eq!(
            doc.segments
                .iter()
                .map(|s| markup::strip(s))
                .collect::<Vec<_>>(),
            ["Roses are", "red", "violets", "are blue", "and so are you."]
        );
        assert_eq!(doc.render(&doc.segments), source);
    }

    #[test]
    fn what_a_translation_loses_is_added_back_or_dropped_whole() {
        let doc = segment_markdown("Run `make` with [the guide](https://x.org) **now** please.");
        let (o0, c0, o1) = (
            Mark::Open(0).char(),
            Mark::Close(0).char(),
            Mark::Open(1).char(),
        );
        // The code and the link lost, the bold's close repeated, a stray open.
        let rendered = doc.render(&[format!("Ejecuta con {o1}ahora{c0} {o0}por favor.")]);
        assert_eq!(
            rendered,
            "Ejecuta con ahora por favor. `make` [the guide](https://x.org)"
        );
        assert!(!markup::has_marks(&rendered));
    }

    #[test]
    fn text_that_looks_like_marks_is_kept_as_written() {
        let source = format!("Odd {} char here.", Mark::Open(3).char());
        let doc = segment_markdown(&source);
        assert_eq!(marks(&doc.segments[0]), [Mark::Atom(0)]);
        assert_eq!(doc.render(&doc.segments), source);
    }

    /// Random documents from pieces of Markdown that trip parsers: segmenting never
    /// panics, and no translation, however garbled, lets a mark through to the reader.
    #[test]
    fn random_markdown_never_panics_or_leaks_marks() {
        let pieces = [
            "word",
            "Casa",
            "é",
            "中文",
            "**",
            "*",
            "_",
            "__",
            "`code`",
            "``a`b``",
            "[text](http://x.org/a_b)",
            "[t **b**](u \"T\")",
            "![img](p.png)",
            "<https://x.org>",
            "@ana_b",
            "https://u.rl/x.",
            "  \n",
            "\n",
            "\n\n",
            "# ",
            "> ",
            "- ",
            "1. ",
            "🎉",
            "\\*",
            "&amp;",
            "|",
            "~~",
            ".",
            "!",
            "?",
            " ",
            "<b>",
            "</b>",
            "\\\n",
            "```\ncode\n```\n",
            "[^1]",
            "- [ ] ",
            "| a | b |\n|---|---|\n| c | d |\n",
        ];
        let mut state: u64 = 0x1234_5678;
        let mut next = || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            usize::try_from(state >> 33).unwrap_or_default()
        };
        let garbled = "\u{E000}x\u{E105}\u{E2FF}y\u{E100}\u{E200}".to_owned();
        for _ in 0..20_000 {
            let doc: String = (0..1 + next() % 25)
                .map(|_| pieces[next() % pieces.len()])
                .collect();
            let segmented = segment_markdown(&doc);
            for translations in [
                segmented.segments.clone(),
                shout(&segmented.segments),
                vec![garbled.clone(); segmented.segments.len()],
                Vec::new(),
            ] {
                let out = segmented.render(&translations);
                assert!(!markup::has_marks(&out), "{doc:?} → {out:?}");
            }
        }
    }

    #[test]
    fn translations_cannot_add_structure() {
        let doc = segment_markdown("Plain words here.");
        let rendered =
            doc.render(&["*Not* emphasis, `not code`, [no](link) # nor heading".to_owned()]);
        assert_eq!(
            structure(&rendered),
            structure("Plain words here."),
            "{rendered}"
        );
    }

    #[test]
    fn titles_are_plain_text() {
        let doc = segment_plain("Energía solar: ¿cuánto *cuesta*?");
        assert_eq!(doc.segments, ["Energía solar: ¿cuánto *cuesta*?"]);
        assert_eq!(
            doc.render(&["Solar energy: how much *does it cost*?".into()]),
            "Solar energy: how much *does it cost*?"
        );
    }

    #[test]
    fn nothing_to_translate_in_code_only_posts() {
        let doc = segment_markdown("```\nfn main() {}\n```\n");
        assert!(doc.segments.is_empty());
        assert_eq!(doc.render(&[]), "```\nfn main() {}\n```\n");
    }

    fn class_terms() -> Steering {
        use pontis_types::JobTerm;
        Steering::new(
            &[
                JobTerm {
                    term: "Luz Verde".into(),
                    translation: None,
                },
                JobTerm {
                    term: "paneles solares".into(),
                    translation: Some("solar *panels*".into()),
                },
            ],
            &[],
        )
    }

    #[test]
    fn glossary_terms_are_spans_whose_words_give_way_to_the_term() {
        let doc = segment_markdown_steered(
            "El proyecto Luz Verde usa Paneles solares. Luz Verde gana.",
            &class_terms(),
        );
        let (o, c) = (|id| Mark::Open(id).char(), |id| Mark::Close(id).char());
        assert_eq!(
            doc.segments,
            [
                format!(
                    "El proyecto {}Luz Verde{} usa {}Paneles solares{}.",
                    o(128),
                    c(128),
                    o(129),
                    c(129)
                ),
                format!("{}Luz Verde{} gana.", o(128), c(128)),
            ],
            "numbered apart from markup, and with its sentence even at its start"
        );
        assert_eq!(
            doc.source_text(0),
            "El proyecto Luz Verde usa Paneles solares."
        );
        let translated = format!(
            "The project {}Luz Green{} uses {}solar signposts{}.",
            o(128),
            c(128),
            o(129),
            c(129)
        );
        assert_eq!(
            doc.translated_text(0, &translated),
            "The project Luz Verde uses solar *panels*."
        );
        let wins = format!("{}Light Green{} wins.", o(128), c(128));
        assert_eq!(
            doc.render(&[translated, wins.clone()]),
            "The project Luz Verde uses solar \\*panels\\*. Luz Verde wins."
        );
        // A model sees each term as an atom, placed by position, and turned back.
        let lifted = markup::terms_as_atoms(&doc.segments[0]);
        assert_eq!(markup::strip(&lifted), "El proyecto usa.");
        let placed = markup::atoms_as_terms(&markup::place(&lifted, "The project uses."));
        assert_eq!(
            doc.render(&[placed, wins]),
            "The project Luz Verde uses solar \\*panels\\*. Luz Verde wins."
        );
        // A title is plain text: nothing escaped.
        let title = segment_plain_steered("Los paneles solares", &class_terms());
        assert_eq!(
            title.render(&[format!("The {}solar signposts{}", o(128), c(128))]),
            "The solar *panels*"
        );
    }

    #[test]
    fn a_correction_is_rendered_as_written_keeping_what_it_leaves_out() {
        let doc = segment_markdown("Mira `datos.csv` y [la guía](https://example.org) hoy.");
        let rendered = doc.render_corrected(&["Look at the *guide* today.".into()], &[true]);
        assert_eq!(
            rendered,
            "Look at the \\*guide\\* today. `datos.csv` [la guía](https://example.org)"
        );
        let mentions_it = doc.render_corrected(&["Open datos.csv today.".into()], &[true]);
        assert_eq!(
            mentions_it,
            "Open datos.csv today. [la guía](https://example.org)"
        );
    }
}

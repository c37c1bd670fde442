//! Splits a post's Markdown into the sentences an engine translates, and puts the
//! translations back. Only prose is translated: code, link targets, autolinks, HTML,
//! @mentions, bare URLs and emoji stay as they were, and every byte of Markdown syntax is
//! kept, so the result has the same structure as the source.

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};
use unicode_segmentation::UnicodeSegmentation;

/// A text cut into segments to translate and the parts kept as they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segmented {
    parts: Vec<Part>,
    /// The sentences to translate, in order.
    pub segments: Vec<String>,
    /// Translations are escaped so that they cannot add Markdown structure.
    markdown: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Keep(String),
    Segment(usize),
}

impl Segmented {
    /// Puts `translations` (one per segment, in order) in place of the segments.
    pub fn render(&self, translations: &[String]) -> String {
        let mut out = String::new();
        for part in &self.parts {
            match part {
                Part::Keep(text) => out.push_str(text),
                Part::Segment(i) => {
                    let text = translations.get(*i).map_or("", String::as_str);
                    if self.markdown {
                        out.push_str(&escape_markdown(text));
                    } else {
                        out.push_str(text);
                    }
                }
            }
        }
        out
    }
}

pub fn markdown_options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS
}

/// Segments a Markdown post body.
pub fn segment_markdown(source: &str) -> Segmented {
    let mut builder = Builder {
        markdown: true,
        ..Builder::default()
    };
    let mut cursor = 0;
    for (range, text) in prose_runs(source) {
        builder.keep(&source[cursor..range.start]);
        builder.prose(&text);
        cursor = range.end;
    }
    builder.keep(&source[cursor..]);
    builder.finish()
}

/// Segments plain text, such as a thread title.
pub fn segment_plain(text: &str) -> Segmented {
    let mut builder = Builder::default();
    builder.prose(text);
    builder.finish()
}

/// Runs of consecutive text in the source, outside code and autolinks: the byte range they
/// cover and their text, unescaped, with soft line breaks as spaces.
fn prose_runs(source: &str) -> Vec<(Range<usize>, String)> {
    let mut runs = Vec::new();
    let mut current: Option<(Range<usize>, String)> = None;
    let mut verbatim_depth = 0usize;
    for (event, range) in Parser::new_ext(source, markdown_options()).into_offset_iter() {
        match &event {
            Event::Start(Tag::CodeBlock(_))
            | Event::Start(Tag::Link {
                link_type: LinkType::Autolink | LinkType::Email,
                ..
            }) => verbatim_depth += 1,
            Event::End(TagEnd::CodeBlock) => verbatim_depth = verbatim_depth.saturating_sub(1),
            Event::End(TagEnd::Link) if verbatim_depth > 0 => verbatim_depth -= 1,
            _ => {}
        }
        let piece = match (&event, verbatim_depth) {
            (Event::Text(text), 0) => Some(text.to_string()),
            (Event::SoftBreak, 0) if current.is_some() => Some(" ".to_owned()),
            _ => None,
        };
        match piece {
            Some(text) => match current.as_mut() {
                Some((run, joined)) => {
                    run.end = range.end;
                    joined.push_str(&text);
                }
                None => current = Some((range, text)),
            },
            None => runs.extend(current.take()),
        }
    }
    runs.extend(current);
    runs
}

#[derive(Default)]
struct Builder {
    parts: Vec<Part>,
    segments: Vec<String>,
    markdown: bool,
}

impl Builder {
    fn keep(&mut self, raw: &str) {
        if raw.is_empty() {
            return;
        }
        match self.parts.last_mut() {
            Some(Part::Keep(text)) => text.push_str(raw),
            _ => self.parts.push(Part::Keep(raw.to_owned())),
        }
    }

    /// Unescaped prose: mentions, URLs and emoji are kept; the sentences between them
    /// become segments.
    fn prose(&mut self, text: &str) {
        for (token, translate) in split_untranslatable(text) {
            if !translate {
                // Mentions, URLs and emoji go back exactly as written.
                self.keep(token);
                continue;
            }
            for sentence in token.split_sentence_bounds() {
                let trimmed = sentence.trim();
                if trimmed.is_empty() || !trimmed.chars().any(char::is_alphabetic) {
                    self.keep_text(sentence);
                    continue;
                }
                let start = sentence.len() - sentence.trim_start().len();
                let end = start + trimmed.len();
                self.keep(&sentence[..start]);
                self.parts.push(Part::Segment(self.segments.len()));
                self.segments.push(trimmed.to_owned());
                self.keep(&sentence[end..]);
            }
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

    fn finish(self) -> Segmented {
        Segmented {
            parts: self.parts,
            segments: self.segments,
            markdown: self.markdown,
        }
    }
}

/// Splits text into (token, translate?) pieces: @mentions, bare URLs and emoji are not
/// translated; everything between them is.
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
}

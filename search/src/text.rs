//! The text that is indexed: a post body's words without its Markdown syntax, so that
//! snippets read as prose and link targets do not match words.

use pulldown_cmark::{Event, Parser, TagEnd};

use crate::DocumentKind;

/// Plain text of a document: Markdown bodies are flattened, titles are already plain.
pub fn indexed_text(kind: DocumentKind, text: &str) -> String {
    match kind {
        DocumentKind::Body => markdown_to_plain(text),
        DocumentKind::Title => text.to_owned(),
    }
}

/// Words of prose and code, with blocks separated by newlines; link targets, image
/// addresses and raw HTML are left out.
pub fn markdown_to_plain(markdown: &str) -> String {
    let mut plain = String::with_capacity(markdown.len());
    for event in Parser::new(markdown) {
        match event {
            Event::Text(text) | Event::Code(text) => plain.push_str(&text),
            Event::SoftBreak | Event::HardBreak => plain.push(' '),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::CodeBlock
                | TagEnd::TableCell
                | TagEnd::BlockQuote(_),
            ) => plain.push('\n'),
            _ => {}
        }
    }
    plain.trim_end().to_owned()
}

/// Byte ranges of `text` as character ranges, for clients that count characters.
pub fn char_ranges(
    text: &str,
    byte_ranges: impl IntoIterator<Item = std::ops::Range<usize>>,
) -> Vec<std::ops::Range<usize>> {
    let to_chars = |byte: usize| text.get(..byte).map_or(0, |prefix| prefix.chars().count());
    byte_ranges
        .into_iter()
        .map(|r| to_chars(r.start)..to_chars(r.end))
        .filter(|r| r.start < r.end)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_syntax_and_link_targets_are_not_indexed() {
        let plain = markdown_to_plain(
            "# Solar *panels*\n\nSee [the plan](https://example.org/x) and `code`.\n\n- one\n- two",
        );
        assert_eq!(plain, "Solar panels\nSee the plan and code.\none\ntwo");
    }

    #[test]
    fn byte_ranges_become_character_ranges() {
        let text = "énergie solaire";
        let solaire = 9..16;
        let in_chars = 8..15;
        assert_eq!(char_ranges(text, std::iter::once(solaire)), vec![in_chars]);
    }
}

//! What a post's Markdown says to notifications: whom it mentions, which posts it quotes,
//! and a short plain-text excerpt. Code spans and code blocks mention nobody.

use pontis_types::limits;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// How long an excerpt may be, in characters, before it is cut with "…".
pub const EXCERPT_CHARS: usize = 200;

/// Handles written as `@handle` in the text (not in code), lowercased, each once.
pub fn mentions(markdown: &str) -> Vec<String> {
    let mut found = Vec::new();
    for text in prose(markdown) {
        let chars: Vec<char> = text.chars().collect();
        for (i, c) in chars.iter().enumerate() {
            let starts_word = i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
            if *c != '@' || !starts_word {
                continue;
            }
            let handle: String = chars[i + 1..]
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric() || **c == '_')
                .collect::<String>()
                .to_lowercase();
            if (limits::HANDLE_MIN..=limits::HANDLE_MAX).contains(&handle.len())
                && !found.contains(&handle)
            {
                found.push(handle);
            }
        }
    }
    found
}

/// Posts the text links to as `#post-ID` (how the page's "Quote" names its source).
pub fn quoted_posts(markdown: &str) -> Vec<i64> {
    let mut found = Vec::new();
    for event in Parser::new(markdown) {
        if let Event::Start(Tag::Link { dest_url, .. }) = event
            && let Some(id) = dest_url
                .rsplit_once("#post-")
                .and_then(|(_, id)| id.parse::<i64>().ok())
            && !found.contains(&id)
        {
            found.push(id);
        }
    }
    found
}

/// The text without its markup, whitespace folded, cut at `EXCERPT_CHARS`.
pub fn excerpt(markdown: &str) -> String {
    let mut plain = String::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Text(text) | Event::Code(text) => plain.push_str(&text),
            Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::Paragraph) => plain.push(' '),
            _ => {}
        }
    }
    let folded = plain.split_whitespace().collect::<Vec<_>>().join(" ");
    if folded.chars().count() <= EXCERPT_CHARS {
        return folded;
    }
    let cut: String = folded.chars().take(EXCERPT_CHARS - 1).collect();
    format!("{}…", cut.trim_end())
}

/// The text runs outside code and links (a quote's `[@ana](#post-7)` credits its source
/// without mentioning her twice).
fn prose(markdown: &str) -> Vec<String> {
    let mut runs = Vec::new();
    let (mut in_code_block, mut in_link) = (false, 0usize);
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_code_block = true,
            Event::End(TagEnd::CodeBlock) => in_code_block = false,
            Event::Start(Tag::Link { .. }) => in_link += 1,
            Event::End(TagEnd::Link) => in_link = in_link.saturating_sub(1),
            Event::Text(text) if !in_code_block && in_link == 0 => runs.push(text.into_string()),
            _ => {}
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_are_words_outside_code() {
        assert_eq!(
            mentions("Hi @Ana_1 and @bo, see `@carla` [@fer](#post-1) x@dani.org\n\n    @eve\n"),
            vec!["ana_1".to_owned()]
        );
        assert_eq!(mentions("@ana @ana (@luis)"), vec!["ana", "luis"]);
    }

    #[test]
    fn quotes_are_links_to_posts() {
        assert_eq!(
            quoted_posts(
                "> said so\n> — [@ana](#post-12)\n\n[again](/threads/3#post-12) [x](#post-x)"
            ),
            vec![12]
        );
    }

    #[test]
    fn excerpts_drop_markup_and_are_cut() {
        assert_eq!(
            excerpt("**Bold** and `code`\n\n- item"),
            "Bold and code item"
        );
        let long = "word ".repeat(100);
        let cut = excerpt(&long);
        assert_eq!(cut.chars().count(), EXCERPT_CHARS);
        assert!(cut.ends_with('…'));
    }
}

//! Markdown to HTML that is safe to put in a page: pulldown-cmark renders, ammonia keeps
//! only harmless tags and attributes (no script, style, event handler or `javascript:`).

use std::sync::LazyLock;

use pulldown_cmark::{Options, Parser, html};

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::default();
    // Posts link anywhere; search engines should not credit those links to the school,
    // and opened pages must not reach back into ours.
    builder.link_rel(Some("nofollow noopener noreferrer"));
    builder
});

/// Renders a post's Markdown to sanitized HTML.
pub fn to_html(markdown: &str) -> String {
    let parser = Parser::new_ext(
        markdown,
        Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS,
    );
    let mut raw = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut raw, parser);
    SANITIZER.clean(&raw).to_string()
}

#[cfg(test)]
mod tests {
    use super::to_html;

    #[test]
    fn renders_markdown() {
        assert_eq!(to_html("**hola**"), "<p><strong>hola</strong></p>\n");
    }

    #[test]
    fn strips_scripts_styles_handlers_and_javascript_links() {
        let html = to_html(
            "<script>alert(1)</script><style>p{}</style>\
             <img src=x onerror=\"alert(2)\">\n\n[click](javascript:alert(3)) \
             <a href=\"https://example.org\" onclick=\"x()\">ok</a>",
        );
        for bad in [
            "<script",
            "alert(1)",
            "<style",
            "onerror",
            "javascript:",
            "onclick",
        ] {
            assert!(!html.contains(bad), "{bad} survived: {html}");
        }
        assert!(
            html.contains("rel=\"nofollow noopener noreferrer\""),
            "{html}"
        );
    }
}

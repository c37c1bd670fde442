//! Markdown to HTML that is safe to put in a page: pulldown-cmark renders, ammonia keeps
//! only harmless tags and attributes (no script, style, event handler or `javascript:`).
//! Nothing in a post makes the reader's browser load from another site: an image from
//! elsewhere would tell its owner who read the thread and when, so it becomes a link.

use std::sync::LazyLock;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd, html};

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::default();
    // Posts link anywhere; search engines should not credit those links to the school,
    // and opened pages must not reach back into ours.
    builder.link_rel(Some("nofollow noopener noreferrer"));
    // Raw `<img>` in a post: only images of this site keep their source.
    builder.attribute_filter(|element, attribute, value| {
        if element == "img" && attribute == "src" && !is_local(value) {
            None
        } else {
            Some(value.into())
        }
    });
    builder
});

/// A path on this site (not `//host`, which browsers read as another site).
fn is_local(url: &str) -> bool {
    url.starts_with('/') && !url.starts_with("//") && !url.contains('\\')
}

/// Renders a post's Markdown to sanitized HTML.
pub fn to_html(markdown: &str) -> String {
    let parser = Parser::new_ext(
        markdown,
        Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS,
    );
    let mut raw = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut raw, remote_images_as_links(parser));
    SANITIZER.clean(&raw).to_string()
}

/// Turns `![alt](https://elsewhere/x.png)` into `[alt](https://elsewhere/x.png)`; with no
/// alt text the address is the link's text.
fn remote_images_as_links<'a>(
    events: impl Iterator<Item = Event<'a>>,
) -> impl Iterator<Item = Event<'a>> {
    // Per open image: its address when it became a link, and whether it had text.
    let mut open: Vec<(Option<CowStr<'a>>, bool)> = Vec::new();
    events.flat_map(move |event| match event {
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) if !is_local(&dest_url) => {
            open.push((Some(dest_url.clone()), false));
            vec![Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            })]
        }
        Event::Start(Tag::Image { .. }) => {
            open.push((None, false));
            vec![event]
        }
        Event::End(TagEnd::Image) => match open.pop() {
            Some((Some(url), false)) => vec![Event::Text(url), Event::End(TagEnd::Link)],
            Some((Some(_), true)) => vec![Event::End(TagEnd::Link)],
            _ => vec![event],
        },
        other => {
            if let Some(top) = open.last_mut() {
                top.1 = true;
            }
            vec![other]
        }
    })
}

#[cfg(test)]
mod tests {
    use super::to_html;

    #[test]
    fn renders_markdown() {
        assert_eq!(to_html("**hola**"), "<p><strong>hola</strong></p>\n");
    }

    #[test]
    fn images_from_elsewhere_become_links_and_local_ones_stay() {
        let html = to_html(
            "![x](https://tracker.example/p.png) ![](//tracker.example/q.png) \
             <img src=\"https://tracker.example/r.png\" alt=\"r\"> ![logo](/static/icon.svg)",
        );
        assert!(!html.contains("<img src=\"https:"), "{html}");
        assert!(!html.contains("src=\"//"), "{html}");
        assert!(
            html.contains("<a href=\"https://tracker.example/p.png\" rel=\"nofollow noopener noreferrer\">x</a>"),
            "{html}"
        );
        assert!(
            html.contains(">//tracker.example/q.png</a>"),
            "an image with no alt text links with its address: {html}"
        );
        assert!(
            html.contains("<img src=\"/static/icon.svg\" alt=\"logo\">"),
            "{html}"
        );
        assert_eq!(html.matches("<img").count(), 2, "{html}");
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

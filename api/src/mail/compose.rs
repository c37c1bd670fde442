//! One outbox message as an email: in the recipient's UI language (Fluent, `email.ftl`),
//! the post in their reading language as the outbox found it, a plain-text and an HTML
//! part (templates `email/*.txt` and `email/*.html`; the HTML escapes everything and the
//! post goes through the page's Markdown sanitizer), links to the forum, and the one-click
//! unsubscribe headers of RFC 8058.

use std::sync::Arc;

use fluent_bundle::{FluentArgs, FluentValue};
use lettre::Message;
use lettre::message::header::{HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart};
use pontis_frontend::{Localizer, Pages, markdown};
use pontis_models::notifications::outbox::{Content, Item, Outgoing};
use pontis_types::NotificationKind;
use serde_json::{Value, json};
use unic_langid::LanguageIdentifier;

#[derive(Debug, thiserror::Error)]
pub enum ComposeError {
    #[error("recipient address: {0}")]
    Address(#[from] lettre::address::AddressError),
    #[error(transparent)]
    Render(#[from] pontis_frontend::PageError),
    #[error("building the message: {0}")]
    Build(#[from] lettre::error::Error),
}

pub struct Composer {
    localizer: Arc<Localizer>,
    pages: Pages,
    /// The forum's address, without a trailing slash.
    public_url: String,
    /// Its host: the right-hand side of every Message-ID.
    host: String,
    from: Mailbox,
}

impl Composer {
    pub fn new(
        localizer: Arc<Localizer>,
        public_url: String,
        host: String,
        from: Mailbox,
    ) -> Result<Self, pontis_frontend::PageError> {
        Ok(Self {
            pages: Pages::new(Arc::clone(&localizer))?,
            localizer,
            public_url,
            host,
            from,
        })
    }

    pub fn message(&self, out: &Outgoing) -> Result<Message, ComposeError> {
        let to = out.recipient.address.parse()?;
        let lang = self.localizer.negotiate([out.recipient.locale.as_str()]);
        let (subject, template, context) = match &out.content {
            Content::Notification(item) => {
                let item = self.item(&lang, item);
                let subject = item["headline"].as_str().unwrap_or_default().to_owned();
                (subject, "notices", self.notices(out, false, vec![item]))
            }
            Content::Digest(items) => {
                let mut args = FluentArgs::new();
                args.set("count", FluentValue::from(items.len()));
                let subject = self.text(&lang, "email-digest-subject", &args);
                let items = items.iter().map(|i| self.item(&lang, i)).collect();
                (subject, "notices", self.notices(out, true, items))
            }
            Content::Confirm { token } => (
                self.text(&lang, "email-confirm-subject", &FluentArgs::new()),
                "confirm",
                json!({
                    "handle": out.recipient.handle,
                    "address": out.recipient.address,
                    "confirm_url": format!("{}/email/confirm/{token}", self.public_url),
                }),
            ),
        };
        let mut context = context;
        if let Some(object) = context.as_object_mut() {
            object.insert("subject".into(), subject.clone().into());
        }
        let plain = self
            .pages
            .render(&format!("email/{template}.txt"), &context, &lang)?;
        let html = self
            .pages
            .render(&format!("email/{template}.html"), &context, &lang)?;
        let mut builder = Message::builder()
            .from(self.from.clone())
            .to(Mailbox::new(None, to))
            .subject(subject)
            // The same on every try: a message sent twice is recognized as one.
            .message_id(Some(format!("<{}@{}>", out.message_id, self.host)))
            .raw_header(header("Content-Language", lang.to_string()))
            // RFC 3834: no vacation or out-of-office replies to the forum.
            .raw_header(header("Auto-Submitted", "auto-generated".into()));
        if let Some(token) = &out.recipient.unsubscribe_token {
            builder = builder
                .raw_header(header(
                    "List-Unsubscribe",
                    format!("<{}>", self.unsubscribe_url(token)),
                ))
                .raw_header(header(
                    "List-Unsubscribe-Post",
                    "List-Unsubscribe=One-Click".into(),
                ));
        }
        Ok(builder.multipart(MultiPart::alternative_plain_html(plain, html))?)
    }

    fn unsubscribe_url(&self, token: &str) -> String {
        format!("{}/unsubscribe/{token}", self.public_url)
    }

    /// The context of `email/notices.*`: one notification, or a digest of several.
    fn notices(&self, out: &Outgoing, digest: bool, items: Vec<Value>) -> Value {
        let recipient = &out.recipient;
        let name = if recipient.display_name.trim().is_empty() {
            format!("@{}", recipient.handle)
        } else {
            recipient.display_name.clone()
        };
        json!({
            "digest": digest,
            "name": name,
            "items": items,
            "settings_url": format!("{}/me", self.public_url),
            "unsubscribe_url": recipient
                .unsubscribe_token
                .as_deref()
                .map(|token| self.unsubscribe_url(token)),
        })
    }

    /// One notification as the templates show it.
    fn item(&self, lang: &LanguageIdentifier, item: &Item) -> Value {
        let n = &item.notification;
        let actor = match &n.actor {
            Some(actor) if !actor.display_name.trim().is_empty() => actor.display_name.clone(),
            Some(actor) => format!("@{}", actor.handle),
            None => self.text(lang, "email-someone", &FluentArgs::new()),
        };
        let mut args = FluentArgs::new();
        args.set("actor", FluentValue::from(actor));
        args.set(
            "thread",
            FluentValue::from(n.thread_title.clone().unwrap_or_default()),
        );
        args.set("space", FluentValue::from(n.space_name.clone()));
        let headline = self.text(lang, &headline_id(n.kind), &args);
        let thread_url = n.thread_id.map(|id| format!("{}/t/{id}", self.public_url));
        let link = match (n.kind, &thread_url, n.post_id) {
            (NotificationKind::MemberJoined, _, _) => {
                format!("{}/s/{}/members", self.public_url, n.space)
            }
            (_, Some(thread), Some(post)) => format!("{thread}#post-{post}"),
            (_, Some(thread), None) => thread.clone(),
            (_, None, _) => format!("{}/s/{}", self.public_url, n.space),
        };
        let text = item.text.as_ref().map(|text| {
            // Named in its own language only when it is not the reader's: an English post
            // for an English reader needs no note.
            let foreign = primary(&text.excerpt.lang) != lang.language.as_str();
            json!({
                "markdown": text.markdown,
                "html": self.html_of(&text.markdown, thread_url.as_deref()),
                "lang": text.excerpt.lang,
                "translated": text.excerpt.translated,
                "original": !text.excerpt.translated && foreign,
                "translation_late": text.translation_pending,
            })
        });
        json!({
            "kind": n.kind.as_str(),
            "headline": headline,
            "reason": n.reason,
            "link": link,
            "text": text,
        })
    }

    /// The post as sanitized HTML whose links work from a mailbox: paths on the forum
    /// and `#post-ID` quotes become full addresses.
    fn html_of(&self, text: &str, thread_url: Option<&str>) -> String {
        let html =
            markdown::to_html(text).replace("href=\"/", &format!("href=\"{}/", self.public_url));
        match thread_url {
            Some(thread) => html.replace("href=\"#", &format!("href=\"{thread}#")),
            None => html,
        }
    }

    fn text(&self, lang: &LanguageIdentifier, id: &str, args: &FluentArgs) -> String {
        let args = args.iter().next().is_some().then_some(args);
        self.localizer
            .format(lang, id, args)
            .unwrap_or_else(|| id.to_owned())
    }
}

/// `email-headline-post-hidden` for `post_hidden`.
fn headline_id(kind: NotificationKind) -> String {
    format!("email-headline-{}", kind.as_str().replace('_', "-"))
}

fn primary(tag: &str) -> &str {
    tag.split('-').next().unwrap_or(tag)
}

fn header(name: &'static str, value: String) -> HeaderValue {
    HeaderValue::new(HeaderName::new_from_ascii_str(name), value)
}

//! Who reads what: the language a reader reads a page in, and every language they read.

use pontis_types::lang::{self, same_language};

use crate::access::Actor;
use crate::accounts::languages_of;
use crate::db::AnyConnection;
use crate::error::{Error, Result};

/// The language a reader reads in, and every language they read.
pub(crate) struct Reading {
    /// In its translation form (`lang::translation_target`): `pt-BR` readers read `pt`.
    lang: String,
    reads: Vec<String>,
}

impl Reading {
    /// In `requested` only when given, else in the reader's own languages.
    pub(crate) fn of(
        conn: &mut AnyConnection,
        actor: &Actor,
        requested: Option<&str>,
    ) -> Result<Self> {
        if let Some(tag) = requested {
            let lang = lang::translation_target(&lang::normalize(tag)?);
            return Ok(Self {
                reads: vec![lang.clone()],
                lang,
            });
        }
        let reads = languages_of(conn, actor.user_id)?;
        let lang = reads
            .first()
            .map(|first| lang::translation_target(first))
            .ok_or_else(|| Error::Internal(format!("user {} reads no language", actor.user_id)))?;
        Ok(Self { lang, reads })
    }

    pub(crate) fn lang(&self) -> &str {
        &self.lang
    }

    pub(crate) fn needs_translation(&self, source_lang: &str) -> bool {
        !self.reads.iter().any(|l| same_language(l, source_lang))
    }
}

//! What a space's teachers steer translation with: its glossary (terms never translated,
//! terms with a fixed translation) and its approved corrections of whole sentences.
//!
//! Each glossary term found in a sentence becomes a span of its own
//! ([`crate::markup::TERM_SPANS`]) whose words give way to the term when the sentence is
//! rendered: a name comes out byte for byte, a term with a fixed translation as that
//! translation. Apertium carries the span on the term's words, so it still sees a word
//! where the term stands (a name as a sentence's subject keeps the verb's subject).
//! CTranslate2 models see the term as an atom, cut out of the sentence and put back by
//! position ([`crate::markup::terms_as_atoms`]): multilingual models drop or garble
//! in-sentence placeholders (CTranslate2#1798), CTranslate2 has no constrained decoding,
//! and its target prefix only forces a sentence's start; replacing the model's words
//! after the fact would need an alignment it does not give, and could lose a word.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::sync::LazyLock;

use pontis_types::{JobCorrection, JobTerm, LeasedJob};

use crate::markup;

/// One text's glossary and corrections, for one language pair.
#[derive(Debug, Clone, Default)]
pub struct Steering {
    /// Longest first, so that `panel solar` wins over `panel`.
    terms: Vec<Term>,
    /// The terms by their first character in lower case, longest first: at each word
    /// only the terms that can start there are tried.
    by_first: HashMap<char, Vec<usize>>,
    /// Source sentence (as [`crate::segment::Segmented::source_text`] gives it) →
    /// the teacher's translation.
    corrections: BTreeMap<String, String>,
}

#[derive(Debug, Clone)]
struct Term {
    chars: Vec<char>,
    /// Written with a capital: matches only as written (`Rosa`, not the colour `rosa`).
    exact_case: bool,
    /// The fixed translation; `None`: kept as written.
    output: Option<String>,
}

/// A glossary term found in a text: its bytes, and what it becomes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found<'a> {
    pub range: Range<usize>,
    /// The fixed translation; `None`: kept as written.
    pub output: Option<&'a str>,
}

static NONE: LazyLock<Steering> = LazyLock::new(Steering::default);

impl Steering {
    pub fn new(terms: &[JobTerm], corrections: &[JobCorrection]) -> Self {
        let mut terms: Vec<Term> = terms
            .iter()
            .filter(|t| t.term.chars().any(char::is_alphanumeric) && !markup::has_marks(&t.term))
            .map(|t| {
                let exact_case = t.term.chars().any(char::is_uppercase);
                Term {
                    chars: t.term.trim().chars().collect(),
                    exact_case,
                    output: t.translation.clone(),
                }
            })
            .collect();
        terms.sort_by_key(|t| std::cmp::Reverse(t.chars.len()));
        let mut by_first: HashMap<char, Vec<usize>> = HashMap::new();
        for (i, term) in terms.iter().enumerate() {
            if let Some(first) = term.chars.first() {
                by_first.entry(lower(*first)).or_default().push(i);
            }
        }
        Self {
            terms,
            by_first,
            corrections: corrections
                .iter()
                .map(|c| (c.source.clone(), c.translation.clone()))
                .collect(),
        }
    }

    /// What the server sent with a job.
    pub fn of(job: &LeasedJob) -> Self {
        Self::new(&job.glossary, &job.corrections)
    }

    /// No glossary, no corrections.
    pub fn none() -> &'static Steering {
        &NONE
    }

    pub fn has_corrections(&self) -> bool {
        !self.corrections.is_empty()
    }

    /// The teacher's translation of this source sentence, if there is one.
    pub fn correction(&self, source: &str) -> Option<&str> {
        self.corrections.get(source).map(String::as_str)
    }

    /// The glossary's terms in `text`, left to right, whole words, not overlapping; at
    /// one place the longest term wins.
    pub(crate) fn find_terms(&self, text: &str) -> Vec<Found<'_>> {
        let mut found = Vec::new();
        if self.terms.is_empty() {
            return found;
        }
        let mut at = 0;
        let mut previous: Option<char> = None;
        while at < text.len() {
            let rest = &text[at..];
            let Some(first) = rest.chars().next() else {
                break;
            };
            let starts_word = previous.is_none_or(|c| !c.is_alphanumeric());
            let matched = starts_word
                .then(|| self.by_first.get(&lower(first)))
                .flatten()
                .and_then(|candidates| {
                    candidates.iter().find_map(|i| {
                        let term = &self.terms[*i];
                        term.match_len(rest).map(|len| (term, len))
                    })
                });
            match matched {
                Some((term, len)) => {
                    found.push(Found {
                        range: at..at + len,
                        output: term.output.as_deref(),
                    });
                    previous = rest[..len].chars().next_back();
                    at += len;
                }
                None => {
                    previous = Some(first);
                    at += first.len_utf8();
                }
            }
        }
        found
    }
}

/// A character in lower case, when that is one character.
fn lower(c: char) -> char {
    let mut lowered = c.to_lowercase();
    match (lowered.next(), lowered.next()) {
        (Some(one), None) => one,
        _ => c,
    }
}

impl Term {
    /// The term's length in bytes, when `text` starts with it as whole words.
    fn match_len(&self, text: &str) -> Option<usize> {
        let mut chars = text.char_indices();
        for want in &self.chars {
            let (_, have) = chars.next()?;
            let same =
                have == *want || (!self.exact_case && have.to_lowercase().eq(want.to_lowercase()));
            if !same {
                return None;
            }
        }
        match chars.next() {
            Some((end, next)) if !next.is_alphanumeric() => Some(end),
            Some(_) => None,
            None => Some(text.len()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(list: &[(&str, Option<&str>)]) -> Steering {
        let terms: Vec<JobTerm> = list
            .iter()
            .map(|(term, translation)| JobTerm {
                term: (*term).to_owned(),
                translation: translation.map(str::to_owned),
            })
            .collect();
        Steering::new(&terms, &[])
    }

    fn found<'a>(steering: &Steering, text: &'a str) -> Vec<&'a str> {
        steering
            .find_terms(text)
            .into_iter()
            .map(|f| &text[f.range])
            .collect()
    }

    #[test]
    fn a_capitalised_term_matches_as_written_a_lower_case_one_in_any_case() {
        let s = terms(&[("Rosa", None), ("panel solar", Some("solar panel"))]);
        assert_eq!(
            found(&s, "Rosa pintó el panel rosa. Panel solar nuevo."),
            ["Rosa", "Panel solar"]
        );
    }

    #[test]
    fn terms_match_whole_words_longest_first() {
        let s = terms(&[
            ("sol", None),
            ("panel solar", Some("solar panel")),
            ("panel", None),
        ]);
        assert_eq!(
            found(&s, "El panel solar, el panel y el solar; sol, Soledad."),
            ["panel solar", "panel", "sol"]
        );
        assert!(found(&s, "paneles solares").is_empty());
    }
}

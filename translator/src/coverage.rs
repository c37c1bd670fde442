//! Which of the languages an instance's members read its engines connect, and what would
//! close the gaps: for `pontis models suggest` and the administrator's models page. Plans
//! routes over engines known by their pairs only (`Listed`), so nothing is loaded.

use std::sync::Arc;

use crate::engine::{Engine, EngineError, EngineKind, LangPair};
use crate::install::IndexEntry;
use crate::route::Router;

/// An engine known by its pairs: an installed model not loaded into memory, or a package
/// not installed yet. Routes are planned over it; it never translates.
pub struct Listed {
    kind: EngineKind,
    name: String,
    pairs: Vec<LangPair>,
}

impl Listed {
    pub fn new(kind: EngineKind, name: impl Into<String>, pairs: Vec<LangPair>) -> Self {
        Self {
            kind,
            name: name.into(),
            pairs,
        }
    }
}

impl Engine for Listed {
    fn kind(&self) -> EngineKind {
        self.kind
    }
    fn model(&self) -> &str {
        &self.name
    }
    fn pairs(&self) -> Vec<LangPair> {
        self.pairs.clone()
    }
    fn translate(&self, pair: &LangPair, _: &[String]) -> Result<Vec<String>, EngineError> {
        Err(EngineError::UnsupportedPair {
            engine: format!("{} (listed, not loaded)", self.name),
            pair: pair.clone(),
        })
    }
}

/// How one language reaches another: hops (0: no route), and through which models.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Cell {
    pub from: String,
    pub to: String,
    pub hops: usize,
    pub engine: String,
    pub model: String,
}

/// Every ordered pair of `languages`, row by row.
pub fn matrix(router: &Router, languages: &[String]) -> Vec<Vec<Cell>> {
    languages
        .iter()
        .map(|from| {
            languages
                .iter()
                .filter(|to| *to != from)
                .map(|to| {
                    let route = router.route(from, to);
                    Cell {
                        from: from.clone(),
                        to: to.clone(),
                        hops: route.as_ref().map_or(0, |r| r.hops.len()),
                        engine: route.as_ref().map(|r| r.engine()).unwrap_or_default(),
                        model: route.as_ref().map(|r| r.model()).unwrap_or_default(),
                    }
                })
                .collect()
        })
        .collect()
}

/// A language some readers read that posts in other languages cannot reach.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Gap {
    pub language: String,
    /// The languages read here whose posts no route carries into `language`.
    pub unreached_from: Vec<String>,
}

pub fn gaps(router: &Router, languages: &[String]) -> Vec<Gap> {
    languages
        .iter()
        .filter_map(|to| {
            let unreached_from: Vec<String> = languages
                .iter()
                .filter(|from| *from != to && router.route(from, to).is_none())
                .cloned()
                .collect();
            (!unreached_from.is_empty()).then(|| Gap {
                language: to.clone(),
                unreached_from,
            })
        })
        .collect()
}

/// The index's packages that would give `gap` routes, with how many of its missing
/// sources each would connect; most first, at most `limit`.
pub fn packages_for(
    router: &Router,
    gap: &Gap,
    index: &[IndexEntry],
    limit: usize,
) -> Vec<(String, usize)> {
    let mut found: Vec<(String, usize)> = index
        .iter()
        .filter_map(|entry| {
            let name = format!("{}-{}", entry.from_code, entry.to_code);
            let candidate: Arc<dyn Engine> = Arc::new(Listed::new(
                EngineKind::CTranslate2,
                name.clone(),
                vec![LangPair::new(&entry.from_code, &entry.to_code)],
            ));
            let mut engines = router.engines().to_vec();
            engines.push(candidate);
            let with = Router::new(engines).with_preferences(router.preferences().clone());
            let reached = gap
                .unreached_from
                .iter()
                .filter(|from| with.route(from, &gap.language).is_some())
                .count();
            (reached > 0).then_some((name, reached))
        })
        .collect();
    found.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    found.truncate(limit);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listed(kind: EngineKind, name: &str, pairs: &[(&str, &str)]) -> Arc<dyn Engine> {
        Arc::new(Listed::new(
            kind,
            name,
            pairs.iter().map(|(f, t)| LangPair::new(*f, *t)).collect(),
        ))
    }

    fn entry(from: &str, to: &str) -> IndexEntry {
        IndexEntry {
            from_code: from.into(),
            to_code: to.into(),
            links: vec![],
            package_version: None,
            sha256: None,
            size: None,
        }
    }

    #[test]
    fn gaps_and_the_packages_that_close_them() {
        let router = Router::new(vec![
            listed(
                EngineKind::Apertium,
                "eng-spa",
                &[("en", "es"), ("es", "en")],
            ),
            listed(EngineKind::Apertium, "fr-es", &[("fr", "es"), ("es", "fr")]),
        ]);
        let languages: Vec<String> = ["en", "es", "fr", "de"].map(String::from).into();
        let cells = matrix(&router, &languages);
        let en_fr = &cells[0][1];
        assert_eq!((en_fr.to.as_str(), en_fr.hops), ("fr", 2), "{en_fr:?}");
        assert_eq!(en_fr.model, "eng-spa+fr-es");
        let found = gaps(&router, &languages);
        assert_eq!(
            found,
            [
                Gap {
                    language: "en".into(),
                    unreached_from: vec!["de".into()]
                },
                Gap {
                    language: "es".into(),
                    unreached_from: vec!["de".into()]
                },
                Gap {
                    language: "fr".into(),
                    unreached_from: vec!["de".into()]
                },
                Gap {
                    language: "de".into(),
                    unreached_from: vec!["en".into(), "es".into(), "fr".into()]
                },
            ]
        );
        let index = [entry("en", "de"), entry("ja", "de"), entry("de", "en")];
        assert_eq!(
            packages_for(&router, &found[3], &index, 3),
            [("en-de".to_owned(), 3)],
            "en→de reaches German from English, and from Spanish and French through it"
        );
        assert_eq!(
            packages_for(&router, &found[0], &index, 3),
            [("de-en".to_owned(), 1)]
        );
    }
}

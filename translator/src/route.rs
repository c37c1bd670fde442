//! Which engines carry a text from one language to another: a direct model, or a pivot
//! through a third language (ca → es → en). Fewer hops win, then CTranslate2 over
//! Apertium.

use std::sync::Arc;

use pontis_types::lang::{same_language, translation_target};

use crate::engine::{Engine, EngineKind, LangPair};

/// One step of a route: an engine and the pair it translates, in its own tags.
#[derive(Clone)]
pub struct Hop {
    pub engine: Arc<dyn Engine>,
    pub pair: LangPair,
}

impl std::fmt::Debug for Hop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} {} ({})",
            self.engine.kind().as_str(),
            self.engine.model(),
            self.pair
        )
    }
}

#[derive(Debug, Clone)]
pub struct Route {
    pub hops: Vec<Hop>,
}

impl Route {
    /// The engine kinds and models along the route, as stored with a translation:
    /// `apertium` / `cat-spa+spa-eng`.
    pub fn engine(&self) -> String {
        let mut kinds: Vec<&str> = self.hops.iter().map(|h| h.engine.kind().as_str()).collect();
        kinds.dedup();
        kinds.join("+")
    }

    pub fn model(&self) -> String {
        self.hops
            .iter()
            .map(|h| h.engine.model())
            .collect::<Vec<_>>()
            .join("+")
    }
}

#[derive(Default, Clone)]
pub struct Router {
    engines: Vec<Arc<dyn Engine>>,
}

impl Router {
    pub fn new(engines: Vec<Arc<dyn Engine>>) -> Self {
        Self { engines }
    }

    pub fn engines(&self) -> &[Arc<dyn Engine>] {
        &self.engines
    }

    /// Every direct step the installed engines offer, best engine kind first.
    fn steps(&self) -> Vec<Hop> {
        let mut steps: Vec<Hop> = self
            .engines
            .iter()
            .flat_map(|engine| {
                engine.pairs().into_iter().map(|pair| Hop {
                    engine: Arc::clone(engine),
                    pair,
                })
            })
            .collect();
        steps.sort_by_key(|h| {
            (
                h.engine.kind() != EngineKind::CTranslate2,
                h.engine.model().to_owned(),
            )
        });
        steps
    }

    /// The best route from `from` to `to`, if any; at most one pivot. None between
    /// variants of one language (`en` and `en-US`): those readers read the text as it is.
    pub fn route(&self, from: &str, to: &str) -> Option<Route> {
        if same_language(from, to) {
            return None;
        }
        let steps = self.steps();
        if let Some(direct) = steps
            .iter()
            .find(|h| same_language(&h.pair.from, from) && same_language(&h.pair.to, to))
        {
            return Some(Route {
                hops: vec![direct.clone()],
            });
        }
        let score = |hops: &[&Hop]| {
            hops.iter()
                .filter(|h| h.engine.kind() != EngineKind::CTranslate2)
                .count()
        };
        steps
            .iter()
            .filter(|first| {
                same_language(&first.pair.from, from) && !same_language(&first.pair.to, to)
            })
            .flat_map(|first| {
                steps
                    .iter()
                    .filter(move |second| {
                        same_language(&second.pair.from, &first.pair.to)
                            && same_language(&second.pair.to, to)
                    })
                    .map(move |second| [first, second])
            })
            .min_by_key(|hops| score(hops))
            .map(|hops| Route {
                hops: hops.into_iter().cloned().collect(),
            })
    }

    /// Every language pair these engines connect, directly or through one pivot.
    /// Every reachable pair in the form jobs name languages (`lang::translation_target`):
    /// what a worker announces and leases by.
    pub fn route_forms(&self) -> Vec<(String, String)> {
        let mut forms: Vec<(String, String)> = self
            .reachable_pairs()
            .into_iter()
            .map(|(pair, _)| (translation_target(&pair.from), translation_target(&pair.to)))
            .collect();
        forms.sort();
        forms.dedup();
        forms
    }

    pub fn reachable_pairs(&self) -> Vec<(LangPair, Route)> {
        let mut languages: Vec<String> = self
            .steps()
            .iter()
            .flat_map(|h| [h.pair.from.clone(), h.pair.to.clone()])
            .collect();
        languages.sort();
        languages.dedup();
        let mut out = Vec::new();
        for from in &languages {
            for to in &languages {
                if let Some(route) = self.route(from, to) {
                    out.push((LangPair::new(from, to), route));
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::EngineError;

    struct Fake {
        kind: EngineKind,
        name: &'static str,
        pairs: Vec<LangPair>,
    }

    impl Engine for Fake {
        fn kind(&self) -> EngineKind {
            self.kind
        }
        fn model(&self) -> &str {
            self.name
        }
        fn pairs(&self) -> Vec<LangPair> {
            self.pairs.clone()
        }
        fn translate(&self, _: &LangPair, _: &[String]) -> Result<Vec<String>, EngineError> {
            unreachable!("routing never translates")
        }
    }

    fn engine(kind: EngineKind, name: &'static str, pairs: &[(&str, &str)]) -> Arc<dyn Engine> {
        Arc::new(Fake {
            kind,
            name,
            pairs: pairs.iter().map(|(f, t)| LangPair::new(*f, *t)).collect(),
        })
    }

    fn models(route: Option<Route>) -> Option<String> {
        route.map(|r| r.model())
    }

    #[test]
    fn prefers_direct_then_ctranslate2_then_fewer_apertium_hops() {
        let router = Router::new(vec![
            engine(EngineKind::Apertium, "cat-spa", &[("ca", "es")]),
            engine(EngineKind::Apertium, "spa-eng", &[("es", "en")]),
            engine(EngineKind::Apertium, "eng-spa", &[("en", "es")]),
            engine(EngineKind::CTranslate2, "opus-es-en", &[("es", "en")]),
            engine(EngineKind::Apertium, "es-pt_BR", &[("es", "pt-BR")]),
        ]);
        assert_eq!(
            models(router.route("es", "en")).as_deref(),
            Some("opus-es-en")
        );
        assert_eq!(
            models(router.route("ca", "en")).as_deref(),
            Some("cat-spa+opus-es-en")
        );
        assert_eq!(
            models(router.route("en", "pt")).as_deref(),
            Some("eng-spa+es-pt_BR"),
            "regions are ignored"
        );
        assert!(router.route("en", "ca").is_none());
        assert!(
            router.route("en", "en-US").is_none(),
            "variants of a language need no route"
        );
        assert!(router.route("de", "en").is_none());
    }

    #[test]
    fn multilingual_models_serve_every_pair_of_their_languages() {
        let router = Router::new(vec![engine(
            EngineKind::CTranslate2,
            "m2m",
            &[
                ("en", "de"),
                ("de", "en"),
                ("en", "es"),
                ("es", "en"),
                ("de", "es"),
                ("es", "de"),
            ],
        )]);
        assert_eq!(router.reachable_pairs().len(), 6);
    }
}

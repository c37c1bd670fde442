//! Which engines carry a text from one language to another: a direct model, or pivots
//! through up to two other languages (ro → es → en → de). Fewer hops win; among routes of
//! as many hops, the school's preferred models, then CTranslate2 over Apertium.

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use pontis_types::lang::{same_language, translation_target};

use crate::engine::{Engine, EngineKind, LangPair};

/// At most this many hops (two pivots): every hop loses some meaning, and a route of four
/// engines says less than no translation would.
pub const MAX_HOPS: usize = 3;

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

/// The model a school prefers for one direction (`translation.prefer` in the
/// configuration): `"de-en" = "opus-mt-de-en"`.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(
    try_from = "BTreeMap<String, String>",
    into = "BTreeMap<String, String>"
)]
pub struct Preferences {
    by_pair: Vec<(LangPair, String)>,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error(
    "`{0}` names no direction: write `from-to` (`de-en`), or `from>to` where a side has a \
     region (`pt-BR>en`)"
)]
pub struct InvalidDirection(pub String);

impl Preferences {
    /// From the configuration's table of direction → model name.
    pub fn parse(table: &BTreeMap<String, String>) -> Result<Self, InvalidDirection> {
        let mut by_pair = Vec::new();
        for (direction, model) in table {
            let invalid = || InvalidDirection(direction.clone());
            // A language tag may itself hold hyphens (pt-BR): `>` separates, or else the
            // direction is two plain tags with one hyphen between them.
            let (from, to) = match direction.split_once('>') {
                Some(sides) => sides,
                None if direction.matches('-').count() == 1 => {
                    direction.split_once('-').ok_or_else(invalid)?
                }
                None => return Err(invalid()),
            };
            let from = pontis_types::lang::normalize(from).map_err(|_| invalid())?;
            let to = pontis_types::lang::normalize(to).map_err(|_| invalid())?;
            by_pair.push((LangPair::new(from, to), model.trim().to_owned()));
        }
        Ok(Self { by_pair })
    }

    /// The preferred model for `pair`, if the school named one.
    pub fn model_for(&self, pair: &LangPair) -> Option<&str> {
        self.by_pair
            .iter()
            .find(|(p, _)| same_language(&p.from, &pair.from) && same_language(&p.to, &pair.to))
            .map(|(_, model)| model.as_str())
    }

    pub fn is_empty(&self) -> bool {
        self.by_pair.is_empty()
    }

    /// Each preference as `from-to → model`, for `pontis models routes`.
    pub fn entries(&self) -> impl Iterator<Item = (&LangPair, &str)> {
        self.by_pair
            .iter()
            .map(|(pair, model)| (pair, model.as_str()))
    }
}

impl TryFrom<BTreeMap<String, String>> for Preferences {
    type Error = InvalidDirection;

    fn try_from(table: BTreeMap<String, String>) -> Result<Self, InvalidDirection> {
        Self::parse(&table)
    }
}

impl From<Preferences> for BTreeMap<String, String> {
    fn from(preferences: Preferences) -> Self {
        preferences
            .by_pair
            .into_iter()
            .map(|(pair, model)| (format!("{}>{}", pair.from, pair.to), model))
            .collect()
    }
}

#[derive(Default, Clone)]
pub struct Router {
    engines: Vec<Arc<dyn Engine>>,
    preferences: Preferences,
    /// `reachable_pairs`, worked out once: every lease declares them.
    reachable: OnceLock<Vec<(LangPair, Route)>>,
}

impl Router {
    pub fn new(engines: Vec<Arc<dyn Engine>>) -> Self {
        Self {
            engines,
            preferences: Preferences::default(),
            reachable: OnceLock::new(),
        }
    }

    /// Routes prefer these models for their directions.
    pub fn with_preferences(mut self, preferences: Preferences) -> Self {
        self.preferences = preferences;
        self.reachable = OnceLock::new();
        self
    }

    pub fn engines(&self) -> &[Arc<dyn Engine>] {
        &self.engines
    }

    pub fn preferences(&self) -> &Preferences {
        &self.preferences
    }

    /// Every direct step the installed engines offer, in a stable order.
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
        steps.sort_by(|a, b| {
            (a.engine.model(), &a.pair.from, &a.pair.to).cmp(&(
                b.engine.model(),
                &b.pair.from,
                &b.pair.to,
            ))
        });
        steps
    }

    /// How good a route of a given length is, lower first: hops on a model the school
    /// prefers for another, then hops not on CTranslate2, then the models' names (so the
    /// choice never depends on the order engines were found in).
    ///
    /// A school's stated preference outranks the engine kind: it may have chosen an
    /// Apertium pair for a direction on purpose, and otherwise the preference could never
    /// pick one.
    fn rank(&self, hops: &[&Hop]) -> (usize, usize, String) {
        let not_preferred = hops
            .iter()
            .filter(|h| {
                self.preferences
                    .model_for(&h.pair)
                    .is_some_and(|model| model != h.engine.model())
            })
            .count();
        let not_ct2 = hops
            .iter()
            .filter(|h| h.engine.kind() != EngineKind::CTranslate2)
            .count();
        let models = hops
            .iter()
            .map(|h| h.engine.model())
            .collect::<Vec<_>>()
            .join("+");
        (not_preferred, not_ct2, models)
    }

    /// The best route from `from` to `to`, if any: the fewest hops (at most `MAX_HOPS`),
    /// never through a language twice. None between variants of one language (`en` and
    /// `en-US`): those readers read the text as it is.
    pub fn route(&self, from: &str, to: &str) -> Option<Route> {
        self.routes(from, to, 1).into_iter().next()
    }

    /// Up to `wanted` routes from `from` to `to`, best first, each on other models than
    /// the ones before it: where a text goes when the best route's translation fails.
    pub fn routes(&self, from: &str, to: &str, wanted: usize) -> Vec<Route> {
        let mut routes: Vec<Route> = Vec::new();
        if same_language(from, to) {
            return routes;
        }
        let steps = self.steps();
        for length in 1..=MAX_HOPS {
            let mut found: Vec<Vec<&Hop>> = Vec::new();
            let mut path = Vec::with_capacity(length);
            routes_of_length(&steps, from, to, length, &mut path, &mut found);
            found.sort_by_cached_key(|hops| self.rank(hops));
            for hops in found {
                if routes.len() == wanted {
                    return routes;
                }
                let route = Route {
                    hops: hops.into_iter().cloned().collect(),
                };
                if routes.iter().all(|r| r.model() != route.model()) {
                    routes.push(route);
                }
            }
        }
        routes
    }

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

    /// Every pair of languages some route connects, with its route.
    pub fn reachable_pairs(&self) -> Vec<(LangPair, Route)> {
        self.reachable
            .get_or_init(|| self.find_reachable_pairs())
            .clone()
    }

    fn find_reachable_pairs(&self) -> Vec<(LangPair, Route)> {
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

/// Every route of exactly `length` hops from `from` to `to` that visits no language twice,
/// extending `path` (the hops so far) into `found`.
fn routes_of_length<'a>(
    steps: &'a [Hop],
    from: &str,
    to: &str,
    length: usize,
    path: &mut Vec<&'a Hop>,
    found: &mut Vec<Vec<&'a Hop>>,
) {
    let here = path.last().map_or(from, |h| h.pair.to.as_str());
    let last = path.len() + 1 == length;
    for step in steps.iter().filter(|s| same_language(&s.pair.from, here)) {
        let next = step.pair.to.as_str();
        let visited =
            same_language(next, from) || path.iter().any(|h| same_language(&h.pair.to, next));
        if visited || same_language(next, to) != last {
            continue;
        }
        path.push(step);
        if last {
            found.push(path.clone());
        } else {
            routes_of_length(steps, from, to, length, path, found);
        }
        path.pop();
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
    fn two_pivots_only_when_nothing_shorter_exists() {
        let chain = vec![
            engine(EngineKind::Apertium, "ro-es", &[("ro", "es")]),
            engine(EngineKind::Apertium, "spa-eng", &[("es", "en")]),
            engine(EngineKind::CTranslate2, "opus-en-de", &[("en", "de")]),
            engine(EngineKind::CTranslate2, "opus-de-fi", &[("de", "fi")]),
        ];
        let router = Router::new(chain.clone());
        assert_eq!(
            models(router.route("ro", "de")).as_deref(),
            Some("ro-es+spa-eng+opus-en-de")
        );
        assert!(
            router.route("ro", "fi").is_none(),
            "four hops are too many: {:?}",
            router.route("ro", "fi")
        );
        // A shorter route wins even when it is all Apertium and the longer ends on
        // CTranslate2; among routes as long, fewer Apertium hops win.
        let mut shortcut = chain.clone();
        shortcut.push(engine(EngineKind::Apertium, "spa-deu", &[("es", "de")]));
        assert_eq!(
            models(Router::new(shortcut.clone()).route("ro", "de")).as_deref(),
            Some("ro-es+spa-deu")
        );
        shortcut.push(engine(
            EngineKind::CTranslate2,
            "opus-ro-en",
            &[("ro", "en")],
        ));
        assert_eq!(
            models(Router::new(shortcut).route("ro", "de")).as_deref(),
            Some("opus-ro-en+opus-en-de")
        );
        let mut direct = chain;
        direct.push(engine(EngineKind::Apertium, "ron-deu", &[("ro", "de")]));
        assert_eq!(
            models(Router::new(direct).route("ro", "de")).as_deref(),
            Some("ron-deu")
        );
    }

    #[test]
    fn routes_never_pass_a_language_twice() {
        let router = Router::new(vec![
            engine(EngineKind::Apertium, "a", &[("es", "en"), ("en", "es")]),
            engine(EngineKind::Apertium, "b", &[("es", "pt")]),
        ]);
        assert_eq!(models(router.route("en", "pt")).as_deref(), Some("a+b"));
        assert!(router.route("pt", "en").is_none());
        for (_, route) in router.reachable_pairs() {
            let mut seen: Vec<&str> = route.hops.iter().map(|h| h.pair.from.as_str()).collect();
            seen.push(&route.hops[route.hops.len() - 1].pair.to);
            let count = seen.len();
            seen.sort();
            seen.dedup();
            assert_eq!(seen.len(), count, "{route:?}");
        }
    }

    #[test]
    fn a_preferred_model_wins_its_direction_only() {
        let engines = vec![
            engine(
                EngineKind::CTranslate2,
                "nllb",
                &[("de", "en"), ("en", "de")],
            ),
            engine(EngineKind::CTranslate2, "opus-mt-de-en", &[("de", "en")]),
            engine(EngineKind::Apertium, "deu-eng", &[("de", "en")]),
        ];
        let table = |entries: &[(&str, &str)]| {
            Preferences::parse(
                &entries
                    .iter()
                    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                    .collect(),
            )
            .expect("valid preferences")
        };
        let plain = Router::new(engines.clone());
        assert_eq!(models(plain.route("de", "en")).as_deref(), Some("nllb"));
        let prefer =
            Router::new(engines.clone()).with_preferences(table(&[("de-en", "opus-mt-de-en")]));
        assert_eq!(
            models(prefer.route("de", "en")).as_deref(),
            Some("opus-mt-de-en")
        );
        assert_eq!(
            models(prefer.route("en", "de")).as_deref(),
            Some("nllb"),
            "the other direction keeps its own choice"
        );
        let apertium = Router::new(engines).with_preferences(table(&[("de>en", "deu-eng")]));
        assert_eq!(
            models(apertium.route("de", "en")).as_deref(),
            Some("deu-eng"),
            "a stated preference outranks the engine kind"
        );
    }

    #[test]
    fn preference_directions_are_parsed_or_refused() {
        let parse = |key: &str| {
            Preferences::parse(&[(key.to_owned(), "m".to_owned())].into_iter().collect())
        };
        let regional = parse("pt-BR>en").expect("a regional direction");
        assert_eq!(regional.model_for(&LangPair::new("pt-BR", "en")), Some("m"));
        assert!(parse("de-en").is_ok());
        for bad in ["pt-BR-en", "de", "de-", "xx!-en", "de>"] {
            assert_eq!(parse(bad), Err(InvalidDirection(bad.to_owned())), "{bad}");
        }
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

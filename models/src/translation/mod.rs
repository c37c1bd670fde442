//! The translation queue and store. Writers queue jobs in their own transaction
//! ([`queue`]); workers lease jobs, translate without holding any database lock, and hand
//! results back, which count only while the worker still holds the lease ([`lease`]).
//! Readers see each translation with its status ([`translations`]). Sentence
//! translations are shared through [`segment_cache`]; [`guards`] counts the quality
//! guards that rejected a model's translations. What teachers steer translation with
//! goes out with each job: the space's [`glossary`] and approved [`corrections`]. Knows
//! nothing of translation engines.

pub mod corrections;
pub mod glossary;
pub mod guards;
pub mod jobs;
pub mod lease;
pub mod queue;
pub mod routes;
pub mod segment_cache;
pub mod translations;

//! Translation engines and the translation worker arrive with the translator issue.

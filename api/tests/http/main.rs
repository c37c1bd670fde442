//! HTTP-level tests through the real actix app, each on SQLite and on PostgreSQL.

mod common;

mod accounts;
mod authorization;
mod backup;
mod concurrency;
mod contract;
mod contract_fuzz;
mod email;
mod forum_flow;
mod membership;
mod metrics;
mod moderation;
mod notifications;
mod pages;
mod posts;
mod proxies;
mod reload;
mod routes;
mod search;
mod spaces;
mod threads;
mod workers;

//! The Pontis HTTP API (actix-web) and the `pontis` command line.

pub mod app;
pub mod auth;
pub mod backup;
pub mod cli;
pub mod client;
pub mod config;
pub mod error;
pub mod hub;
pub mod mail;
pub mod metrics;
pub mod openapi;
pub mod pages;
pub mod progress;
pub mod rate_limit;
pub mod routes;
pub mod server;
pub mod state;

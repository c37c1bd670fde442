#!/usr/bin/env bash
# Runs every check CI runs: formatting, clippy, and all tests on SQLite and PostgreSQL,
# with real translation engines (Apertium pairs, and CTranslate2 models generated here).
# PostgreSQL must answer at PONTIS_TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432);
# if it does not, the tests fail: they are never skipped.
source "$(dirname "$0")/common.sh"
cd "$(dirname "$0")/.."

require_cargo
require_rust_checks
# python3-aiosmtpd: the SMTP server the email tests start (api/tests/http/email.rs).
install_system_packages postgresql-client chromium chromium-driver python3-aiosmtpd
# Two statements: `export X="$(…)"` would hide a failure of python_env from `set -e`.
PONTIS_TEST_PYTHON="$(python_env)"
export PONTIS_TEST_PYTHON

postgres="${PONTIS_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432}"
if ! pg_isready -q -d "$postgres/postgres"; then
    echo "PostgreSQL does not answer at $postgres; the tests need it." >&2
    exit 1
fi

cargo fmt --all -- --check
cargo clippy --locked --workspace --all-targets -- -D warnings
cargo test --locked --workspace

# The Meilisearch backend's tests need a Meilisearch server, which no Debian or crates.io
# package provides: they are ignored (and listed as such) unless one is named here.
if [ -n "${PONTIS_TEST_MEILISEARCH_URL:-}" ]; then
    cargo test --locked -p pontis-search --test behaviour -- --ignored meilisearch::
else
    echo "NOT RUN: the Meilisearch backend tests (search/tests/behaviour.rs, mod meilisearch):" \
        "set PONTIS_TEST_MEILISEARCH_URL to a Meilisearch server to run them."
fi

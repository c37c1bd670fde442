#!/usr/bin/env bash
# Builds Pontis and serves it on the embedded defaults: SQLite under ./pontis-data,
# on http://127.0.0.1:8080/. Extra arguments go to `pontis serve` (see --help).
source "$(dirname "$0")/common.sh"
cd "$(dirname "$0")/.."

require_cargo
install_system_packages
cargo build --release --locked --bin pontis --features pontis-translator/dnnl
exec "$CARGO_TARGET_DIR/release/pontis" serve "$@"

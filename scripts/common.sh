# Shared by the set-up scripts: system packages and cargo's target directory.
# The target directory lives outside the clone so that builds survive between clones.

set -euo pipefail

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/pontis/target}"

# Debian packages the build needs: a C toolchain, pkg-config, and the client libraries of
# SQLite and PostgreSQL that diesel links against.
PONTIS_APT_PACKAGES=(build-essential pkg-config libsqlite3-dev libpq-dev)

install_system_packages() {
    local missing=()
    for pkg in "${PONTIS_APT_PACKAGES[@]}" "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "Installing Debian packages: ${missing[*]}"
        local sudo=""
        [ "$(id -u)" -eq 0 ] || sudo="sudo"
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
    fi
}

require_cargo() {
    if ! command -v cargo >/dev/null 2>&1; then
        echo "cargo is missing: install the Rust toolchain (https://rustup.rs), then run this again." >&2
        exit 1
    fi
}

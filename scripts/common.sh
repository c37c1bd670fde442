# Shared by the set-up scripts: system packages and cargo's target directory.
# The target directory lives outside the clone so that builds survive between clones.

set -euo pipefail

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/pontis/target}"

# Debian packages Pontis needs: a C/C++ toolchain and cmake (CTranslate2 is built from
# source), pkg-config, the client libraries of SQLite and PostgreSQL that diesel links
# against, and Apertium with its English-Spanish pair, so that translation works on a
# machine with no downloaded model. (Not libsentencepiece-dev: the build brings its own.)
PONTIS_APT_PACKAGES=(build-essential cmake pkg-config libsqlite3-dev libpq-dev apertium apertium-eng-spa)

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

# The test command also needs rustfmt and clippy, which a minimal toolchain lacks.
require_rust_checks() {
    local tool
    for tool in fmt clippy; do
        if ! cargo "$tool" --version >/dev/null 2>&1; then
            echo "cargo $tool is missing: rustup component add $([ "$tool" = fmt ] && echo rustfmt || echo clippy)" >&2
            exit 1
        fi
    done
}

# A Python environment outside the clone with the packages the tests use: those that
# generate test and benchmark models, and schemathesis (scripts/requirements.txt). Prints
# its python. It runs in a command substitution, where `set -e` does not apply: every
# step checks itself, and the stamp that marks the environment good is written only once all of them succeeded.
python_env() {
    local venv="$HOME/.cache/pontis/venv"
    local requirements="scripts/requirements.txt"
    local stamp="$venv/.requirements"
    if ! cmp -s "$requirements" "$stamp" 2>/dev/null; then
        rm -f "$stamp"
        if ! python3 -m venv "$venv" >&2; then
            install_system_packages python3-venv >&2 || return 1
            python3 -m venv "$venv" >&2 || return 1
        fi
        "$venv/bin/pip" install -q -r "$requirements" >&2 || {
            echo "Could not install the Python packages of $requirements." >&2
            return 1
        }
        cp "$requirements" "$stamp" || return 1
    fi
    echo "$venv/bin/python"
}

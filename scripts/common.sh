# Shared by the set-up scripts: system packages and cargo's target directory.
# The target directory lives outside the clone so that builds survive between clones.

set -euo pipefail

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/pontis/target}"

# Debian's Apertium pairs between languages schools teach, so that translation works on
# a machine with no downloaded model. Through Spanish, French and Catalan as hubs (up to
# two pivots) they connect en, es, fr, pt, it, ca, gl, oc and br to one another, and
# Romanian to them all; Russian and Ukrainian, and the Scandinavian languages, to each
# other. The modes each installs, as
# checked on Debian 12 (`/usr/share/apertium/modes`); "→" where only one direction ships:
#   eng-spa en-es · fr-es fr-es · es-pt es-pt(-BR) · spa-ita es-it · cat-ita ca-it
#   es-ro ro→es · es-gl es-gl · en-gl en-gl · eng-cat en-ca · spa-cat es-ca · fra-cat fr-ca
#   por-cat pt-ca · pt-gl pt-gl · rus-ukr ru-uk · swe-dan sv-da · nno-nob nn-nb
#   dan-nor da-nn, da-nb · swe-nor sv-nn, sv-nb · oci-fra oc-fr · br-fr br→fr
APERTIUM_PAIRS=(apertium-eng-spa apertium-fr-es apertium-es-pt apertium-spa-ita
    apertium-cat-ita apertium-es-ro apertium-es-gl apertium-en-gl apertium-eng-cat
    apertium-spa-cat apertium-fra-cat apertium-por-cat apertium-pt-gl apertium-rus-ukr
    apertium-swe-dan apertium-nno-nob apertium-dan-nor apertium-swe-nor apertium-oci-fra
    apertium-br-fr)

# Debian packages Pontis needs: a C/C++ toolchain and cmake (CTranslate2 is built from
# source), pkg-config, the client libraries of SQLite and PostgreSQL that diesel links
# against, and Apertium with its pairs. (Not libsentencepiece-dev: the build brings its
# own.)
PONTIS_APT_PACKAGES=(build-essential cmake pkg-config libsqlite3-dev libpq-dev apertium "${APERTIUM_PAIRS[@]}")

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

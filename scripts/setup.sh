#!/usr/bin/env bash
# Set up CellBook on this machine, then open it or run its tests.
#
#   bash scripts/setup.sh run  [ARGS]        set up, then `cellbook gui [ARGS]`
#   bash scripts/setup.sh test [PYTEST ARGS] set up, then run the tests (offscreen)
#
# Safe to run again and again: system packages, the .venv and the translations are
# only touched when something is missing or has changed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
STAMP="$VENV/.cellbook-installed"
PIP_LOG="$VENV/.cellbook-pip.log"
MIN_PY="3.11"

say() { printf '==> %s\n' "$*"; }
note() { printf '    %s\n' "$*"; }
die() {
    printf 'CellBook set-up stopped: %s\n' "$1" >&2
    shift
    local line
    for line in "$@"; do printf '    %s\n' "$line" >&2; done
    exit 1
}

usage() {
    cat <<'EOF'
Usage:
  bash scripts/setup.sh run  [ARGS]         set up and open CellBook (a demo book the first time)
  bash scripts/setup.sh test [PYTEST ARGS]  set up and run the tests
EOF
}

MODE="${1:-}"
case "$MODE" in
    run | test) shift ;;
    -h | --help | help)
        usage
        exit 0
        ;;
    *)
        usage >&2
        exit 2
        ;;
esac

cd "$ROOT"

# --- a desktop session is needed to open windows (checked first: nothing to set up otherwise)
if [[ "$MODE" == run && "$(uname -s)" != Darwin ]]; then
    if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" && -z "${QT_QPA_PLATFORM:-}" ]]; then
        die "CellBook needs a desktop session to open its window." \
            "No DISPLAY or WAYLAND_DISPLAY is set (are you on a text console or over ssh?)." \
            "Run this command from a terminal inside your desktop, or use" \
            "'bash scripts/setup.sh test' to check the installation without a screen."
    fi
fi

# --- (a) Python 3.11 or newer ----------------------------------------------------------
py_ok() { "$1" -c 'import sys; raise SystemExit(sys.version_info < (3, 11))' >/dev/null 2>&1; }

find_python() {
    local cand
    for cand in "${PYTHON:-}" python3 python3.13 python3.12 python3.11; do
        [[ -n "$cand" ]] || continue
        if command -v "$cand" >/dev/null 2>&1 && py_ok "$cand"; then
            command -v "$cand"
            return 0
        fi
    done
    return 1
}

venv_ok() { [[ -x "$VENV/bin/python" ]] && py_ok "$VENV/bin/python"; }

PY=""
if ! PY="$(find_python)"; then
    if venv_ok; then
        PY=""  # the existing .venv is enough
    else
        found="$(command -v python3 >/dev/null 2>&1 && python3 -V 2>&1 || echo 'none')"
        die "CellBook needs Python $MIN_PY or newer (found: $found)." \
            "On Debian 12 or Ubuntu 24.04: sudo apt-get install python3 python3-venv" \
            "Or point to another interpreter: PYTHON=/path/to/python3.12 bash scripts/setup.sh $MODE"
    fi
fi

# --- (b) Debian packages ---------------------------------------------------------------
# Qt (even offscreen) loads these at start-up; the xcb ones are only needed for a real window.
PKGS=(libgl1 libegl1 libfontconfig1 libxkbcommon0 libglib2.0-0 libdbus-1-3)
if [[ "$MODE" == run ]]; then
    PKGS+=(libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
        libxcb-image0 libxcb-randr0 libxcb-render-util0 libx11-xcb1)
fi

NEED_VENV_PKG=""
if ! venv_ok && [[ -n "$PY" ]] && ! "$PY" -c 'import ensurepip' >/dev/null 2>&1; then
    # Debian ships venv/ensurepip separately; pick the package matching the interpreter.
    pyver="$("$PY" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
    sysver="$(/usr/bin/python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null || true)"
    if [[ "$pyver" == "$sysver" ]]; then
        NEED_VENV_PKG="python3-venv"
    else
        NEED_VENV_PKG="python${pyver}-venv"
    fi
    PKGS+=("$NEED_VENV_PKG")
fi

installed() {
    dpkg-query -W -f='${db:Status-Status}\n' "$1" 2>/dev/null | grep -qx installed
}

if command -v dpkg-query >/dev/null 2>&1; then
    MISSING=()
    for p in "${PKGS[@]}"; do
        installed "$p" || MISSING+=("$p")
    done
    if ((${#MISSING[@]})); then
        say "Installing system packages: ${MISSING[*]}"
        SUDO=()
        if [[ "$(id -u)" -ne 0 ]]; then
            if command -v sudo >/dev/null 2>&1; then
                SUDO=(sudo)
            else
                die "these system packages are missing: ${MISSING[*]}" \
                    "Install them as root, then run this command again:" \
                    "  su -c 'apt-get update && apt-get install -y ${MISSING[*]}'"
            fi
        fi
        if ! command -v apt-get >/dev/null 2>&1 ||
            ! { "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
                "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
                    apt-get install -y -qq --no-install-recommends "${MISSING[@]}" >/dev/null; }; then
            die "could not install these system packages: ${MISSING[*]}" \
                "Install them yourself, then run this command again:" \
                "  sudo apt-get update && sudo apt-get install -y ${MISSING[*]}"
        fi
    fi
else
    note "(not a Debian-like system: skipping the system package check." \
        "Qt needs OpenGL/EGL, fontconfig, xkbcommon, GLib and D-Bus libraries.)"
fi

# --- (c) the virtual environment ---------------------------------------------------------
if ! venv_ok; then
    [[ -n "$PY" ]] || die "no Python $MIN_PY or newer to create .venv with."
    if [[ -e "$VENV" ]]; then
        die "$VENV exists but does not hold a working Python $MIN_PY+." \
            "Remove it (rm -rf .venv) and run this command again."
    fi
    say "Creating .venv with $("$PY" -V 2>&1)"
    if ! "$PY" -m venv "$VENV"; then
        rm -rf "$VENV"
        die "could not create .venv with $PY." \
            "On Debian/Ubuntu install the venv module: sudo apt-get install python3-venv"
    fi
fi

file_sha256() {
    "$VENV/bin/python" -c \
        'import hashlib, sys; print(hashlib.sha256(open(sys.argv[1], "rb").read()).hexdigest())' "$1"
}

WANT="$(file_sha256 "$ROOT/pyproject.toml")"
HAVE="$(cat "$STAMP" 2>/dev/null || true)"
if [[ "$WANT" != "$HAVE" || ! -x "$VENV/bin/cellbook" ]]; then
    say "Installing CellBook and its libraries into .venv (this takes a minute the first time)"
    rm -f "$STAMP"
    if ! { "$VENV/bin/python" -m pip install --quiet --upgrade pip &&
        "$VENV/bin/python" -m pip install --quiet -e "${ROOT}[test,hub]"; } >"$PIP_LOG" 2>&1; then
        tail -n 25 "$PIP_LOG" >&2
        die "installing the Python libraries failed (full log: $PIP_LOG)." \
            "Check the internet connection and run this command again."
    fi
    printf '%s\n' "$WANT" >"$STAMP"
fi

# --- (d) translations ---------------------------------------------------------------------
if compgen -G "$ROOT/resources/translations/*/LC_MESSAGES/*.po" >/dev/null; then
    if ! out="$("$VENV/bin/pybabel" -q compile -d "$ROOT/resources/translations" \
        -D cellbook --use-fuzzy 2>&1)"; then
        printf '%s\n' "$out" >&2
        die "compiling the translations failed."
    fi
fi

# --- (e) run ------------------------------------------------------------------------------
if [[ "$MODE" == run ]]; then
    file_given=0
    for arg in "$@"; do
        [[ "$arg" == -* ]] || file_given=1
    done
    if ((!file_given)); then
        BOOKS="$("$VENV/bin/python" -c 'from desktop.paths import books_dir; print(books_dir())')"
        if ! compgen -G "$BOOKS/*.cellbook" >/dev/null; then
            DEMO="$BOOKS/demo.cellbook"
            say "First start: creating a demo book in $DEMO"
            mkdir -p "$BOOKS"
            "$VENV/bin/cellbook" demo --out "$DEMO" >/dev/null
            set -- "$DEMO" "$@"
        fi
    fi
    say "Opening CellBook"
    exec "$VENV/bin/cellbook" gui "$@"
fi

# --- (f) test -----------------------------------------------------------------------------
export QT_QPA_PLATFORM=offscreen
say "Running the tests"
rc=0
"$VENV/bin/python" -m pytest "$@" || rc=$?
if ((rc == 5)); then
    printf 'No tests were collected: that counts as a failure.\n' >&2
fi
exit "$rc"

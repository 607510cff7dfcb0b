#!/usr/bin/env bash
# One entry point for developers on a fresh Debian machine that has only python3.
#   bash scripts/dev.sh start   set everything up and start the app
#   bash scripts/dev.sh test    set everything up and run the whole test suite (lint included)
#   bash scripts/dev.sh build   build the one-folder app into dist/ and run its smoke test
# Anything else is passed to the `thidua` command line, e.g. `bash scripts/dev.sh cli check`.
# `bash scripts/dev.sh check-libs LIB...` prints the shared libraries among LIB that are missing
# (exit 1 when any is), using the same check as the set-up.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${THIDUA_VENV:-.venv}"

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else return 1; fi
}

# The dynamic linker's cache, read once. `ldconfig -p | grep -q` must not be used: under
# pipefail, grep -q closing the pipe early kills ldconfig with SIGPIPE and the check fails
# now and then for a library that is there.
LD_CACHE=""
LD_CACHE_READ=0
read_ld_cache() {
  if [ "$LD_CACHE_READ" = 0 ]; then
    local ldconfig
    ldconfig=$(command -v ldconfig || echo /sbin/ldconfig)
    LD_CACHE=$("$ldconfig" -p 2>/dev/null || true)
    LD_CACHE_READ=1
  fi
}

# has_lib LIB: whether the linker cache lists the shared library LIB (e.g. libGL.so.1).
has_lib() {
  read_ld_cache
  case "$LD_CACHE" in
    *"$1"*) return 0 ;;
    *) return 1 ;;
  esac
}

# Debian's python3 ships without venv/ensurepip, and Qt needs a few system libraries.
system_packages() {
  local wanted=()
  python3 -c 'import ensurepip, venv' 2>/dev/null || wanted+=(python3-venv)
  local lib pkg pair
  for pair in libEGL.so.1:libegl1 libGL.so.1:libgl1 libxkbcommon.so.0:libxkbcommon0 \
              libfontconfig.so.1:libfontconfig1 libdbus-1.so.3:libdbus-1-3 libglib-2.0.so.0:libglib2.0-0 \
              "$@"; do
    lib=${pair%%:*}; pkg=${pair##*:}
    case "$lib" in
      bin/*) command -v "${lib#bin/}" >/dev/null 2>&1 || wanted+=("$pkg") ;;  # a program, not a library
      *) has_lib "$lib" || wanted+=("$pkg") ;;
    esac
  done
  if [ ${#wanted[@]} -gt 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing system packages: ${wanted[*]}"
    as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${wanted[@]}" \
      || echo "Could not install ${wanted[*]}; install them by hand if the next step fails." >&2
  fi
}

python_env() {
  if [ ! -x "$VENV/bin/python" ]; then
    echo "Creating the Python environment in $VENV…"
    python3 -m venv "$VENV"
  fi
  local stamp="$VENV/.installed"
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || [ setup.py -nt "$stamp" ]; then
    echo "Installing Python packages (about a minute)…"
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip
    "$VENV/bin/python" -m pip install --disable-pip-version-check -e '.[test,build]'
    touch "$stamp"
    echo "Python packages installed."
  fi
}

# On Linux the app needs an X11 or Wayland session unless Qt is told to use another platform
# (QT_QPA_PLATFORM=offscreen, eglfs, vnc…). Say so in one line instead of letting Qt abort.
require_display() {
  [ "$(uname -s)" = Linux ] || return 0
  [ -n "${QT_QPA_PLATFORM:-}" ] && return 0
  [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ] && return 0
  echo "No display: ThiĐua Desktop needs a desktop session (DISPLAY or WAYLAND_DISPLAY is not set). Run it from the desktop, or use 'bash scripts/dev.sh test'." >&2
  exit 1
}

case "${1:-start}" in
  start)
    shift || true
    require_display
    system_packages libxcb-cursor.so.0:libxcb-cursor0 libxkbcommon-x11.so.0:libxkbcommon-x11-0 \
      libxcb-icccm.so.4:libxcb-icccm4 libxcb-keysyms.so.1:libxcb-keysyms1 libxcb-image.so.0:libxcb-image0 \
      libxcb-render-util.so.0:libxcb-render-util0 libxcb-shape.so.0:libxcb-shape0
    python_env
    exec "$VENV/bin/thidua-desktop" "$@"
    ;;
  test)
    shift || true
    # makensis: tests/test_installer.py compiles the Windows installer script (1.7 MB, seconds).
    # binutils: PyInstaller reads and strips the libraries (objdump, strip) for the build below.
    system_packages bin/makensis:nsis bin/objdump:binutils bin/strip:binutils
    python_env
    # A real PostgreSQL server on localhost (Debian's package) for the tests marked `postgres`:
    # the provincial office runs on one. THIDUA_SKIP_POSTGRES=1 skips them on a machine without
    # root; otherwise no server is a failure, never a silent skip.
    if [ -z "${THIDUA_TEST_POSTGRES_URL:-}" ] && [ "${THIDUA_SKIP_POSTGRES:-0}" != 1 ]; then
      THIDUA_TEST_POSTGRES_URL="$(bash scripts/postgres.sh)" \
        || { echo "No PostgreSQL server for the tests (set THIDUA_SKIP_POSTGRES=1 to skip them)." >&2; exit 1; }
      export THIDUA_TEST_POSTGRES_URL
    fi
    "$VENV/bin/ruff" check thidua_desktop tests scripts
    # Type check ([tool.mypy] in pyproject.toml: strict on the pure core); any error stops the run.
    "$VENV/bin/mypy"
    # One worker per core (pytest-xdist; THIDUA_TEST_WORKERS=0 runs in this process), a whole test
    # file per worker so module-scoped fixtures are built once.
    QT_QPA_PLATFORM=offscreen "$VENV/bin/python" -m pytest -q -n "${THIDUA_TEST_WORKERS:-auto}" --dist loadfile "$@"
    # Then the one-folder app from installer/thidua.spec and its smoke test (the frozen app's
    # --self-test offscreen): about 30 s. THIDUA_SKIP_BUILD=1 leaves it out (e.g. for a quick
    # rerun of a few tests).
    if [ "${THIDUA_SKIP_BUILD:-0}" != 1 ]; then
      bash installer/build_linux.sh
    fi
    ;;
  build)
    # The one-folder app (installer/thidua.spec) and its smoke test (`--self-test` offscreen must
    # exit 0), without the tests: `test` runs it too, after the tests (installer/README.md).
    shift || true
    # PyInstaller reads and strips the libraries with binutils (objdump, strip).
    system_packages bin/objdump:binutils bin/strip:binutils
    python_env
    exec bash installer/build_linux.sh
    ;;
  cli)
    shift
    python_env
    exec "$VENV/bin/thidua" "$@"
    ;;
  check-libs)
    shift
    missing=0
    for lib in "$@"; do
      has_lib "$lib" || { echo "$lib"; missing=1; }
    done
    exit "$missing"
    ;;
  *)
    echo "usage: bash scripts/dev.sh start|test|build|cli ARGS|check-libs LIB..." >&2
    exit 2
    ;;
esac

#!/usr/bin/env bash
# One entry point for developers on a fresh Debian machine that has only python3.
#   bash scripts/dev.sh start   set everything up and start the app
#   bash scripts/dev.sh test    set everything up and run the whole test suite (lint included)
# Anything else is passed to the `thidua` command line, e.g. `bash scripts/dev.sh cli check`.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${THIDUA_VENV:-.venv}"

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else return 1; fi
}

# Debian's python3 ships without venv/ensurepip, and Qt needs a few system libraries.
system_packages() {
  local wanted=()
  python3 -c 'import ensurepip, venv' 2>/dev/null || wanted+=(python3-venv)
  local lib pkg
  for pair in libEGL.so.1:libegl1 libGL.so.1:libgl1 libxkbcommon.so.0:libxkbcommon0 \
              libfontconfig.so.1:libfontconfig1 libdbus-1.so.3:libdbus-1-3 libglib-2.0.so.0:libglib2.0-0 \
              "$@"; do
    lib=${pair%%:*}; pkg=${pair##*:}
    ldconfig -p 2>/dev/null | grep -q "$lib" || wanted+=("$pkg")
  done
  if [ ${#wanted[@]} -gt 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing system packages: ${wanted[*]}"
    as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${wanted[@]}" \
      || echo "Could not install ${wanted[*]}; install them by hand if the next step fails." >&2
  fi
}

python_env() {
  if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
  fi
  local stamp="$VENV/.installed"
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || [ setup.py -nt "$stamp" ]; then
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -e '.[test]'
    touch "$stamp"
  fi
}

case "${1:-start}" in
  start)
    shift || true
    system_packages libxcb-cursor.so.0:libxcb-cursor0 libxkbcommon-x11.so.0:libxkbcommon-x11-0 \
      libxcb-icccm.so.4:libxcb-icccm4 libxcb-keysyms.so.1:libxcb-keysyms1 libxcb-image.so.0:libxcb-image0 \
      libxcb-render-util.so.0:libxcb-render-util0 libxcb-shape.so.0:libxcb-shape0
    python_env
    exec "$VENV/bin/thidua-desktop" "$@"
    ;;
  test)
    shift || true
    system_packages
    python_env
    "$VENV/bin/ruff" check thidua_desktop tests scripts
    QT_QPA_PLATFORM=offscreen exec "$VENV/bin/python" -m pytest -q "$@"
    ;;
  cli)
    shift
    python_env
    exec "$VENV/bin/thidua" "$@"
    ;;
  *)
    echo "usage: bash scripts/dev.sh start|test|cli ARGS" >&2
    exit 2
    ;;
esac

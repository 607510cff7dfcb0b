#!/usr/bin/env bash
# Build the one-folder app on Linux from installer/thidua.spec (the spec the Windows build uses)
# and run its smoke test: the frozen app's `--self-test`, offscreen, on a throw-away data folder,
# must exit 0. Prints the build's size and how long the build took.
#   bash installer/build_linux.sh            → dist/ThiDua/ThiDua
# THIDUA_VENV (default .venv), THIDUA_DIST (default dist), THIDUA_BUILD_WORK (default
# build/pyinstaller: PyInstaller's cache; a second build reuses it and takes seconds).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${THIDUA_VENV:-.venv}"
DIST="${THIDUA_DIST:-dist}"
WORK="${THIDUA_BUILD_WORK:-build/pyinstaller}"

if ! "$VENV/bin/python" -c "import PyInstaller" 2>/dev/null; then
  echo "Installing PyInstaller (pyproject.toml's [build] extra)…"
  # The extra's requirement itself, not `pip install .[build]`, which would replace the
  # development install of the project in this environment.
  requirement=$("$VENV/bin/python" - <<'PY'
import tomllib
print(next(r for r in tomllib.load(open("pyproject.toml", "rb"))["project"]["optional-dependencies"]["build"]
           if r.lower().startswith("pyinstaller")))
PY
)
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check "$requirement"
fi

started=$(date +%s)
"$VENV/bin/python" -m PyInstaller --noconfirm --log-level WARN --distpath "$DIST" --workpath "$WORK" installer/thidua.spec
built=$(( $(date +%s) - started ))
[ -x "$DIST/ThiDua/ThiDua" ] || { echo "The build made no $DIST/ThiDua/ThiDua." >&2; exit 1; }
app="$(cd "$DIST/ThiDua" && pwd)/ThiDua"

# The smoke test: away from the checkout (nothing may come from the source tree), with a data and
# config folder of its own, no display.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
status=0
(cd "$scratch" && env -u DISPLAY -u WAYLAND_DISPLAY -u PYTHONPATH QT_QPA_PLATFORM=offscreen \
   THIDUA_DATA_DIR="$scratch/data" THIDUA_CONFIG_DIR="$scratch/config" \
   "$app" --self-test) || status=$?
size=$(du -sh "$DIST/ThiDua" | cut -f1)
echo "Build: $DIST/ThiDua, $size, built in ${built} s; self-test exit code $status."
exit "$status"

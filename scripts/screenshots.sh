#!/usr/bin/env bash
# Screenshots of every screen and dialog at 1366×768 under a real X server (Xvfb): at 100% into
# docs/screenshots/100 and at 150% scaling (the default on many Windows laptops) into docs/screenshots/150.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v xvfb-run >/dev/null 2>&1 || need+=(xvfb xauth)
libs=$(ldconfig -p 2>/dev/null || /sbin/ldconfig -p 2>/dev/null || true)  # read once: no pipe to break
for pair in libxcb-cursor.so.0:libxcb-cursor0 libxcb-icccm.so.4:libxcb-icccm4 libxcb-keysyms.so.1:libxcb-keysyms1 \
            libxkbcommon-x11.so.0:libxkbcommon-x11-0 libxcb-image.so.0:libxcb-image0 \
            libxcb-render-util.so.0:libxcb-render-util0 libxcb-shape.so.0:libxcb-shape0; do
  case "$libs" in *"${pair%%:*}"*) ;; *) need+=("${pair##*:}") ;; esac
done
if [ ${#need[@]} -gt 0 ]; then
  sudo_cmd=""; [ "$(id -u)" = 0 ] || sudo_cmd=sudo
  $sudo_cmd apt-get update -qq && $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
fi
[ -x .venv/bin/python ] || bash scripts/dev.sh cli --help >/dev/null
out="${1:-docs/screenshots}"
for scale in 100 150; do
  factor=$(python3 -c "print($scale / 100)")
  QT_QPA_PLATFORM=xcb QT_SCALE_FACTOR="$factor" xvfb-run -a -s "-screen 0 1366x768x24" \
    .venv/bin/python scripts/screenshots.py "$out/$scale"
done

#!/usr/bin/env bash
# Renders the evaluation report headless in Chromium, to look at it as a reader
# would: a full-page PNG screenshot and an A4 PDF.
#
#   scripts/render-report.sh [DATA...]        (default: data/)
#
# Needs Debian's chromium and fonts-noto-cjk:  apt-get install chromium fonts-noto-cjk
# Writes target/report/评估报告.html, .png and .pdf.
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/report
mkdir -p "$out"
html="$out/评估报告.html"
cargo run --quiet --release -- report "${@:-data/}" --output "$html" || [ $? -eq 1 ]
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
  echo "chromium not found: apt-get install chromium fonts-noto-cjk" >&2
  exit 2
fi
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
       --disable-background-networking --disable-component-update --disable-sync
       --hide-scrollbars --user-data-dir="$profile")
url="file://$PWD/$html"
"$browser" "${flags[@]}" --window-size=1200,5200 --screenshot="$out/评估报告.png" "$url" 2>/dev/null
"$browser" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$out/评估报告.pdf" "$url" 2>/dev/null
ls -l "$html" "$out/评估报告.png" "$out/评估报告.pdf"

#!/usr/bin/env bash
# Renders the icon's PNGs, .ico and .icns from rungs.svg with rsvg-convert (librsvg2-bin),
# ImageMagick's convert and png2icns (icnsutils), installed if missing. The results are
# committed, so building Rungs does not need these tools.
set -euo pipefail
cd "$(dirname "$0")"
source ../../packaging/need.sh
need rsvg-convert librsvg2-bin convert imagemagick png2icns icnsutils
for s in 16 24 32 48 64 128 256 512; do
  rsvg-convert -w "$s" -h "$s" rungs.svg -o "rungs-$s.png"
done
convert rungs-16.png rungs-24.png rungs-32.png rungs-48.png rungs-64.png rungs-256.png rungs.ico
png2icns rungs.icns rungs-16.png rungs-32.png rungs-48.png rungs-128.png rungs-256.png rungs-512.png >/dev/null

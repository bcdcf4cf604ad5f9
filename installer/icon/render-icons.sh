#!/usr/bin/env bash
# Renders the packaged icons from the one source, cruddur-console.svg, into this folder:
#   cruddur-console.png  (Linux, 256 px)   cruddur-console.ico (Windows, 16-256 px)   cruddur-console.icns (macOS, 16-512 px)
# The outputs are committed, so builds need none of these tools; run this again after editing the SVG.
# Needs: rsvg-convert (librsvg2-bin), ImageMagick, png2icns (icnsutils). On Debian/Ubuntu:
#   apt-get install -y librsvg2-bin imagemagick icnsutils
set -euo pipefail
cd "$(dirname "$0")"
src=cruddur-console.svg
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# ImageMagick 7 is `magick`; on Debian 12 it is 6's `convert` in /usr/bin (a stand-in may shadow it on PATH).
if command -v magick >/dev/null; then im=(magick); elif [ -x /usr/bin/convert ]; then im=(/usr/bin/convert); else im=(convert); fi

for size in 16 24 32 48 64 128 256 512; do
  rsvg-convert --width "$size" --height "$size" "$src" --output "$work/$size.png"
done

cp "$work/256.png" cruddur-console.png
"${im[@]}" "$work"/{16,24,32,48,64,128,256}.png cruddur-console.ico
png2icns cruddur-console.icns "$work"/{16,32,48,128,256,512}.png >/dev/null
ls -l cruddur-console.png cruddur-console.ico cruddur-console.icns

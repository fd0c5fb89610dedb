#!/bin/sh
# Extracts the Simplified Chinese faces (collection index 2) of Debian's fonts-noto-cjk
# into src/main/resources/fonts/ as stand-alone OpenType/CFF files, because JasperReports
# cannot load a .ttc collection. The output is reproducible: fontTools is told not to
# touch the head.modified timestamp, so the same Debian package gives the same bytes.
#
# Usage: src/main/fonts/extract-noto-cjk-sc.sh [--download]
#   Without --download the installed /usr/share/fonts/opentype/noto/ is used when present;
#   otherwise (or with --download) the package is fetched with `apt-get download` and
#   unpacked with `dpkg -x` into a temporary directory.
# Needs: /usr/bin/python3 with fontTools (Debian: python3-fonttools).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
out="$here/../resources/fonts"
system_dir=/usr/share/fonts/opentype/noto
python=${PYTHON:-/usr/bin/python3}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

if [ "${1:-}" != "--download" ] && [ -f "$system_dir/NotoSansCJK-Regular.ttc" ]; then
  src="$system_dir"
  copyright=/usr/share/doc/fonts-noto-cjk/copyright
  version=$(dpkg-query -W -f '${Version}' fonts-noto-cjk 2>/dev/null || echo unknown)
else
  (cd "$tmp" && apt-get download fonts-noto-cjk)
  deb=$(ls "$tmp"/fonts-noto-cjk_*.deb)
  version=$(dpkg-deb -f "$deb" Version)
  dpkg -x "$deb" "$tmp/root"
  src="$tmp/root$system_dir"
  copyright="$tmp/root/usr/share/doc/fonts-noto-cjk/copyright"
fi

mkdir -p "$out"
"$python" - "$src" "$out" <<'PY'
import sys
from fontTools.ttLib import TTCollection

src, out = sys.argv[1], sys.argv[2]
faces = [
    ("NotoSerifCJK-Regular.ttc", "NotoSerifCJKsc-Regular.otf"),
    ("NotoSansCJK-Regular.ttc", "NotoSansCJKsc-Regular.otf"),
    ("NotoSansCJK-Bold.ttc", "NotoSansCJKsc-Bold.otf"),
]
for ttc, otf in faces:
    font = TTCollection(f"{src}/{ttc}").fonts[2]
    family = font["name"].getDebugName(1)
    if not family.endswith(" SC"):
        raise SystemExit(f"{ttc}: face 2 is {family!r}, expected a ... SC face")
    font.recalcTimestamp = False
    font.save(f"{out}/{otf}")
    print(f"{otf}: {family} ({font['name'].getDebugName(5)})")
PY

# The SIL OFL 1.1 text, taken from the package's copyright file.
{
  echo "Noto Sans CJK / Noto Serif CJK - Copyright 2014-2021 Adobe (http://www.adobe.com/)."
  echo "Source: Debian package fonts-noto-cjk $version (https://github.com/googlefonts/noto-cjk)."
  echo
  # The stand-alone "License: SIL-1.1" paragraph (preceded by a blank line), up to the next blank line.
  awk 'prev == "" && $0 == "License: SIL-1.1" { on = 1; prev = $0; next }
       on && $0 == "" { exit }
       on { sub(/^ /, ""); if ($0 == ".") $0 = ""; print }
       { prev = $0 }' "$copyright"
} > "$out/LICENSE-OFL.txt"

( cd "$out" && sha256sum NotoSerifCJKsc-Regular.otf NotoSansCJKsc-Regular.otf NotoSansCJKsc-Bold.otf )

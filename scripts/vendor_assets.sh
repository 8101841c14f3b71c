#!/usr/bin/env bash
# Re-creates static/vendor/ from the npm registry, so the folium maps draw without any CDN.
#
# folium 0.20 / streamlit-folium 0.27.4 only need Leaflet for our maps (GeoJson + style_function,
# GeoJsonTooltip, FeatureGroup, LayerControl, optional TileLayer); jQuery, Bootstrap, FontAwesome,
# glyphicons and awesome-markers are dropped in components/offline_assets.py instead of vendored.
# Versions are pinned to what folium.Map.default_js names, and each tarball is checked against the
# registry's sha512 integrity recorded here, so the result is byte-for-byte reproducible.
#
# Usage: scripts/vendor_assets.sh           # (re)write static/vendor/
#        scripts/vendor_assets.sh --check   # exit 1 if static/vendor/ differs from what npm gives
# Needs: npm (registry access), tar, python3 (for the sha512 check).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="$ROOT/static/vendor"

# name version integrity files-inside-the-package (space separated, relative to package/)
PACKAGES=(
  "leaflet 1.9.3 sha512-iB2cR9vAkDOu5l3HAay2obcUHZ7xwUBBjph8+PGtmW/2lYhbLizWtG7nTeYht36WfOslixQF9D/uSIzhZgGMfQ== LICENSE dist/leaflet.js dist/leaflet.css dist/images/layers.png dist/images/layers-2x.png dist/images/marker-icon.png dist/images/marker-icon-2x.png dist/images/marker-shadow.png"
)

CHECK=0
if [[ "${1:-}" == "--check" ]]; then CHECK=1; fi

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
OUT="$WORK/vendor"
mkdir -p "$OUT"

for entry in "${PACKAGES[@]}"; do
  read -r name version integrity files <<<"$entry"
  # shellcheck disable=SC2206
  files=($files)
  (cd "$WORK" && npm pack --silent "${name}@${version}" >/dev/null)
  tgz="$WORK/${name//\//-}-${version}.tgz"
  got="sha512-$(python3 -c 'import base64, hashlib, sys; print(base64.b64encode(hashlib.sha512(open(sys.argv[1], "rb").read()).digest()).decode())' "$tgz")"
  if [[ "$got" != "$integrity" ]]; then
    echo "integrity mismatch for ${name}@${version}: $got" >&2
    exit 1
  fi
  target="$OUT/${name//\//-}-${version}"
  mkdir -p "$target"
  tar -xzf "$tgz" -C "$WORK" "${files[@]/#/package/}"
  for f in "${files[@]}"; do
    install -D -m 0644 "$WORK/package/$f" "$target/$f"
  done
  rm -rf "$WORK/package"
done

if [[ $CHECK -eq 1 ]]; then
  if diff -r "$OUT" "$DEST"; then
    echo "static/vendor is up to date"
  else
    echo "static/vendor differs from npm: run scripts/vendor_assets.sh" >&2
    exit 1
  fi
else
  rm -rf "$DEST"
  mkdir -p "$(dirname "$DEST")"
  cp -r "$OUT" "$DEST"
  (cd "$ROOT" && find static/vendor -type f | sort | xargs ls -l | awk '{print $5, $9}')
fi

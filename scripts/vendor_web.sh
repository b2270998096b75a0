#!/usr/bin/env bash
# Copies the web workspace's third-party scripts and styles into the package, so that `chronicler
# serve` needs no CDN: Leaflet (BSD-2-Clause), Leaflet.markercluster (MIT) and Swagger UI (Apache-2.0,
# the API's documentation page at /docs), at pinned versions
# from the npm registry, each tarball checked against its published sha512 before it is opened.
# Run again only to change a version; the copied files are committed with their licences.
set -euo pipefail
cd "$(dirname "$0")/.."
DEST=src/chronicler/web/static/vendor
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

fetch() {  # name version expected-integrity
    (cd "$WORK" && npm pack --silent "$1@$2" > /dev/null)
    local file="$WORK/$(echo "$1" | tr -d @ | tr / -)-$2.tgz"
    local got="sha512-$(openssl dgst -sha512 -binary "$file" | base64 -w0)"
    [ "$got" = "$3" ] || { echo "$1@$2: integrity $got, expected $3" >&2; exit 1; }
    mkdir -p "$WORK/$1" && tar xzf "$file" -C "$WORK/$1"
}

fetch leaflet 1.9.4 "sha512-nxS1ynzJOmOlHp+iL3FyWqK89GtNL8U8rvlMOsQdTTssxZwCXh8N2NB3GDQOL+YR3XnWyZAxwQixURb+FA74PA=="
fetch leaflet.markercluster 1.5.3 "sha512-vPTw/Bndq7eQHjLBVlWpnGeLa3t+3zGiuM7fJwCkiMFq+nmRuG3RI3f7f4N4TDX7T4NpbAXpR2+NTRSEGfCSeA=="
fetch swagger-ui-dist 5.35.0 "sha512-U06rpMtW9V3XPGOBeamTUSr0Z09jMX4IJuANpE/EZbAhw0G8CgwrzU4YmXkn/h0wCDNsXdGarTNNHC3sU8yVUQ=="

rm -rf "$DEST" && mkdir -p "$DEST/leaflet/images" "$DEST/markercluster" "$DEST/swagger-ui"
cp "$WORK/leaflet/package/dist/leaflet.js" "$WORK/leaflet/package/dist/leaflet.css" "$WORK/leaflet/package/LICENSE" \
    "$DEST/leaflet/"
cp "$WORK/leaflet/package/dist/images/"*.png "$DEST/leaflet/images/"
cp "$WORK/leaflet.markercluster/package/dist/leaflet.markercluster.js" \
    "$WORK/leaflet.markercluster/package/dist/MarkerCluster.css" \
    "$WORK/leaflet.markercluster/package/dist/MarkerCluster.Default.css" \
    "$WORK/leaflet.markercluster/package/MIT-LICENCE.txt" "$DEST/markercluster/"
cp "$WORK/swagger-ui-dist/package/swagger-ui-bundle.js" "$WORK/swagger-ui-dist/package/swagger-ui.css" \
    "$WORK/swagger-ui-dist/package/LICENSE" "$WORK/swagger-ui-dist/package/NOTICE" "$DEST/swagger-ui/"
# The minified files end with a source-map comment for a file not shipped: drop it.
sed -i '/^\/\/# sourceMappingURL=/d' "$DEST/leaflet/leaflet.js" "$DEST/markercluster/leaflet.markercluster.js" \
    "$DEST/swagger-ui/swagger-ui-bundle.js"
sed -i '/^\/\*# sourceMappingURL=/d' "$DEST/swagger-ui/swagger-ui.css"
echo "vendored into $DEST: leaflet 1.9.4, leaflet.markercluster 1.5.3, swagger-ui-dist 5.35.0"

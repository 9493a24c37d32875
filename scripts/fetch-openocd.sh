#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Fetches the OpenOCD 0.12.0 orig tarball from Debian's "openocd" source package and checks
# its SHA-256. The deb-src entries are derived from this machine's own apt configuration
# (every enabled "Types: deb" / "deb" entry is turned into deb-src) in a private directory,
# so the user's own mirror is used and /etc/apt is never touched.
#
# usage: fetch-openocd.sh OUTPUT_TARBALL
set -eu

OUT=$1
SHA256=$(cat "$(dirname "$0")/../openocd/openocd-0.12.0.sha256" | cut -d' ' -f1)
TARBALL_NAME=openocd_0.12.0.orig.tar.bz2

if [ -f "$OUT" ] && echo "$SHA256  $OUT" | sha256sum -c --status; then
	exit 0
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/h5-openocd-src.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/sources.list.d" "$work/lists/partial" "$work/cache/archives/partial" "$work/dl"

# deb822 .sources files: rewrite the Types field. Files that only carry deb-src already are
# kept as they are. Disabled files (any other suffix) are ignored, as apt ignores them.
n=0
for f in /etc/apt/sources.list.d/*.sources; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	sed -e 's/^Types:.*$/Types: deb-src/' "$f" > "$work/sources.list.d/$n-$(basename "$f")"
done
# one-line format: /etc/apt/sources.list and sources.list.d/*.list
for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	sed -n -e 's/^[[:space:]]*deb[[:space:]]/deb-src /p' "$f" > "$work/sources.list.d/$n-$(basename "$f")"
done
if [ "$n" -eq 0 ]; then
	echo "fetch-openocd: no apt sources found in /etc/apt; use --with-openocd-tarball=FILE" >&2
	exit 1
fi

APT="apt-get -q -o Dir::Etc::SourceList=/dev/null -o Dir::Etc::SourceParts=$work/sources.list.d
 -o Dir::State::Lists=$work/lists -o Dir::Cache=$work/cache -o Debug::NoLocking=1
 -o APT::Sandbox::User=root"
echo "fetch-openocd: reading deb-src indexes derived from /etc/apt (private copy in $work)"
$APT update >"$work/update.log" 2>&1 || echo "fetch-openocd: apt-get update reported errors (continuing)" >&2

echo "fetch-openocd: downloading the openocd 0.12.0 source package (only the orig tarball is used)"
# The Debian packaging tarball may be missing on the mirror (404); the orig tarball is all we
# need, so the exit status of apt-get is not trusted: the checksum below decides.
(cd "$work/dl" && $APT source --download-only openocd=0.12.0-1 >"$work/source.log" 2>&1) || true
if [ ! -f "$work/dl/$TARBALL_NAME" ]; then
	(cd "$work/dl" && $APT source --download-only openocd >>"$work/source.log" 2>&1) || true
fi
if [ ! -f "$work/dl/$TARBALL_NAME" ]; then
	cat "$work/source.log" >&2
	echo "fetch-openocd: $TARBALL_NAME was not downloaded; use --with-openocd-tarball=FILE" >&2
	exit 1
fi
if ! echo "$SHA256  $work/dl/$TARBALL_NAME" | sha256sum -c --status; then
	echo "fetch-openocd: SHA-256 mismatch for $TARBALL_NAME (expected $SHA256)" >&2
	exit 1
fi
mkdir -p "$(dirname "$OUT")"
mv "$work/dl/$TARBALL_NAME" "$OUT"
echo "fetch-openocd: $OUT (SHA-256 verified)"

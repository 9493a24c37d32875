#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Overlays this project's src/, tcl/, contrib/loaders/ and doc/ onto an OpenOCD source tree as
# symlinks, removes the links of files that no longer exist, refuses to shadow an OpenOCD file,
# and refuses a src/ .c file that no Makefile.am of the tree lists (it would silently not be
# built), and a doc/ .texi file that doc/Makefile.am does not list (a change to it would not
# rebuild the manual). contrib/loaders is there because drivers include their loader as
# "../../../contrib/loaders/flash/<name>/<name>.inc", OpenOCD's idiom; doc/ holds the manual's
# sections, included by doc/openocd.texi (openocd/patches/0003-*).
#
# usage: overlay-openocd.sh PROJECT_SRCDIR OPENOCD_SRCDIR
set -eu

P=$1
O=$2

# links to our files that vanished
find "$O/src" "$O/tcl" "$O/contrib/loaders" "$O/doc" -type l | while read -r link; do
	case $(readlink "$link") in
	"$P"/*) [ -e "$link" ] || rm -f "$link" ;;
	esac
done

dirs=""
for d in src tcl contrib/loaders doc; do [ -d "$P/$d" ] && dirs="$dirs $d"; done
# shellcheck disable=SC2086
(cd "$P" && find $dirs -type f ! -path '*/.deps/*' ! -name '*.mk' ! -name '*.[oa]' ! -name '*~' ! -name '.*') | while read -r f; do
	dst=$O/$f
	if [ -L "$dst" ]; then
		[ "$(readlink "$dst")" = "$P/$f" ] && continue
		rm -f "$dst"
	elif [ -e "$dst" ]; then
		echo "overlay: $f would replace OpenOCD's own file; rename ours" >&2
		exit 1
	fi
	mkdir -p "$(dirname "$dst")"
	ln -s "$P/$f" "$dst"
done

# every .c we add must be in a Makefile.am next to it (ours, or one our patches edit)
status=0
for c in $(cd "$P" && find src -name '*.c'); do
	dir=$(dirname "$c")
	base=$(basename "$c")
	if ! grep -q "%D%/$base\\b" "$O/$dir/Makefile.am" 2>/dev/null; then
		echo "overlay: $c is not listed in $dir/Makefile.am (of the patched tree): it would not be built" >&2
		status=1
	fi
done
# every .texi we add must be in doc/Makefile.am's openocd_TEXINFOS (added by our patch)
if [ -d "$P/doc" ]; then
	for x in $(cd "$P" && find doc -name '*.texi'); do
		if ! grep -q "%D%/$(basename "$x")\\b" "$O/doc/Makefile.am" 2>/dev/null; then
			echo "overlay: $x is not listed in doc/Makefile.am (of the patched tree): a change to it would not rebuild the manual" >&2
			status=1
		fi
	done
fi
exit $status

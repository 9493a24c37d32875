#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Builds OpenOCD (0.12.0, or master: whatever tree configure was given) with this project
# compiled in, incrementally:
#   1. the OpenOCD source is unpacked to build/openocd-src and this project registered in it by
#      scripts/register-openocd.sh (again only when the source or that script changed; then
#      autoreconf -fi, as the edited Makefile.am files require, see README "Build");
#   2. every file of our src/ and tcl/ is symlinked into that tree (so an edited file is what
#      OpenOCD's make sees, and only it is rebuilt); a .c file that no Makefile.am lists is an
#      error, never silently left out;
#   3. OpenOCD is configured once into build/openocd-build and made;
#   4. build/bin/openocd is written: the binary with the script search path set.
# Runs under a lock so two builds never run in the same tree at once.
#
# usage: scripts/oocd-make.sh [install]   (settings from build/openocd.env, made by configure)
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
env_file=${H5_OPENOCD_ENV:-$here/build/openocd.env}
if [ ! -f "$env_file" ]; then
	echo "oocd-make: $env_file not found: run ./configure first" >&2
	exit 1
fi
. "$env_file"

B=$H5_BUILDDIR
SRC=$B/openocd-src
OBJ=$B/openocd-build
mkdir -p "$B/bin"

# Adapters a bench uses, plus the simulator's (remote_bitbang) and the tests' (dummy).
# External Jim Tcl and libjaylink (Debian's); -Werror stays on (OpenOCD's default).
OOCD_CONFIGURE_FLAGS="--disable-internal-jimtcl --disable-internal-libjaylink \
 --disable-doxygen-html --disable-doxygen-pdf \
 --enable-stlink --enable-cmsis-dap --enable-cmsis-dap-v2 --enable-ftdi --enable-jlink \
 --enable-remote-bitbang --enable-dummy"

# the version the tree's configure.ac declares (0.12.0, 0.12.0+dev for master ...)
oocd_version() {
	sed -n 's/^AC_INIT(\[openocd\], *\[\([^]]*\)\].*/\1/p' "$SRC/configure.ac" | head -1
}

exec 9>"$B/.openocd.lock"
flock 9

# --- 1. source tree -------------------------------------------------------------------------
tarball=${H5_OPENOCD_TARBALL:-$B/openocd_0.12.0.orig.tar.bz2}
if [ -z "$H5_OPENOCD_SRC" ] && [ ! -f "$tarball" ]; then
	"$H5_SRCDIR/scripts/fetch-openocd.sh" "$tarball"
fi
if [ -z "$H5_OPENOCD_SRC" ]; then
	# tarballs are pinned: the 0.12.0 orig tarball and the master snapshot CI tests against
	# (openocd/*.sha256); any other tree is used unpacked, with --with-openocd-src
	sha=$(sha256sum "$tarball" | cut -d' ' -f1)
	if ! cut -d' ' -f1 "$H5_SRCDIR"/openocd/*.sha256 | grep -qx "$sha"; then
		echo "oocd-make: $tarball is none of the pinned OpenOCD tarballs (openocd/*.sha256: SHA-256 mismatch); unpack your own tree and configure --with-openocd-src=DIR" >&2
		exit 1
	fi
	origin="tarball $sha"
else
	origin="tree $H5_OPENOCD_SRC"
fi
# openocd/patches/*.patch (none today): changes other than the registration, applied after it
key=$( (echo "$origin"; cat "$H5_SRCDIR/scripts/register-openocd.sh"
	cat "$H5_SRCDIR"/openocd/patches/*.patch 2>/dev/null) | sha256sum | cut -d' ' -f1)

if [ ! -f "$SRC/.h5-source-key" ] || [ "$(cat "$SRC/.h5-source-key")" != "$key" ]; then
	echo "oocd-make: preparing the OpenOCD source ($origin)"
	rm -rf "$SRC" "$OBJ"
	mkdir -p "$SRC"
	if [ -z "$H5_OPENOCD_SRC" ]; then
		tar -xf "$tarball" -C "$SRC" --strip-components=1
	else
		cp -a "$H5_OPENOCD_SRC/." "$SRC/"
	fi
	echo "oocd-make: OpenOCD $(oocd_version) in $SRC: registering stm32h5x"
	"$H5_SRCDIR/scripts/register-openocd.sh" "$SRC"
	for p in "$H5_SRCDIR"/openocd/patches/*.patch; do
		[ -f "$p" ] || continue
		echo "oocd-make: applying $(basename "$p")"
		patch -p1 -s -d "$SRC" < "$p"
	done
	"$H5_SRCDIR/scripts/overlay-openocd.sh" "$H5_SRCDIR" "$SRC"
	echo "oocd-make: autoreconf -fi (the edited Makefile.am files need regenerated autotools files)"
	(cd "$SRC" && autoreconf -fi >"$B/autoreconf.log" 2>&1) || {
		cat "$B/autoreconf.log" >&2
		exit 1
	}
	echo "$key" > "$SRC/.h5-source-key"
fi

# --- 2. overlay -----------------------------------------------------------------------------
"$H5_SRCDIR/scripts/overlay-openocd.sh" "$H5_SRCDIR" "$SRC"

# --- 3. configure and make ------------------------------------------------------------------
flags_key=$(echo "$OOCD_CONFIGURE_FLAGS --prefix=$H5_PREFIX" | sha256sum | cut -d' ' -f1)
if [ ! -f "$OBJ/Makefile" ] || [ "$(cat "$OBJ/.h5-flags-key" 2>/dev/null)" != "$flags_key" ]; then
	echo "oocd-make: configuring OpenOCD (log: $B/openocd-configure.log)"
	mkdir -p "$OBJ"
	# shellcheck disable=SC2086
	(cd "$OBJ" && "$SRC/configure" --prefix="$H5_PREFIX" $OOCD_CONFIGURE_FLAGS \
		>"$B/openocd-configure.log" 2>&1) || {
		tail -40 "$B/openocd-configure.log" >&2
		exit 1
	}
	echo "$flags_key" > "$OBJ/.h5-flags-key"
fi

jobs=$(nproc 2>/dev/null || echo 2)
# OpenOCD's make is a separate build with its own job count, not a part of ours
unset MAKEFLAGS MFLAGS MAKELEVEL
echo "oocd-make: building OpenOCD $(oocd_version)"
make -C "$OBJ" -j"$jobs" ${V:+V=$V} H5_P11KIT_CFLAGS="$H5_P11KIT_CFLAGS" \
	H5_P11KIT_LIBS="$H5_P11KIT_LIBS" "$@" >"$B/openocd-make.log" 2>&1 || {
	grep -E 'error|Error' "$B/openocd-make.log" | head -40 >&2
	tail -20 "$B/openocd-make.log" >&2
	echo "oocd-make: OpenOCD build failed (full log: $B/openocd-make.log)" >&2
	exit 1
}
grep -E '^  CC |warning' "$B/openocd-make.log" | sed 's/^/oocd-make: /' | head -50 || true

# --- 4. the wrapper -------------------------------------------------------------------------
cat > "$B/bin/openocd.tmp" <<EOW
#!/bin/sh
# Generated by scripts/oocd-make.sh: OpenOCD $(oocd_version) + stm32h5-lifecycle, run from the build
# tree with the script search path set (our tcl/ is overlaid into OpenOCD's).
exec "$OBJ/src/openocd" -s "$SRC/tcl" "\$@"
EOW
chmod +x "$B/bin/openocd.tmp"
mv "$B/bin/openocd.tmp" "$B/bin/openocd"

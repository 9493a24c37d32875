#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Writes the patch series that submits this project's OpenOCD part upstream: `git format-patch`
# against a pinned OpenOCD master snapshot, in upstream's commit style, without Signed-off-by
# (the author adds it). The simulator, the tests and our build scripts are not part of it.
#
#   patch | subject                                          | files
#   ------+--------------------------------------------------+----------------------------------
#   1     | target/stm32h5: product state, option bytes ...  | the library's plain C (core.mk,
#         |                                                  | lifecycle.mk), libtarget hook
#   2     | target/stm32h5: PSA-ADAC Debug Authentication .. | the DA host's plain C (da.mk)
#   3     | flash/nor/stm32h5x: add STM32H5 flash driver     | src/flash/nor/stm32h5x.[ch], the
#         |                                                  | library's OpenOCD side, loader,
#         |                                                  | registration (register-openocd.sh)
#   4     | doc: stm32h5x                                    | doc/openocd.texi (section inline)
#   5     | tcl/target: stm32h5x                             | tcl/target/stm32h5x*.{cfg,tcl}
#   6     | tcl/board: add STM32H5 Nucleo and Discovery ...  | tcl/board/ (ST-Link boards)
#
# The library's Makefile.am in the series lists the files each commit has (ours carries the
# overlay build's comments).
#
# Then checks the series as a reviewer would, in a fresh unpack of the snapshot: `git am`
# applies it, the tree's own tools/scripts/checkpatch.pl passes on every patch, and (unless
# UPSTREAM_SERIES_BUILD=0) OpenOCD builds with -Werror at every commit.
#
# usage: upstream-series.sh SNAPSHOT_TARBALL OUTDIR
set -eu

snapshot=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
out=$2
P=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$out"
out=$(cd "$out" && pwd)
W=$(mktemp -d "${TMPDIR:-/tmp}/h5-series.XXXXXX")
trap 'rm -rf "$W"' EXIT

name=$(git -C "$P" config user.name || echo "stm32h5-lifecycle")
email=$(git -C "$P" config user.email || echo "stm32h5-lifecycle@invalid")
export GIT_AUTHOR_NAME="$name" GIT_AUTHOR_EMAIL="$email"
export GIT_COMMITTER_NAME="$name" GIT_COMMITTER_EMAIL="$email"

# unpack SNAPSHOT into DIR as a git repository with one commit
base_repo() {
	mkdir -p "$1"
	tar -xf "$snapshot" -C "$1" --strip-components=1
	git -C "$1" init -q
	git -C "$1" add -A
	git -C "$1" commit -q -m "OpenOCD snapshot $(basename "$snapshot")"
}

# upstream_tcl FILE: FILE in master's own terms: the ST-Link's DAP mode is interface/stlink.cfg
# with transport swd there (our interface/stm32h5x-stlink-dap.cfg picks by version)
upstream_tcl() {
	sed -e 's|^source \[find interface/stm32h5x-stlink-dap.cfg\]$|source [find interface/stlink.cfg]\
\
transport select swd|' -e 's|interface/stm32h5x-stlink-dap\.cfg|interface/stlink.cfg|g' "$1"
}

# commit DIR SUBJECT BODY: commits what is staged
commit() {
	git -C "$1" commit -q -F - <<EOM
$2

$3
EOM
}

# --- the series -----------------------------------------------------------------------------
T=$W/series
base_repo "$T"

L=src/target/stm32h5

# the library files our build compiles without OpenOCD, per fragment (core, lifecycle, da)
pure_files() {
	sed -n '/libh5core_a_SOURCES +=/,/^$/p' "$P/$L/$1.mk" | grep -o "$L/[a-z_0-9]*\.[ch]"
}

# copy FILE...: from the project into the series tree
copy() {
	for f in "$@"; do
		mkdir -p "$T/$(dirname "$f")"
		cp "$P/$f" "$T/$f"
	done
}

# camelcase IDENT...: names of an outside library's API, added to the tree's checkpatch
# exceptions (tools/scripts/camelcase.txt), as upstream does for each library it uses
camelcase() {
	printf '%s\n' "$@" >> "$T/tools/scripts/camelcase.txt"
	git -C "$T" add tools/scripts/camelcase.txt
}

# lib_makefile [P11KIT]: the library's Makefile.am, listing the files the series has so far
# (with P11KIT: p11-kit's flags, from the PKG_CHECK_MODULES the DA commit adds)
lib_makefile() {
	{
		echo "# SPDX-License-Identifier: GPL-2.0-or-later"
		echo
		echo "noinst_LTLIBRARIES += %D%/libstm32h5.la"
		if [ "${1:-}" = P11KIT ]; then
			echo "%C%_libstm32h5_la_CPPFLAGS = \$(AM_CPPFLAGS) \$(P11KIT_CFLAGS)"
			echo "%C%_libstm32h5_la_LIBADD = -lmbedcrypto -lexpat \$(P11KIT_LIBS)"
		else
			echo "%C%_libstm32h5_la_LIBADD = -lmbedcrypto -lexpat"
		fi
		echo "%C%_libstm32h5_la_SOURCES = \\"
		(cd "$T/$L" && ls -- *.c *.h) | LC_ALL=C sort | sed 's|^|\t%D%/|; s|$| \\|; $ s| \\$||'
	} > "$T/$L/Makefile.am"
}

# 1. product state, option bytes, OBKeys: plain C, hooked into libtarget
# shellcheck disable=SC2046
# (with the DA host's error, file and name helpers that the lifecycle code uses too)
copy $(pure_files core) $(pure_files lifecycle) $L/family.h $L/name_match.c $L/name_match.h \
	$L/da_file.c $L/da_file.h $L/da_error.c $L/da_error.h
lib_makefile
"$P/scripts/register-openocd.sh" "$T"
git -C "$T" checkout -q -- doc src/flash
git -C "$T" add -A src/target
printf '\n# expat (XML parser)\n' >> "$T/tools/scripts/camelcase.txt"
camelcase XML_Char XML_ErrorString XML_GetCurrentLineNumber XML_GetErrorCode XML_Parse \
	XML_Parser XML_ParserCreate XML_ParserFree XML_SetCharacterDataHandler \
	XML_SetElementHandler XML_SetUserData XML_StopParser
commit "$T" "target/stm32h5: product state, option bytes and OBKeys" \
"Add the STM32H5 lifecycle rules as plain C, for the stm32h5x flash
driver that follows: the product states (Open, Provisioning,
iROT-Provisioned, TZ-Closed, Closed, Locked) and which transitions a
debugger may ask for, the option bytes by name with their width per line
and when a change takes effect, the OBKeys' .obk files and the Debug
Authentication configuration with its integrity hash, the STM32H503's
password hash in OTP, and the guards that refuse irreversible steps.

It needs mbedTLS (libmbedcrypto) for SHA-256 and expat for ST's
package-creator XML files."

# 2. the Debug Authentication host, plain C
# shellcheck disable=SC2046
copy $(pure_files da)
lib_makefile P11KIT
git -C "$T" add -A src/target
# p11-kit: the PKCS#11 header and its pkcs11: URI parser
sed -i 's|^PKG_CHECK_MODULES(\[LIBUSB1\]|PKG_CHECK_MODULES([P11KIT], [p11-kit-1])\
\
&|' "$T/configure.ac"
git -C "$T" add configure.ac
printf '\n# PKCS#11 (p11-kit)\n' >> "$T/tools/scripts/camelcase.txt"
camelcase CK_C_GetFunctionList C_CloseSession C_Finalize C_FindObjects C_FindObjectsFinal \
	C_FindObjectsInit C_GetAttributeValue C_GetSlotList C_GetTokenInfo C_Initialize C_Login \
	C_Logout C_OpenSession C_Sign C_SignInit P11KitUri manufacturerID pValue serialNumber \
	ulValueLen
commit "$T" "target/stm32h5: PSA-ADAC Debug Authentication host" \
"Add the host side of PSA-ADAC as the STM32H5 uses it: packets and TLVs,
discovery and its checks, permissions, certificate chains, keys and
tokens signed with ECDSA P-256 (mbedTLS), password files, signing by a
PKCS#11 token or an outside command. The transport over the DBGMCU
mailbox comes with the flash driver.

It needs p11-kit (pkg-config p11-kit-1) for the PKCS#11 header and its
pkcs11: URI parser."

# 3. the driver, the library's OpenOCD side and the loader, registered
(cd "$P" && git ls-files src/flash/nor $L contrib/loaders/flash/stm32h5) |
	grep -v -e '\.mk$' -e "^$L/Makefile.am$" | while read -r f; do copy "$f"; done
lib_makefile P11KIT
"$P/scripts/register-openocd.sh" "$T"
git -C "$T" checkout -q -- doc
git -C "$T" add -A src contrib
commit "$T" "flash/nor/stm32h5x: add STM32H5 flash driver" \
"Add a flash driver for the STM32H5 family (STM32H503, H52x/H53x,
H56x/H57x): user flash of both banks with the secure alias, OTP and the
high-cycle data area, option bytes, write protection and bank swap,
programming through a loader.

Its stm32h5x command group carries the lifecycle: the product state,
named option bytes, OBKey provisioning through the ROM's RSSLIB, and
Debug Authentication over the DBGMCU mailbox of access port 0, which
answers also when the core's access port is closed."

# 2. the manual: our section inline, before the stm32h7x driver, as upstream's drivers are
awk -v texi="$P/doc/stm32h5x.texi" '
	/^@deffn \{Flash Driver\} \{stm32h7x\}$/ {
		# without the header comment of the file (its license, where it is included)
		head = 1
		while ((getline l < texi) > 0) {
			if (head && (l ~ /^@c / || l == ""))
				continue
			head = 0
			print l
		}
		print ""
	}
	{ print }' "$T/doc/openocd.texi" | upstream_tcl /dev/stdin > "$W/openocd.texi"
mv "$W/openocd.texi" "$T/doc/openocd.texi"
git -C "$T" add doc/openocd.texi
commit "$T" "doc: stm32h5x" \
"Document the stm32h5x flash driver, its lifecycle and Debug
Authentication commands and the provisioning procs of
tcl/target/stm32h5x_lifecycle.tcl."

# 3. the target file and the procs it sources (lifecycle, secure area, production recipes)
mkdir -p "$T/tcl/target"
for f in "$P"/tcl/target/stm32h5x*.cfg "$P"/tcl/target/stm32h5x*.tcl; do
	upstream_tcl "$f" > "$T/tcl/target/$(basename "$f")"
done
git -C "$T" add tcl/target
commit "$T" "tcl/target: stm32h5x" \
"Add the target file of the STM32H5 family: the Cortex-M33 on access
port 1, access port 0 for DBGMCU and Debug Authentication, the four flash
banks (user flash, secure alias, OTP, high-cycle data), and the
provisioning and regression procs of the security lifecycle."

# 4. the boards with an on-board ST-Link (the simulator's board is not part of it)
for f in "$P"/tcl/board/*.cfg; do
	grep -q 'interface/stm32h5x-stlink-dap.cfg' "$f" || continue
	[ "$(basename "$f")" != stm32h5-sim.cfg ] || continue
	upstream_tcl "$f" > "$T/tcl/board/$(basename "$f")"
	git -C "$T" add "tcl/board/$(basename "$f")"
done
commit "$T" "tcl/board: add STM32H5 Nucleo and Discovery boards" \
"Add NUCLEO-H503RB, NUCLEO-H533RE, NUCLEO-H563ZI and STM32H573I-DK,
debugged through their on-board ST-Link in its DAP mode (access port 0
is needed for Debug Authentication) with NRST wired."

rm -f "$out"/*.patch
git -C "$T" format-patch -q -o "$out" HEAD~6..HEAD
echo "upstream-series: $(ls "$out"/*.patch | wc -l) patches in $out"

# --- the checks -----------------------------------------------------------------------------
C=$W/check
base_repo "$C"
status=0
build=${UPSTREAM_SERIES_BUILD:-1}
for p in "$out"/*.patch; do
	if ! git -C "$C" am -q "$p"; then
		echo "upstream-series: $(basename "$p") does not apply with git am" >&2
		exit 1
	fi
	# Signed-off-by is the author's to add
	if ! (cd "$C" && perl tools/scripts/checkpatch.pl --ignore MISSING_SIGN_OFF -q "$p") \
		>"$W/checkpatch.log" 2>&1; then
		echo "upstream-series: checkpatch: $(basename "$p"):" >&2
		cat "$W/checkpatch.log" >&2
		status=1
	fi
	[ "$build" = 1 ] || continue
	if [ ! -f "$W/build/Makefile" ]; then
		(cd "$C" && autoreconf -fi) >"$W/build.log" 2>&1
		mkdir -p "$W/build"
		(cd "$W/build" && "$C/configure" --disable-internal-jimtcl --disable-internal-libjaylink \
			--disable-doxygen-html --disable-doxygen-pdf --enable-remote-bitbang --enable-dummy \
			--enable-stlink) >>"$W/build.log" 2>&1 || { tail -30 "$W/build.log" >&2; exit 1; }
	fi
	if ! make -C "$W/build" -j"$(nproc 2>/dev/null || echo 2)" >>"$W/build.log" 2>&1; then
		grep -E 'error:|Error [0-9]|No rule' "$W/build.log" | head -20 >&2
		echo "upstream-series: OpenOCD does not build after $(basename "$p")" >&2
		exit 1
	fi
	echo "upstream-series: $(basename "$p"): applies, checkpatch $([ $status = 0 ] && echo clean || echo FAILED), builds"
done
[ "$build" = 1 ] || echo "upstream-series: every patch applies with git am (build not checked)"
exit $status

#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Registers this project in an OpenOCD source tree: the stm32h5x flash driver (its extern
# declaration, its flash_drivers[] entry, its source and header in src/flash/nor/Makefile.am),
# the src/target/stm32h5 library (libtarget's LIBADD and its Makefile.am) and the manual's
# stm32h5x section (doc/openocd.texi and doc/Makefile.am).
#
# Every edit finds its place by what the tree lists, never by the lines around it, so the same
# script serves OpenOCD 0.12.0 and master (which moved the extern declarations from drivers.c
# to driver.h and sorted the lists):
#
#   edit                       | where                          | how
#   ---------------------------+--------------------------------+------------------------------
#   extern stm32h5x_flash      | driver.h if it lists externs,  | in name order among them
#                              | else drivers.c                 |
#   &stm32h5x_flash            | flash_drivers[] in drivers.c   | in name order among entries
#   stm32h5x.c / stm32h5x.h    | NOR_DRIVERS / NORHEADERS       | in name order among entries
#   libstm32h5.la, Makefile.am | end of src/target/Makefile.am  | LIBADD += and include
#   stm32h5x.texi              | doc/openocd.texi, doc/Makefile | before the stm32h7x driver,
#                              |                                | openocd_TEXINFOS +=
#
# A tree where a list is not found is refused with what was missing: it is laid out in a way
# this project does not know.
#
# usage: register-openocd.sh OPENOCD_SRCDIR
set -eu

O=$1

unknown() {
	echo "register-openocd: $1 not found in $O: this OpenOCD tree is laid out in a way this project does not know (it knows 0.12.0 and master of 2026-08); register the stm32h5x flash driver by hand (README \"Build against your own OpenOCD tree\")" >&2
	exit 1
}

# insert_sorted FILE START END ENTRY LINE: in FILE, between the first line matching the ERE
# START and the next line matching END, inserts LINE before the first line matching ENTRY
# that sorts after it (byte order). Does nothing if LINE is already there.
insert_sorted() {
	f=$O/$1
	[ -f "$f" ] || unknown "$1"
	grep -qxF -- "$(printf '%b' "$5")" "$f" && return 0
	LC_ALL=C awk -v start="$2" -v end="$3" -v entry="$4" -v line="$(printf '%b' "$5")" '
		BEGIN { state = 0 }
		{
			if (state == 0 && $0 ~ start) {
				state = 1
			} else if (state == 1 && $0 ~ end) {
				state = 2
			}
			if (state == 1 && $0 ~ entry && $0 > line) {
				print line
				state = 3
			}
			print
		}
		END { exit state == 3 ? 0 : 1 }
	' "$f" > "$f.h5tmp" || {
		rm -f "$f.h5tmp"
		unknown "the list for \"$(printf '%b' "$5" | sed 's/^[[:space:]]*//')\" in $1"
	}
	mv "$f.h5tmp" "$f"
}

# append FILE LINE...: appends the lines to FILE (after a newline if FILE lacks a final one)
append() {
	f=$O/$1
	[ -f "$f" ] || unknown "$1"
	shift
	grep -qxF -- "$1" "$f" && return 0
	[ -z "$(tail -c1 "$f")" ] || echo >> "$f"
	printf '%s\n' "$@" >> "$f"
}

# --- flash driver ---------------------------------------------------------------------------
EXTERN_RE='^extern const struct flash_driver [a-z0-9_]+_flash;$'
if grep -Eq "$EXTERN_RE" "$O/src/flash/nor/driver.h" 2>/dev/null; then
	extern_file=src/flash/nor/driver.h
else
	extern_file=src/flash/nor/drivers.c
fi
insert_sorted "$extern_file" "$EXTERN_RE" '^$' "$EXTERN_RE" \
	'extern const struct flash_driver stm32h5x_flash;'
insert_sorted src/flash/nor/drivers.c 'flash_drivers\[\] = \{$' '^\};' '^\t&[a-z0-9_]+_flash,$' \
	'\t&stm32h5x_flash,'
insert_sorted src/flash/nor/Makefile.am '^NOR_DRIVERS = ' '^$' '^\t%D%/[a-z0-9_]+\.c( .)?$' \
	'\t%D%/stm32h5x.c \\'
insert_sorted src/flash/nor/Makefile.am '^NORHEADERS = ' '^$' '^\t%D%/[a-z0-9_]+\.h( .)?$' \
	'\t%D%/stm32h5x.h \\'

# --- lifecycle library ----------------------------------------------------------------------
grep -q '^%C%_libtarget_la_LIBADD = ' "$O/src/target/Makefile.am" 2>/dev/null ||
	unknown "libtarget's LIBADD in src/target/Makefile.am"
append src/target/Makefile.am \
	'%C%_libtarget_la_LIBADD += %D%/stm32h5/libstm32h5.la' \
	'include %D%/stm32h5/Makefile.am'

# --- manual ---------------------------------------------------------------------------------
grep -q '^%C%_openocd_TEXINFOS = ' "$O/doc/Makefile.am" 2>/dev/null ||
	unknown "openocd_TEXINFOS in doc/Makefile.am"
append doc/Makefile.am '%C%_openocd_TEXINFOS += %D%/stm32h5x.texi'
if ! grep -qx '@include stm32h5x.texi' "$O/doc/openocd.texi"; then
	grep -q '^@deffn {Flash Driver} {stm32h7x}$' "$O/doc/openocd.texi" ||
		unknown "the stm32h7x flash driver section in doc/openocd.texi"
	awk '/^@deffn \{Flash Driver\} \{stm32h7x\}$/ { print "@include stm32h5x.texi"; print "" } { print }' \
		"$O/doc/openocd.texi" > "$O/doc/openocd.texi.h5tmp"
	mv "$O/doc/openocd.texi.h5tmp" "$O/doc/openocd.texi"
fi

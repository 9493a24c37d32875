#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# scripts/register-openocd.sh on small synthetic trees laid out as OpenOCD 0.12.0 (extern
# declarations in drivers.c, flash_drivers[] ending in NULL, src/target/Makefile.am without a
# final newline) and as master (externs in driver.h, lists sorted, no NULL): each edit lands
# in its list in name order, a second run changes nothing, and a tree without a list is
# refused naming what was not found, with nothing half-written. Prints TAP.
set -u
: "${H5_TOP_SRCDIR:=$(cd "$(dirname "$0")/../.." && pwd)}"
REG=$H5_TOP_SRCDIR/scripts/register-openocd.sh
W=$(mktemp -d "${TMPDIR:-/tmp}/h5-register.XXXXXX")
trap 'rm -rf "$W"' EXIT
n=0
fail=0
t() { # t NAME COMMAND...
	name=$1
	shift
	n=$((n + 1))
	if "$@"; then echo "ok $n - $name"; else echo "not ok $n - $name"; fail=1; fi
}
# follows FILE A B: line B comes right after line A
follows() { grep -A1 -xF -- "$2" "$1" | tail -1 | grep -qxF -- "$3"; }

# tree DIR LAYOUT: the files the registration edits, reduced to what it looks at
tree() {
	d=$1
	mkdir -p "$d/src/flash/nor" "$d/src/target" "$d/doc"
	printf 'NOR_DRIVERS = \\\n\t%%D%%/aduc702x.c \\\n\t%%D%%/stm32f2x.c \\\n\t%%D%%/stm32h7x.c \\\n\t%%D%%/xmc4xxx.c\n\nNORHEADERS = \\\n\t%%D%%/imp.h \\\n\t%%D%%/stm32l4x.h\n' \
		>"$d/src/flash/nor/Makefile.am"
	printf '%%C%%_libtarget_la_LIBADD = %%D%%/xtensa/libxtensa.la\n\ninclude %%D%%/xtensa/Makefile.am' \
		>"$d/src/target/Makefile.am"
	printf 'info_TEXINFOS += %%D%%/openocd.texi\n%%C%%_openocd_TEXINFOS = %%D%%/fdl.texi\n' >"$d/doc/Makefile.am"
	printf '@deffn {Flash Driver} {stm32f2x}\n@end deffn\n\n@deffn {Flash Driver} {stm32h7x}\n@end deffn\n' \
		>"$d/doc/openocd.texi"
	if [ "$2" = 0.12.0 ]; then
		printf '#include "imp.h"\n\nextern const struct flash_driver aduc702x_flash;\nextern const struct flash_driver stm32f2x_flash;\nextern const struct flash_driver stm32lx_flash;\nextern const struct flash_driver stm32h7x_flash;\n\nstatic const struct flash_driver * const flash_drivers[] = {\n\t&aduc702x_flash,\n\t&stm32f2x_flash,\n\t&stm32lx_flash,\n\t&stm32h7x_flash,\n\tNULL,\n};\n' \
			>"$d/src/flash/nor/drivers.c"
		printf 'struct flash_driver {\n\tconst char *name;\n};\n' >"$d/src/flash/nor/driver.h"
	else
		printf '#include "imp.h"\n\nstatic const struct flash_driver * const flash_drivers[] = {\n\t// Keep in alphabetic order the list of drivers\n\t&aduc702x_flash,\n\t&stm32f2x_flash,\n\t&stm32h7x_flash,\n\t&stm32lx_flash,\n};\n' \
			>"$d/src/flash/nor/drivers.c"
		printf 'struct flash_driver {\n\tconst char *name;\n};\n\n// Keep in alphabetic order this list of drivers\nextern const struct flash_driver aduc702x_flash;\nextern const struct flash_driver stm32f2x_flash;\nextern const struct flash_driver stm32h7x_flash;\nextern const struct flash_driver stm32lx_flash;\n\n#endif\n' \
			>"$d/src/flash/nor/driver.h"
	fi
}

EXT='extern const struct flash_driver stm32h5x_flash;'
TAB=$(printf '\t')
for layout in 0.12.0 master; do
	d=$W/$layout
	tree "$d" $layout
	"$REG" "$d" >"$W/$layout.log" 2>&1
	t "$layout: registers with status 0" test $? -eq 0
	if [ $layout = 0.12.0 ]; then
		t "$layout: the extern goes to drivers.c, in name order" \
			follows "$d/src/flash/nor/drivers.c" 'extern const struct flash_driver stm32f2x_flash;' "$EXT"
		t "$layout: driver.h is left alone" sh -c '! grep -q stm32h5x "$1"' _ "$d/src/flash/nor/driver.h"
	else
		t "$layout: the extern goes to driver.h, in name order" \
			follows "$d/src/flash/nor/driver.h" 'extern const struct flash_driver stm32f2x_flash;' "$EXT"
		t "$layout: drivers.c gets no extern" sh -c '! grep -q "^extern" "$1"' _ "$d/src/flash/nor/drivers.c"
	fi
	t "$layout: flash_drivers[] gets &stm32h5x_flash in name order" \
		follows "$d/src/flash/nor/drivers.c" "$TAB&stm32f2x_flash," "$TAB&stm32h5x_flash,"
	t "$layout: NOR_DRIVERS and NORHEADERS list stm32h5x.c and stm32h5x.h" sh -c '
		grep -A1 -xF "	%D%/stm32f2x.c \\" "$1" | grep -qxF "	%D%/stm32h5x.c \\" &&
		grep -B1 -xF "	%D%/stm32l4x.h" "$1" | grep -qxF "	%D%/stm32h5x.h \\"' _ "$d/src/flash/nor/Makefile.am"
	t "$layout: libtarget links the library and includes its Makefile.am" sh -c '
		grep -qxF "include %D%/xtensa/Makefile.am" "$1" &&
		grep -qxF "%C%_libtarget_la_LIBADD += %D%/stm32h5/libstm32h5.la" "$1" &&
		grep -qxF "include %D%/stm32h5/Makefile.am" "$1"' _ "$d/src/target/Makefile.am"
	t "$layout: the manual includes stm32h5x.texi before stm32h7x and lists it" sh -c '
		grep -A2 -xF "@include stm32h5x.texi" "$1/doc/openocd.texi" | grep -qxF "@deffn {Flash Driver} {stm32h7x}" &&
		grep -qxF "%C%_openocd_TEXINFOS += %D%/stm32h5x.texi" "$1/doc/Makefile.am"' _ "$d"
	cp -a "$d" "$d.once"
	"$REG" "$d" >/dev/null 2>&1
	t "$layout: a second run changes nothing" diff -r "$d.once" "$d"
done

# a tree whose drivers.c has no flash_drivers[]: refused by name, drivers.c untouched
d=$W/unknown
tree "$d" master
sed -i 's/flash_drivers\[\]/nor_drivers[]/' "$d/src/flash/nor/drivers.c"
cp "$d/src/flash/nor/drivers.c" "$W/drivers.c.before"
"$REG" "$d" >"$W/unknown.log" 2>&1
t "unknown layout: refused" test $? -ne 0
t "unknown layout: the message names the list and the file" \
	grep -q 'the list for "&stm32h5x_flash," in src/flash/nor/drivers.c not found' "$W/unknown.log"
t "unknown layout: drivers.c is left as it was" cmp -s "$W/drivers.c.before" "$d/src/flash/nor/drivers.c"
[ $fail -eq 0 ] || sed 's/^/# /' "$W"/*.log
exit $fail

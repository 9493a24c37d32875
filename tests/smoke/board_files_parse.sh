#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Smoke test of the ST-Link board files (tcl/board/st_nucleo_h5*.cfg, stm32h573i-dk.cfg), with
# no hardware: each one is loaded by the built OpenOCD with "shutdown" before "init", so no
# adapter is opened, and must select the st-link driver with its dap-direct SWD transport
# ("dapdirect_swd" in 0.12.0, "swd (dapdirect)" on master), declare
# the four stm32h5x banks, set the part's work area and wire NRST (srst_only srst_nogate).
# That no USB device is opened is checked in the log (and with strace when it is installed);
# a control run with "init" and a vendor/product ID no probe has shows that the check sees an
# attempt. Prints TAP.
#
# usage: board_files_parse.sh [BOARD_FILE...]   (default: the four board files; a path with a
#        '/' is used as it is, so a copy can be tried: the expected work area is found by the
#        file's name)
set -u
: "${H5_BUILDDIR:=$(cd "$(dirname "$0")/../.." && pwd)/build}"
OPENOCD=$H5_BUILDDIR/bin/openocd
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
n=0
fail=0
t() { # t NAME COMMAND...: one TAP line from a command's status
	name=$1
	shift
	n=$((n + 1))
	if "$@"; then echo "ok $n - $name"; else echo "not ok $n - $name"; fail=1; fi
}
has() { # has FILE EXTENDED-REGEX
	grep -Eq "$2" "$1"
}
lacks() {
	! grep -Eq "$2" "$1"
}
# the part's SRAM1 (h5-flash-ob.md §2.1): NUCLEO-H503RB 16 KiB, H533RE 128 KiB, H563ZI and
# STM32H573I-DK 256 KiB
expected_work_area() {
	case $(basename "$1" .cfg) in
	st_nucleo_h503rb) echo 16384 ;;
	st_nucleo_h533re) echo 131072 ;;
	st_nucleo_h563zi | stm32h573i-dk) echo 262144 ;;
	*) echo unknown ;;
	esac
}
# stm32h5x::settings(crypto): the part has cryptography (H533, H573: a DA .obk takes encryption
# flag 1) or not (H563: 0); the H503 has no OBKeys and leaves it unset
expected_crypto() {
	case $(basename "$1" .cfg) in
	st_nucleo_h533re | stm32h573i-dk) echo 1 ;;
	st_nucleo_h563zi) echo 0 ;;
	*) echo "" ;;
	esac
}
# an attempt to reach a USB device: ST-Link's "open failed" message, or (strace) libusb
# looking at the bus, subscribing to hot-plug events, or a HID device opened
usb_attempt_re='open failed|/dev/bus/usb|/sys/bus/usb|NETLINK_KOBJECT_UEVENT|hidraw[0-9]'
have_strace=0
command -v strace >/dev/null 2>&1 && have_strace=1
run() { # run LOG ARGS...: openocd under strace when there is one; trace appended to LOG
	log=$1
	shift
	if [ $have_strace -eq 1 ]; then
		strace -f -e trace=openat,open,socket -o "$log.trace" "$OPENOCD" "$@" >"$log" 2>&1
		st=$?
		grep -v '\.so' "$log.trace" >>"$log"
		return $st
	fi
	"$OPENOCD" "$@" >"$log" 2>&1
}

checks='echo "h5-transport [transport select]"; echo "h5-adapter [adapter name]"'
checks="$checks"'; echo "h5-reset [reset_config]"; echo "h5-wa [expr {[stm32h5.cpu cget -work-area-size] + 0}]"'
checks="$checks"'; echo "h5-crypto <$stm32h5x::settings(crypto)>"'
checks="$checks"'; foreach b [flash list] { echo [format "h5-bank %s %s 0x%08x" [dict get $b name] [dict get $b driver] [dict get $b base]] }'

if [ $# -eq 0 ]; then
	set -- board/st_nucleo_h503rb.cfg board/st_nucleo_h533re.cfg board/st_nucleo_h563zi.cfg \
		board/stm32h573i-dk.cfg
fi

for f in "$@"; do
	b=$(basename "$f" .cfg)
	log=$TMP/$b.log
	fail_before=$fail
	fail=0
	run "$log" -f "$f" -c "$checks; shutdown"
	status=$?
	t "$b: loads with status 0 and reaches shutdown" \
		sh -c '[ "$1" -eq 0 ] && grep -q "shutdown command invoked" "$2"' _ "$status" "$log"
	t "$b: the transport is dap-direct SWD" has "$log" '^h5-transport (dapdirect_swd|swd \(dapdirect\))$'
	t "$b: the adapter driver is st-link" has "$log" '^h5-adapter st-link$'
	t "$b: the four stm32h5x banks are declared (user flash, secure alias, OTP, EDATA)" sh -c '
		for bank in "flash_ns stm32h5x 0x08000000" "flash_s stm32h5x 0x0c000000" \
			"otp stm32h5x 0x08fff000" "edata stm32h5x 0x09000000"; do
			grep -q "^h5-bank stm32h5.$bank$" "$1" || exit 1
		done
		[ "$(grep -c "^h5-bank " "$1")" -eq 4 ]' _ "$log"
	t "$b: stm32h5x::settings(crypto) is '$(expected_crypto "$f")'" \
		has "$log" "^h5-crypto <$(expected_crypto "$f")>\$"
	t "$b: the work area is the part's SRAM1 ($(expected_work_area "$f") bytes)" \
		has "$log" "^h5-wa $(expected_work_area "$f")\$"
	t "$b: NRST is wired (srst_only srst_nogate, no connect under reset by default)" \
		has "$log" '^h5-reset srst_only .*srst_nogate .*connect_deassert_srst'
	t "$b: no USB device is opened without init" lacks "$log" "$usb_attempt_re"
	[ $fail -eq 0 ] || grep -Ev '^[0-9]+ (openat\(.*(= [0-9]|ENOENT)|\+\+\+ exited)' "$log" | sed 's/^/# /' | tail -20
	[ $fail_before -eq 0 ] || fail=1
done

# the settings and the control, on the first board file
f=$1
b=$(basename "$f" .cfg)
log=$TMP/cur.log
run "$log" -c 'set CONNECT_UNDER_RESET 1; set WORKAREASIZE 0x2000' -f "$f" -c "$checks; shutdown"
t "$b: CONNECT_UNDER_RESET=1 connects under reset (connect_assert_srst)" \
	has "$log" '^h5-reset srst_only .*srst_nogate .*connect_assert_srst'
t "$b: a WORKAREASIZE set before the board file is kept" has "$log" '^h5-wa 8192$'

log=$TMP/control.log
# (the ID is set with "adapter usb vid_pid" where it exists, master; else "st-link vid_pid")
run "$log" -f "$f" -c 'if {[catch {adapter usb vid_pid 0x0483 0xfff0}]} {st-link vid_pid 0x0483 0xfff0}' \
	-c 'init; shutdown'
t "control: with init (and an ID no probe has) the USB check sees the attempt" \
	has "$log" "$usb_attempt_re"

echo "1..$n"
[ $have_strace -eq 1 ] || echo "# strace not installed: the USB checks read the log only"
exit $fail

#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# make bench: measures, against the simulator, how fast the stm32h5x driver programs flash
# compared with writing the same bytes to RAM over the same link (load_image), and how the cost
# grows with the image size. Each measurement is its own simulator session; the simulator's
# counters (JTAG clocks, DAP transactions, simulated flash busy time) come from its state dump,
# minus a baseline session that only connects. Wall time is taken around the operation only.
# Prints a table and writes it to docs/performance.md with the machine and the date.
#
# usage: scripts/bench.sh        (env: H5_TOP_SRCDIR, H5_BUILDDIR, BENCH_SIZES_KIB, BENCH_PART,
#                                BENCH_REPEAT: the RAM/loader/direct sessions run that many
#                                times in turn and the wall times are medians; default 5: one
#                                run of a row varies by up to ±30 % on a loaded machine;
#                                BENCH_STLINK_SIZES_KIB: the same rows once over the ST-Link
#                                path (OpenOCD's stlink driver, emulated ST-Link), default 64)
set -eu

: "${H5_TOP_SRCDIR:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${H5_BUILDDIR:=$H5_TOP_SRCDIR/build}"
: "${BENCH_SIZES_KIB:=64 256 1024}"
: "${BENCH_PART:=H563}"
: "${BENCH_REPEAT:=5}"
: "${BENCH_STLINK_SIZES_KIB=64}"
W=$H5_BUILDDIR/bench
. "$H5_TOP_SRCDIR/scripts/h5sim-start.sh"
rm -rf "$W"
mkdir -p "$W"

# session NAME TCL-BODY [PRE-TARGET-TCL [SIMOPTS]]: one simulator + OpenOCD run in $W/NAME/
# (the chip in state, the counters in dump.txt), OpenOCD's output in $W/NAME.out.
# PRE-TARGET-TCL runs before target/stm32h5x.cfg (e.g. "set WORKAREASIZE 0"); SIMOPTS are more
# simulator options (e.g. a product state).
session() {
	name=$1
	body=$2
	pre=${3:-}
	simopts=${4:-}
	mkdir -p "$W/$name"
	# shellcheck disable=SC2086
	if ! h5sim_start "$W/$name" --part "$BENCH_PART" $simopts; then
		echo "bench: simulator did not start" >&2
		cat "$W/$name/h5sim.out" >&2
		exit 1
	fi
	printf '%s\n' "$body" >"$W/$name.tcl"
	"$H5_BUILDDIR/bin/openocd" -f board/stm32h5-sim.cfg \
		-c "$pre" -f target/stm32h5x.cfg -f "$W/$name.tcl" >"$W/$name.out" 2>&1 || {
		echo "bench: session $name failed:" >&2
		tail -20 "$W/$name.out" >&2
		kill "$H5SIM_PID" 2>/dev/null
		exit 1
	}
	wait "$H5SIM_PID" || true
}
counter() { sed -n "s/^$2 //p" "$W/$1/dump.txt"; }
elapsed_ms() { sed -n 's/^bench-ms //p' "$W/$1.out"; }
# rep_names NAME: NAME and its repetitions NAME.r2 ... (BENCH_REPEAT), one per line
rep_names() {
	echo "$1"
	r=2
	while [ $r -le "$BENCH_REPEAT" ]; do
		echo "$1.r$r"
		r=$((r + 1))
	done
}
# rate_ratio A B: wall time of A / wall time of B (the rate of B relative to A); with
# repetitions, the median of the ratios of the sessions that ran side by side
rate_ratio() {
	for a in $(rep_names "$1"); do
		b=$2${a#"$1"}
		echo "$(elapsed_ms "$a") $(elapsed_ms "$b")"
	done | awk '$2 > 0 { v[++n] = $1 / $2 } END {
		if (!n) { print "n/a"; exit }
		for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
		printf "%.2f", (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2 }'
}
# median_ms NAME: the median wall time of NAME and its repetitions NAME.r2 ... (BENCH_REPEAT)
median_ms() {
	for f in "$W/$1.out" "$W/$1".r*.out; do
		[ -f "$f" ] && sed -n 's/^bench-ms //p' "$f"
	done | sort -n | awk '{ v[NR] = $1 } END {
		if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}
# delta NAME COUNTER: the counter minus the baseline session's
delta() { echo $(($(counter "$1" "$2") - $(counter baseline "$2"))); }
# stlink_delta NAME COUNTER: the same against the ST-Link baseline session
stlink_delta() { echo $(($(counter "$1" "$2") - $(counter stlink-baseline "$2"))); }

head -c $((1024 * 1024)) /dev/urandom >"$W/random.bin"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

session baseline 'init; reset halt; shutdown'

# make_images KIB: the image of KIB KiB and, for RAM (SRAM is smaller than the largest image),
# its first piece of at most 128 KiB, loaded $chunks times
make_images() {
	img=$W/image-$1.bin
	head -c $(($1 * 1024)) "$W/random.bin" >"$img"
	chunks=$((($1 + 127) / 128))
	[ "$chunks" -ge 1 ] || chunks=1
	head -c $(($1 * 1024 / chunks)) "$img" >"$W/piece-$1.bin"
}
# three_sessions PREFIX KIB SUFFIX: the RAM, loader and direct sessions of one row
three_sessions() {
	session "$1ram$2$3" "init; reset halt
set t0 [ms]
for {set i 0} {\$i < $chunks} {incr i} { load_image $W/piece-$2.bin 0x20000000 bin }
echo \"bench-ms [expr {[ms] - \$t0}]\"
shutdown"
	for path in loader direct; do
		pre=""
		[ $path = direct ] && pre="set WORKAREASIZE 0"
		session "$1flash-$path$2$3" "init; reset halt
stm32h5x mass_erase 0
set t0 [ms]
flash write_image $img 0x08000000 bin
echo \"bench-ms [expr {[ms] - \$t0}]\"
shutdown" "$pre"
		[ -n "$1" ] && continue
		# TZ-Closed, party 2: non-secure debug only, SRAM1 secure (as ST's TrustZone
		# examples leave it), bank 2 non-secure (set up in Open, before the clock runs)
		session "tzc-$path$2$3" "init; reset halt
stm32h5x option_write 0 0x1E4 0x0000007F
stm32h5x product_state Provisioning
stm32h5x product_state TZ-Closed -confirm
catch {reset halt}
flash erase_address 0x08100000 $(($2 * 1024))
set t0 [ms]
flash write_image $img 0x08100000 bin
echo \"bench-ms [expr {[ms] - \$t0}]\"
shutdown" "$pre" "--tzen 1 --secure-sram-kib 256"
	done
}

rows=""
for kib in $BENCH_SIZES_KIB; do
	make_images "$kib"
	# with BENCH_REPEAT > 1 the three sessions run again, in turn, as NAME.rN
	rep=1
	while [ $rep -le "$BENCH_REPEAT" ]; do
		sfx=""
		[ $rep -gt 1 ] && sfx=".r$rep"
		three_sessions "" "$kib" "$sfx"
		rep=$((rep + 1))
	done
	rows="$rows $kib"
done

# the ST-Link path: the same RAM / loader / direct sessions once each through OpenOCD's stlink
# driver (dapdirect_swd) and the simulator's emulated ST-Link; its counters are ST-Link USB
# commands (one round trip each on a real probe) and the bytes they carry
export H5_LINK=stlink
session stlink-baseline 'init; reset halt; shutdown'
stlink_rows=""
for kib in $BENCH_STLINK_SIZES_KIB; do
	make_images "$kib"
	three_sessions stlink- "$kib" ""
	stlink_rows="$stlink_rows $kib"
done
unset H5_LINK

# erase cost in simulated device time (busy time of the flash model)
session erase-sector 'init; reset halt; flash erase_sector 0 0 0; shutdown'
# one physical bank: its sectors (the driver erases a whole bank with BER)
case $BENCH_PART in
H503) bank_sectors=8 ;;
H523 | H533) bank_sectors=32 ;;
*) bank_sectors=128 ;;
esac
session erase-bank "init; reset halt; flash erase_sector 0 0 $((bank_sectors - 1)); shutdown"
session erase-mass 'init; reset halt; stm32h5x mass_erase 0; shutdown'

# a whole lifecycle: provisioning of a password DA configuration and closing, then the DA
# full regression that reopens the chip (the state is carried from one to the other)
ST=$H5_TOP_SRCDIR/tests/vectors/st-samples/NUCLEO-H563ZI/Binary
session provision "init; reset halt
set t0 [ms]
stm32h5x product_state Provisioning
reset halt
stm32h5x obk provision $ST/DA_ConfigWithPassword.obk -password $ST/password.bin
stm32h5x product_state Closed -password $ST/password.bin
echo \"bench-ms [expr {[ms] - \$t0}]\"
shutdown"
mkdir -p "$W/regress"
cp "$W/provision/state" "$W/regress/state"
session regress "init
set t0 [ms]
stm32h5x da auth -password $ST/password.bin
echo \"bench-ms [expr {[ms] - \$t0}]\"
shutdown"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "%.2f", a / b }'; }
rate() { awk -v k="$1" -v ms="$2" 'BEGIN { if (ms == 0) print "n/a"; else printf "%.1f", k * 1000 / ms }'; }

out=$W/table.md
{
	echo "| image | RAM load_image KiB/s | loader KiB/s | loader / RAM | direct KiB/s | direct / RAM | RAM JTAG clocks/B | loader JTAG clocks/B | loader / RAM clocks | RAM DAP tx/KiB | loader DAP tx/KiB | direct DAP tx/KiB |"
	echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
	for kib in $rows; do
		rm=$(median_ms "ram$kib"); lm=$(median_ms "flash-loader$kib"); dm=$(median_ms "flash-direct$kib")
		rc=$(delta "ram$kib" count_jtag_clocks); lc=$(delta "flash-loader$kib" count_jtag_clocks)
		rt=$(delta "ram$kib" count_dap_transactions); lt=$(delta "flash-loader$kib" count_dap_transactions)
		dt=$(delta "flash-direct$kib" count_dap_transactions)
		bytes=$((kib * 1024))
		echo "| $kib KiB | $(rate "$kib" "$rm") | $(rate "$kib" "$lm") | $(rate_ratio "ram$kib" "flash-loader$kib") | $(rate "$kib" "$dm") | $(rate_ratio "ram$kib" "flash-direct$kib") | $(ratio "$rc" "$bytes") | $(ratio "$lc" "$bytes") | $(ratio "$lc" "$rc") | $(ratio "$rt" "$kib") | $(ratio "$lt" "$kib") | $(ratio "$dt" "$kib") |"
	done
	if [ -n "$stlink_rows" ]; then
		echo
		echo "The ST-Link path (OpenOCD's stlink driver, dapdirect_swd, st-link backend tcp, to the"
		echo "simulator's emulated STLINK-V3), one run per row. A command is one ST-Link USB round trip:"
		echo "on a real probe that, not the flash, bounds the rate."
		echo
		echo "| image | RAM load_image KiB/s | loader KiB/s | loader / RAM | direct KiB/s | RAM ST-Link cmds/KiB | loader cmds/KiB | direct cmds/KiB | loader / RAM cmds | loader bytes/cmd | direct bytes/cmd |"
		echo "|---|---|---|---|---|---|---|---|---|---|---|"
		for kib in $stlink_rows; do
			rm=$(elapsed_ms "stlink-ram$kib"); lm=$(elapsed_ms "stlink-flash-loader$kib"); dm=$(elapsed_ms "stlink-flash-direct$kib")
			rn=$(stlink_delta "stlink-ram$kib" count_stlink_commands)
			ln=$(stlink_delta "stlink-flash-loader$kib" count_stlink_commands)
			dn=$(stlink_delta "stlink-flash-direct$kib" count_stlink_commands)
			lb=$(($(stlink_delta "stlink-flash-loader$kib" count_stlink_bytes_out) + $(stlink_delta "stlink-flash-loader$kib" count_stlink_bytes_in)))
			db=$(($(stlink_delta "stlink-flash-direct$kib" count_stlink_bytes_out) + $(stlink_delta "stlink-flash-direct$kib" count_stlink_bytes_in)))
			echo "| $kib KiB | $(rate "$kib" "$rm") | $(rate "$kib" "$lm") | $(ratio "$rm" "$lm") | $(rate "$kib" "$dm") | $(ratio "$rn" "$kib") | $(ratio "$ln" "$kib") | $(ratio "$dn" "$kib") | $(ratio "$ln" "$rn") | $(ratio "$lb" "$ln") | $(ratio "$db" "$dn") |"
		done
	fi
	echo
	echo "TZ-Closed (party 2: non-secure debug only, the loader in non-secure SRAM, the non-secure"
	echo "flash registers), against the same RAM sessions:"
	echo
	echo "| image | loader KiB/s | loader / RAM | direct KiB/s | direct / RAM |"
	echo "|---|---|---|---|---|"
	for kib in $rows; do
		lm=$(median_ms "tzc-loader$kib"); dm=$(median_ms "tzc-direct$kib")
		echo "| $kib KiB | $(rate "$kib" "$lm") | $(rate_ratio "ram$kib" "tzc-loader$kib") | $(rate "$kib" "$dm") | $(rate_ratio "ram$kib" "tzc-direct$kib") |"
	done
	echo
	echo "Whole lifecycle steps (password DA configuration, TrustZone off):"
	echo
	echo "| sequence | wall ms | DAP transactions | JTAG clocks |"
	echo "|---|---|---|---|"
	echo "| Open → Provisioning → .obk provisioned → Closed | $(elapsed_ms provision) | $(delta provision count_dap_transactions) | $(delta provision count_jtag_clocks) |"
	echo "| Closed → DA full regression → Open | $(elapsed_ms regress) | $(delta regress count_dap_transactions) | $(delta regress count_jtag_clocks) |"
	echo
	echo "Erase, in simulated device time (the flash model's busy time):"
	echo
	echo "| operation | simulated ms |"
	echo "|---|---|"
	for e in sector bank mass; do
		ns=$(delta "erase-$e" count_flash_busy_ns)
		echo "| $e erase | $(awk -v n="$ns" 'BEGIN { printf "%.1f", n / 1e6 }') |"
	done
} >"$out"

cat "$out"

doc=$H5_TOP_SRCDIR/docs/performance.md
{
	echo "# Performance (generated by \`make bench\`)"
	echo
	if [ "$BENCH_REPEAT" -gt 1 ]; then
		echo "Against the simulator (part $BENCH_PART, remote_bitbang over loopback, JTAG), one run;"
		echo "RAM, loader and direct sessions ran $BENCH_REPEAT times in turn: rates are median wall times,"
		echo "ratios the median of the ratios of sessions that ran side by side."
	else
		echo "Against the simulator (part $BENCH_PART, remote_bitbang over loopback, JTAG), one run."
	fi
	echo "Machine: $(uname -m), $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)."
	echo "Date: $(date -u +%Y-%m-%d). Load average before / after the run: $load_before / $(cut -d' ' -f1-3 /proc/loadavg)."
	echo
	echo "\"loader / RAM\" is the programming rate divided by the rate of load_image of the same"
	echo "bytes into SRAM over the same link: 1.00 means the link, not the flash, is the bottleneck"
	echo "(target ≥ 0.9). \"loader / RAM clocks\" compares JTAG clocks per byte (target ≤ 1.2)."
	echo "Counters are the simulator's, minus a session that only connects and halts. The direct"
	echo "path is the one without a work area (Provisioning; TZ-Closed without non-secure SRAM)."
	echo
	echo "The flash sessions' counters also include the probe and the mass erase that precede the"
	echo "timed write (about 36000 JTAG clocks and 700 DAP transactions). Wall time against the"
	echo "simulator is mostly TCP round trips (one per DAP transaction), so the rates follow the"
	echo "machine's load: on a shared 2-core machine, repeated runs of one row vary by up to ±30 %."
	echo "The simulator's time model is in docs/simulator.md (\"Cost of a simulated session\")."
	echo
	cat "$out"
} >"$doc"
echo "bench: written to docs/performance.md"
# the production line's rows (boards per minute, one board's steps): their own script
"$H5_TOP_SRCDIR/scripts/bench-production.sh"

#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# stm32h5-lifecycle batch over ST-Links, as on a line with NUCLEO-H563ZI boards: one emulated
# stlink-server with two probes (serials LINE-A, LINE-B), each its own H563. The front end
# runs one OpenOCD per probe (OpenOCD's own stlink driver, the board file), in parallel, and
# both boards end Closed with their image verified; the report names each board by its probe's
# serial number. Prints TAP.
set -u
. "$H5_TOP_SRCDIR/tests/integration/lib.sh"
. "$H5_TOP_SRCDIR/tests/stlink/lib.sh"
. "$H5_TOP_SRCDIR/tests/integration/frontend_env.sh"

W=$h5_work
R=$W/report.jsonl
mkdir -p "$W/a" "$W/b"
head -c 16384 /dev/urandom >"$W/app.bin"
. "$H5_TOP_SRCDIR/scripts/sample-recipe.sh"
sample_recipe "$W/product.recipe" widget
stlink_server "$W" --part H563 --stlink-serial LINE-A --state "$W/a/state" \
	--dump "$W/a/dump.txt" --log "$W/a/ops.log" \
	--probe --part H563 --stlink-serial LINE-B --state "$W/b/state" \
	--dump "$W/b/dump.txt" --log "$W/b/ops.log" ||
	{ echo "not ok 1 - the emulated stlink-server with two probes starts"; exit 1; }

cd "$W" || exit 1
"$FE" --probe stlink --stlink-tcp "$STLINK_PORT" --board board/st_nucleo_h563zi.cfg \
	--serial LINE-A,LINE-B --report "$R" batch product.recipe >"$W/batch.out" 2>&1
rc=$?
stlink_stop
cp "$W/batch.out" "$W/ocd.log"
h5_tap "$([ $rc -eq 0 ] && echo 1 || echo 0)" "the batch over two ST-Links ends with exit 0 (got $rc)"
h5_check "the two sessions ran at the same time" "2 session\(s\) active" "$W/a/ops.log"
sha=$(sha256sum "$W/app.bin" | cut -c1-64)
for B in LINE-A LINE-B; do
	d=$W/a
	[ "$B" = LINE-B ] && d=$W/b
	rec=$(grep "\"serial\": \"$B\"" "$R" | tail -1)
	h5_tap "$(echo "$rec" | grep -q '"result": "done"' && echo 1 || echo 0)" "$B: done"
	h5_tap "$(echo "$rec" | grep -q '"state_before": "Open", "state_after": "Closed"' && echo 1 || echo 0)" \
		"$B: state before Open, after Closed"
	h5_tap "$(echo "$rec" | grep -q "\"sha256\": \"$sha\", \"programmed\": true, \"verified\": true" && echo 1 || echo 0)" \
		"$B: image programmed and verified"
	h5_check "$B: the chip is Closed (dump)" "^product_state 0x72$" "$d/dump.txt"
done
h5_finish

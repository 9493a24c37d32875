#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The lifecycle demo (the README's first command ends here): a simulated STM32H563 with
# TrustZone enabled goes from Open through provisioning to Closed, and Debug Authentication
# with ST's sample certificate chain brings it back to Open, everything erased. Each step is
# one OpenOCD session against the simulator (the chip persists between them, as a board keeps
# its flash across power cycles), and each step checks what it did. Exits 0 only if every
# step did what it should. H5_LINK=stlink (make demo LINK=stlink) runs it through OpenOCD's
# stlink driver and the simulator's emulated ST-Link instead of remote_bitbang.
set -u

: "${H5_TOP_SRCDIR:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${H5_BUILDDIR:=$H5_TOP_SRCDIR/build}"
S=$H5_TOP_SRCDIR/tests/vectors/st-samples/NUCLEO-H563ZI
ROOT_PUB=$S/Keys/key_1_root_pub.pem
LEAF_KEY=$S/Keys/key_3_leaf.pem
CHAIN=$S/Certificates/cert_leaf_chain.b64

. "$H5_TOP_SRCDIR/scripts/h5sim-start.sh"
W=$(mktemp -d "${TMPDIR:-/tmp}/h5demo.XXXXXX")
trap 'rm -rf "$W"' EXIT
step=0
failed=0

# session "SIMOPTS" "TCL": one OpenOCD session against the simulated chip ($W/state persists)
session() {
	# shellcheck disable=SC2086
	if ! h5sim_start "$W" --part H563 $1; then
		echo "demo: the simulator did not start:" >&2
		cat "$W/h5sim.out" >&2
		exit 1
	fi
	"$H5_BUILDDIR/bin/openocd" -f board/stm32h5-sim.cfg \
		-f target/stm32h5x.cfg -f "$H5_TOP_SRCDIR/tests/servers.tcl" \
		-c init -c "$2" -c shutdown >"$W/ocd.log" 2>&1
	wait "$H5SIM_PID"
}

# expect "WHAT" REGEX [FILE]: one checked step; prints the matching line as evidence
expect() {
	step=$((step + 1))
	file=${3:-$W/ocd.log}
	line=$(grep -E -- "$2" "$file" | head -1)
	if [ -n "$line" ]; then
		printf 'demo: %2d. %-62s ok   (%s)\n' "$step" "$1" "$line"
	else
		printf 'demo: %2d. %-62s FAILED\n' "$step" "$1"
		sed 's/^/demo:       | /' "$W/ocd.log" | grep -E 'Error|stm32h5x|^demo' | tail -12
		failed=1
	fi
}

head -c 16384 /dev/urandom >"$W/app.bin"
echo "demo: a simulated STM32H563 (TrustZone enabled), ST's sample keys and certificates"
echo "demo: ($S)"
if [ "${H5_LINK:-}" = stlink ]; then
	echo "demo: link: OpenOCD's stlink driver (dapdirect_swd) to an emulated STLINK-V3 (stlink-server TCP)"
else
	echo "demo: link: OpenOCD's remote_bitbang (JTAG) to the simulator"
fi
echo

echo "demo: -- Open: develop, then provision the Debug Authentication configuration --"
session "--tzen 1" "
echo \"R-pstate [stm32h5x product_state]\"
echo \"R-tzen [stm32h5x ob TZEN]\"
program $W/app.bin 0x0C000000 verify
echo \"R-obk [stm32h5x obk make_da_config -out $W/da_config.obk -root-key $ROOT_PUB]\"
catch {stm32h5x product_state Closed} msg
echo \"R-refused [string map {\\n { }} \$msg]\"
echo \"R-pstate [stm32h5x product_state Provisioning]\"
reset halt
echo \"R-provision [stm32h5x obk provision $W/da_config.obk -root-key $ROOT_PUB]\"
catch {stm32h5x product_state Closed} msg
echo \"R-guard [string map {\\n { }} \$msg]\"
echo \"R-pstate [stm32h5x product_state Closed -root-key $ROOT_PUB]\""
expect "the chip starts Open" "^R-pstate Open$"
expect "TrustZone is enabled (TZEN=0xB4)" "^R-tzen 0xB4$"
expect "the application is programmed and verified (secure alias)" "Verified OK"
expect "a DA configuration .obk is generated from the root public key" "^R-obk .*da_config.obk$"
cmp -s "$W/da_config.obk" "$S/Binary/DA_Config.obk" && echo "demo:       (byte-identical to ST's DA_Config.obk)" >>"$W/ocd.log"
expect "  ... byte-identical to ST's own DA_Config.obk" "byte-identical" "$W/ocd.log"
expect "Open -> Closed directly is refused before any write" "^R-refused .*Provisioning"
expect "Open -> Provisioning" "^R-pstate Provisioning$"
expect "the .obk is provisioned through the ROM (RSSLIB)" "^R-provision RSSLIB_SUCCESS$"
expect "closing without proving the DA setup needs -confirm" "^R-guard .*(confirm|-root-key)"
expect "Provisioning -> Closed, the DA setup proven to match TrustZone" "^R-pstate Closed$"

echo
echo "demo: -- Closed: the core is out of reach; only the DA mailbox on AP0 answers --"
session "" "
echo \"R-examined [stm32h5.cpu was_examined]\"
set d [stm32h5x da discover]
echo \"R-discover [string map {\\n { }} \$d]\""
expect "the core (AP1) cannot be examined" "^R-examined 0$"
expect "the product state is Closed (simulator)" "^product_state 0x72" "$W/dump.txt"
expect "DA discovery answers through AP0: lifecycle Closed" "^R-discover .*lifecycle 0x3072"
expect "discovery asks for a certificate (TrustZone on)" "^R-discover .*auth_method certificate"

echo
echo "demo: -- Debug Authentication: full regression with ST's certificate chain --"
session "" "
catch {stm32h5x da auth -key $S/Keys/key_2_intermediate.pem -cert $CHAIN -permissions full_regression} msg
echo \"R-wrongkey [string map {\\n { }} \$msg]\"
set r [stm32h5x da auth -key $LEAF_KEY -cert $CHAIN -permissions full_regression]
echo \"R-auth [string map {\\n { }} \$r]\""
expect "the intermediate's key instead of the leaf's is refused before sending" "^R-wrongkey .*does not belong to the leaf certificate"
expect "the chain and the token are accepted" "^R-auth status SUCCESS"
expect "the device regressed and reconnected: Open" "^R-auth .*product_state Open"

echo
echo "demo: -- Open again: everything was erased --"
session "" "
echo \"R-pstate [stm32h5x product_state]\"
echo \"R-word [format 0x%08x [read_memory 0x0C000000 32 1]]\""
expect "the product state is Open" "^R-pstate Open$"
expect "the application is gone (flash reads erased)" "^R-word 0xffffffff$"
expect "the DA configuration is gone (OBK erased)" "^obk_sector 0 words_written 0" "$W/dump.txt"

echo
if [ $failed -eq 0 ]; then
	echo "demo: every step did what it should: Open -> Provisioning -> Closed -> (DA) -> Open"
else
	echo "demo: FAILED (see the steps above)"
fi
exit $failed

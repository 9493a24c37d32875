#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The RSSLIB function table in system memory: NSC.DataProvisioning reached through the pointer
# at 0x0BF9FB68 runs the ROM service (trapped into the flash model) and returns its result in
# r0; a source outside SRAM3 is refused with 0xF5F5E0E0 (h5-flash-ob.md §6.3).
. "$(dirname "$0")/lib.sh"

if ! arm-none-eabi-as -o "$work/call.o" "$H5_TOP_SRCDIR/tests/sim/rsslib_call.S" 2>"$work/as.err" ||
		! arm-none-eabi-objcopy -O binary "$work/call.o" "$work/call.bin"; then
	not_ok "the RSSLIB caller assembles" "$(cat "$work/as.err")"
	exit 1
fi
done_off=$(arm-none-eabi-nm "$work/call.o" | sed -n 's/^\([0-9a-f]*\) T done$/\1/p')

sim_start --part H563 --pstate 0x17
ocd rss "
init
halt
result table [rd32 stm32h5.cpu 0x0BF9FB68]
for {set i 0} {\$i < 0x60} {incr i 4} { mww [expr {0x20050000 + \$i}] [expr {0xA5000000 + \$i}] }
load_image $work/call.bin 0x20000000 bin
reg msp 0x20002000
resume 0x20000000
wait_halt 5000
result pc [reg32 pc]
result r4 [reg32 r4]
result r5 [reg32 r5]
shutdown"
sim_wait

t=$(result table)
check_eq "the DataProvisioning entry is a Thumb pointer into system memory" yes \
	"$([ $(( t & 1 )) -eq 1 ] && [ $(( t & ~1 )) -ge $((0x0BF80000)) ] && [ $(( t & ~1 )) -lt $((0x0BFA0000)) ] && echo yes)"
check_eq "the caller returns from both calls and stops on its BKPT" \
	"$(printf 0x%08x $((0x20000000 + 0x$done_off)))" "$(result pc)"
check_eq "a source outside SRAM3 is refused with 0xf5f5e0e0" 0xf5f5e0e0 "$(result r5)"
r4=$(result r4)
check "the service with a source in SRAM3 ran in the flash model (logged with its result)" \
	grep -q "rsslib DataProvisioning: src 0x20050000 dst 0x0ffd0100 size 96 enc 0xcaca0aa0 crc 0x00000000 -> $r4" "$work/ops.log"
check_eq "the service with a source in SRAM3 reports success" 0xeaeaeaea "$r4"
finish

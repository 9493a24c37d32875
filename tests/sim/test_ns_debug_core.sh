#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# What the core runs for a debugger that has non-secure debug only (TZ-Closed) runs in
# Non-secure state: it reads the non-secure FLASH registers, and a read of the secure block
# (0x50022000) is a bus error (the core locks up), so a flash loader that used the secure
# registers would fail here. With full debug (Open, TrustZone on) the same code reads both.
. "$(dirname "$0")/lib.sh"

# Thumb at 0x20000000: ldr r0, [r1] (0x6808); bkpt #0 (0xBE00)
code=0xBE006808
prog="
proc run_read {addr} {
	reg r0 0
	reg r1 \$addr
	reg xpsr 0x01000000
	resume 0x20000000
	catch {wait_halt 1000}
	set s [stm32h5.cpu curstate]
	catch {halt}
	return \"\$s [reg32 r0]\"
}"

sim_start --part H563 --tzen 1
ocd open "$prog
init
halt
mww 0x20000000 $code
result s_regs [run_read 0x50022050]
shutdown"
sim_wait
open_s=$(result s_regs)

sim_start --part H563 --tzen 1 --pstate 0xC6
ocd tzc "$prog
init
stm32h5.dap apsel 1
stm32h5.dap apcsw 0x40000000 0x40000000
stm32h5.cpu arp_examine
halt
mww 0x20000000 $code
result ns_regs [run_read 0x40022050]
mww 0x20000000 $code
result s_regs [run_read 0x50022050]
shutdown"
sim_wait

# the PRODUCT_STATE byte (OPTSR_CUR[15:8]) of what a read returned ("STATE VALUE")
pstate_of() { v=${1#* }; [ "$v" != "$1" ] && printf '0x%02x' $(( (v >> 8) & 0xff )); }
check_eq "Open, TrustZone on: the debugger's code reads the secure OPTSR_CUR" 0xed "$(pstate_of "$open_s")"
check_eq "TZ-Closed: the debugger's code reads the non-secure OPTSR_CUR" 0xc6 \
	"$(pstate_of "$(result ns_regs)")"
check_eq "TZ-Closed: its read of the secure FLASH block fails (nothing read)" 0x00 \
	"$(pstate_of "$(result s_regs)")"
finish

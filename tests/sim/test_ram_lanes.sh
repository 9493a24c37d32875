#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# SRAM through AP1: byte, half-word and word accesses land on the right byte lanes; the
# secure alias sees the same RAM; unwritten RAM reads 0; the end of SRAM is the end of the map.
. "$(dirname "$0")/lib.sh"

sim_start --part H563
ocd ram '
init
halt
mww 0x20000000 0x11223344
mwb 0x20000001 0xAA
mwh 0x20000002 0xBEEF
result word [rd32 stm32h5.cpu 0x20000000]
result byte1 [rdw stm32h5.cpu 0x20000001 8]
result byte3 [rdw stm32h5.cpu 0x20000003 8]
result half0 [rdw stm32h5.cpu 0x20000000 16]
result half2 [rdw stm32h5.cpu 0x20000002 16]
result secure_alias [rd32 stm32h5.cpu 0x30000000]
result unwritten [rd32 stm32h5.cpu 0x20010000]
mww 0x2009FFFC 0xA5A5A5A5
result last_word [rd32 stm32h5.cpu 0x2009FFFC]
result past_end [rd32 stm32h5.cpu 0x200A0000]
stm32h5.cpu write_memory 0x20001000 8 {1 2 3 4 5 6 7 8}
result block [rd32 stm32h5.cpu 0x20001004]
shutdown'
sim_wait

check_eq "mww/mwb/mwh then mdw gives 0xbeefaa44" 0xbeefaa44 "$(result word)"
check_eq "byte read at +1 gives 0xaa" 0xaa "$(result byte1)"
check_eq "byte read at +3 gives 0xbe" 0xbe "$(result byte3)"
check_eq "half-word read at +0 gives 0xaa44" 0xaa44 "$(result half0)"
check_eq "half-word read at +2 gives 0xbeef" 0xbeef "$(result half2)"
check_eq "the secure alias 0x30000000 sees the same word" 0xbeefaa44 "$(result secure_alias)"
check_eq "unwritten RAM reads 0" 0x00000000 "$(result unwritten)"
check_eq "the last word of SRAM3 (H563: 640 KiB in all) is writable" 0xa5a5a5a5 "$(result last_word)"
check_eq "the first address past SRAM3 is a bus error" error "$(result past_end)"
check_eq "a byte block write lands in order" 0x08070605 "$(result block)"
finish

#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Every refusal reaches a script's catch as the Tcl error text, naming the problem (not only
# the log): obk provision of a missing file, da auth without -permissions, otp_lock without
# -confirm (and the deprecated bare word), a failed mass_erase (naming the flash error), a
# misspelt DA setting. Prints TAP.
set -u
. "$H5_TOP_SRCDIR/tests/integration/lib.sh"

L=$h5_work/ocd.log
S=$H5_SAMPLES
# catch_echo TAG SCRIPT: the Tcl to print the error text of SCRIPT as "TAG: <text>"
catch_echo() { printf 'if {[catch {%s} e]} { echo "%s: <$e>" } else { echo "%s: did not fail" }; ' "$2" "$1" "$1"; }

h5_fresh_state
h5_session "--part H563 --pstate 0x17" "$(catch_echo OBK 'stm32h5x obk provision /nonexistent/da.obk')
$(catch_echo DA "stm32h5x da auth -key $S/NUCLEO-H563ZI/Keys/key_3_leaf.pem -cert $S/NUCLEO-H563ZI/Certificates/cert_leaf_chain.b64")
$(catch_echo DAOPT 'stm32h5x da auth -pasword x.bin')
$(catch_echo OTP 'stm32h5x otp_lock 0 0')
$(catch_echo CFG 'stm32h5x da config data_cuont words')
$(catch_echo OBN 'stm32h5x ob TZNE=0xB4')
$(catch_echo OBV 'stm32h5x ob IWDG_SW=softwre')"
h5_check "obk provision of a missing file: the error names the file and why" \
	"^OBK: <stm32h5x: cannot open '/nonexistent/da.obk': No such file or directory" "$L"
h5_check "da auth without -permissions: the error says it is required" \
	"^DA: <stm32h5x da auth: -permissions is required with certificates" "$L"
h5_check "da auth with a misspelt option: the error lists the valid ones" \
	"^DAOPT: <stm32h5x da auth: unknown option '-pasword' \(valid: -key, -cert, -password, -permissions, -sign-cmd\)" "$L"
h5_check "otp_lock without -confirm: the error says what it would lock and how to confirm" \
	"^OTP: <stm32h5x: otp_lock refused: locking OTP blocks 0..0 .*irreversible; repeat the command with -confirm" "$L"
h5_check "a misspelt DA setting: the error suggests the right one" \
	"^CFG: <stm32h5x da config: unknown DA setting \"data_cuont\" \(did you mean \"data_count\"\?\)" "$L"

h5_check "a misspelt option byte: the error suggests the right one" \
	"^OBN: <.*unknown option byte 'TZNE' \(did you mean 'TZEN'\?" "$L"
h5_check "a misspelt option-byte value: the error suggests it and lists the valid ones" \
	"^OBV: <.*IWDG_SW: 'softwre' is not a number or a value name \(did you mean 'software'\?\); valid: hardware, software" "$L"

# write protection on the first sector group of bank 1 (WRP1R bit 0 cleared): the flash
# refuses the mass erase with WRPERR
h5_seed "--part H563" "-"
h5_state_ob wrp1r 0xfffffffe
h5_session "--part H563" "halt; $(catch_echo MER 'stm32h5x mass_erase 0')"
h5_check "a failed mass_erase: the error names the flash error and its actual cause" \
	"^MER: <stm32h5x: mass erase failed: WRPERR: bank 1 sector groups write-protected \(WRPSGn1 0xfffffffe\)" "$L"
# the secure alias with TrustZone off: refused before anything is written, the reason as the
# error text
h5_session "--part H563" "halt; $(catch_echo MES 'stm32h5x mass_erase 1')"
h5_check "a refused mass_erase: the error gives the reason" \
	"^MES: <stm32h5x: mass erase refused: TrustZone is disabled \(OPTSR2.TZEN = 0xc3\), the secure alias 0x0c000000 is not in use; use the non-secure bank" "$L"

# product-state names match the same way everywhere: any case, with or without - or _
h5_fresh_state
h5_session "--part H563" "$(catch_echo PROV "stm32h5x::provision closed -encrypt 0 -password $S/NUCLEO-H563ZI/Binary/password.bin -dry-run")
$(catch_echo PROV2 "stm32h5x::provision tz_closed -encrypt 0 -root-key $S/NUCLEO-H563ZI/Keys/key_1_root.pem -dry-run")"
h5_check "provision takes 'closed' as product_state does" "^PROV: did not fail" "$L"
h5_check "provision takes 'tz_closed' as product_state does" "^PROV2: did not fail" "$L"
h5_check "the dry run names the canonical state" "6/6 product state Closed" "$L"

# the deprecated bare word still locks (an OTP block of a fresh chip)
h5_fresh_state
h5_session "--part H563" "echo \"LOCK: [stm32h5x otp_lock 0 0 confirm]\""
h5_check "otp_lock still accepts the bare word confirm" "^LOCK: OTP blocks 0..0 locked" "$L"
h5_check "and says it is deprecated" "bare word 'confirm' is deprecated, write -confirm" "$L"
h5_finish

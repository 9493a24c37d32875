#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# "stm32h5x da trace FILE": a password regression and a certificate debug opening traced to a
# file; every mailbox word is there with its direction and DBG_AUTH_ACK, the entry sequence is
# noted, the password and the token (signature) words are redacted and never written; the
# trace can be queried and stopped, and an uncreatable file is refused with a catchable
# message. Prints TAP.
set -u
. "$H5_TOP_SRCDIR/tests/integration/lib.sh"

S=$H5_SAMPLES
L=$h5_work/ocd.log
T=$h5_work/trace.txt

h5_seed "--part H563 --pstate 0x72 --tzen 0" "$S/NUCLEO-H563ZI/Binary/DA_ConfigWithPassword.obk"
h5_session "--part H563" "stm32h5x da trace $T; echo \"Q: [stm32h5x da trace]\"; stm32h5x da auth -password $S/NUCLEO-H563ZI/Binary/password.bin; stm32h5x da trace off; echo \"O: [stm32h5x da trace]\""
h5_check "the password regression ran while tracing" "product state is now 0xed" "$L"
h5_check "'da trace' names the file being written" "^Q: $T$" "$L"
h5_check "'da trace off' stops it" "^O: off$" "$L"
h5_check "the trace notes NRST around the entry word" "note +entry: NRST asserted" "$T"
h5_check "the trace shows the entry word with the ACK seen under reset" "host>dev +0x53544441 +ack 0x00000001" "$T"
h5_check "the trace shows the device's answer and its ACK" "dev>host +0x53544441 +ack 0x00000002" "$T"
h5_check "the trace shows the DISCOVERY request" "host>dev +0x00010000 " "$T"
h5_check "the trace shows the AUTH_RESPONSE header" "host>dev +0x00030000 " "$T"
h5_check "the password words are redacted" "host>dev +<redacted> " "$T"
# password.bin starts "0123456789012345": its first words in the mailbox order
h5_absent "no password word is in the trace" "0x33323130|0x37363534|0x31303938|0x35343332" "$T"

h5_seed "--part H563 --pstate 0x72 --tzen 1" "$S/NUCLEO-H563ZI/Binary/DA_Config.obk"
h5_session "--part H563" "stm32h5x da trace $T; stm32h5x da auth -key $S/NUCLEO-H563ZI/Keys/key_3_leaf.pem -cert $S/NUCLEO-H563ZI/Certificates/cert_leaf_chain.b64 -permissions debug_open_l3"
h5_check "the certificate debug opening ran while tracing" "core examined again" "$L"
h5_check "certificate words are shown (not secret)" "host>dev +0x[0-9a-f]{8} " "$T"
n=$(grep -c "<redacted>" "$T")
# the token TLV: 8-byte TLV header + 0x40 token header and 64-byte signature... every data word
[ "$n" -ge 16 ] && h5_tap 1 "the token's data words are redacted ($n words)" || h5_tap 0 "the token's data words are redacted ($n words)"

h5_session "--part H563" "catch {stm32h5x da trace /nonexistent-dir/trace.txt} e; echo \"E: \$e\""
h5_check "an uncreatable trace file is refused with a catchable message" "^E: stm32h5x da trace: cannot create /nonexistent-dir/trace.txt: No such file or directory" "$L"
h5_finish

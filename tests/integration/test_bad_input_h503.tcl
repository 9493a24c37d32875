# SPDX-License-Identifier: GPL-2.0-or-later
# h5sim: --part H503 --pstate 0x17
# expect-dump: ^product_state 0x17$
# expect-dump: ^count_flash_ops_started 0$
# expect-dump: ^count_flash_option_changes 0$
# expect-dump: ^otp_halfwords_written 0$
# expect-dump: ^otp_lock 0x00000000$
# expect-dump: ^da.commands_served: 0$
#
# Bad input (issue 8), the H503's password files: "da_password_provision FILE -confirm" would
# write SHA-256 of the password to OTP block 0 and lock it for good, and "product_state
# Closed -password FILE" would close the device. Empty, too short, too long, a TLV whose
# length does not match, binary garbage, a PEM or a .obk given as a password, a directory, a
# file that does not exist: each is refused with a message naming the problem, none quotes
# the password, and the OTP stays blank and unlocked.
source [find bad_input_helpers.tcl]
init
reset halt
set S $H5_SAMPLES/NUCLEO-H503RB
set tlv_type [string range [bi_read $S/da_password.bin] 0 3]
proc pw {name bytes} { return [bi_write $::H5_TMP/$name.bin $bytes] }
set long_pw "Secret-Passw0rd-Too-Long"
set bi_secrets [list $long_pw Secret-Passw0rd Passw0rd 0x72636553 72636553 0123456789012345 01234567]

set files [list \
	"an empty password file" [pw empty ""] {empty.bin: the password file is empty} \
	"a TLV header only (length 0)" [pw len0 "$tlv_type[bi_le32 0]"] {len0.bin: the password is 0 bytes long; 4 to 16 bytes are accepted} \
	"a TLV with a 3-byte password" [pw len3 "$tlv_type[bi_le32 3]abc"] {len3.bin: the password is 3 bytes long; 4 to 16} \
	"a TLV with a 24-byte password" [pw len24 "$tlv_type[bi_le32 24]$long_pw"] {len24.bin: the password is 24 bytes long; 4 to 16} \
	"a TLV whose length says 16 but 12 bytes follow" [pw short "$tlv_type[bi_le32 16]012345678901"] {short.bin: .*length field says 16 bytes and 12 follow} \
	"a TLV whose length says 8 but 16 bytes follow" [pw long "$tlv_type[bi_le32 8]0123456789012345"] {long.bin: .*length field says 8 bytes and 16 follow} \
	"a raw password of 48 bytes" [pw raw48 "$long_pw$long_pw"] {raw48.bin: the password is 48 bytes long; 4 to 16} \
	"a raw password of 2 bytes" [pw raw2 "ab"] {raw2.bin: the password is 2 bytes long; 4 to 16} \
	"64 bytes of binary garbage" [pw garbage [bi_bytes 64 31]] {garbage.bin: the password is 64 bytes long; 4 to 16} \
	"a PEM key given as password" $H5_SAMPLES/NUCLEO-H563ZI/Keys/key_1_root_pub.pem {key_1_root_pub.pem: the password is 178 bytes long; 4 to 16} \
	"a .obk given as password" $H5_SAMPLES/NUCLEO-H563ZI/Binary/DA_Config.obk {DA_Config.obk: the password is 108 bytes long; 4 to 16} \
	"ST's 32-byte board_password.bin (a hash, not a password)" $S/board_password.bin {board_password.bin: the password is 32 bytes long; 4 to 16} \
	"a 1 MiB password file" [pw big [string repeat QUFB 262144]] {big.bin' is too large} \
	"/dev/zero (endless)" /dev/zero {/dev/zero' is too large} \
	"a directory given as password" $H5_TMP {/tmp' cannot be read} \
	"a password file that does not exist" $H5_TMP/none.bin {cannot open '[^ ]*/none.bin'} \
]
foreach {what file pattern} $files {
	set ::f $file
	bi_refused "da_password_provision: $what" {stm32h5x da_password_provision $f -confirm} $pattern
	bi_refused "product_state Closed -password: $what" {stm32h5x product_state Closed -password $f} $pattern
}
h5_check_match "the device is still in Provisioning" {stm32h5x product_state} {^Provisioning$}
h5_check "OTP block 0 is still blank" {
	set blank 1
	foreach b [read_memory 0x08FFF000 8 32] { if {$b != 0xff} { set blank 0 } }
	expr {$blank}
}
bi_summary h503-password-files
h5_done

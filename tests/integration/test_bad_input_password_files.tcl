# SPDX-License-Identifier: GPL-2.0-or-later
# h5sim: --part H563 --pstate 0x17
# expect-dump: ^product_state 0x17$
# expect-dump: ^count_flash_ops_started 0$
# expect-dump: ^count_flash_option_changes 0$
# expect-dump: ^obk_sector 0 words_written 0$
# expect-dump: ^obk_sector 1 words_written 0$
# expect-dump: ^da.commands_served: 0$
#
# Bad input (issue 8), password files, on an H563 (TrustZone off) in Provisioning: given to
# "obk make_da_config -password", "product_state Closed -password" (a transition that would
# otherwise be programmed) and "da auth -password". Empty, too short, too long, a TLV whose
# length does not match, binary garbage, a PEM or a .obk given as a password, a directory, a
# file that does not exist. Each is refused with a message naming the problem, none quotes
# the password, no .obk is written, nothing reaches the device.
source [find bad_input_helpers.tcl]
init
reset halt
set S $H5_SAMPLES/NUCLEO-H563ZI
set good [bi_read $S/Binary/password.bin]
set tlv_type [string range $good 0 3]
proc pw {name bytes} { return [bi_write $::H5_TMP/$name.bin $bytes] }
# what the files below hold; no message may quote it
set long_pw "Secret-Passw0rd-Too-Long"
set bi_secrets [list 0123456789012345 01234567 89012345 $long_pw Secret-Passw0rd Passw0rd \
	0x33323130 33323130 0x72636553 72636553 [bi_bytes 8 11]]

# what: the file; pattern: the problem as make_da_config and product_state (one parser) and
# da auth (the DA host's own parser) name it
set big {is larger than the 24 bytes expected}
set files [list \
	"an empty password file" [pw empty ""] \
		{empty.bin: (the )?password file is (empty|0 bytes)} \
	"a TLV header only (length 0)" [pw len0 "$tlv_type[bi_le32 0]"] \
		{len0.bin: (the password is 0 bytes long; 4 to 16|password length field is 0, must be 4..16)} \
	"a TLV with a 3-byte password" [pw len3 "$tlv_type[bi_le32 3]abc\0"] \
		{len3.bin: (the password is 3 bytes long; 4 to 16|password length field is 3, must be 4..16)} \
	"a TLV with a 17-byte password" [pw len17 "$tlv_type[bi_le32 17]01234567890123456\0\0\0"] \
		"len17.bin(: the password is 17 bytes long; 4 to 16| $big)" \
	"a TLV with a 24-byte password" [pw len24 "$tlv_type[bi_le32 24]$long_pw"] \
		"len24.bin(: the password is 24 bytes long; 4 to 16| $big)" \
	"a TLV whose length says 16 but 12 bytes follow" [pw short "$tlv_type[bi_le32 16]012345678901"] \
		{short.bin: .*(length field says 16 bytes and 12 follow|announces 16 password bytes, only 12 follow)} \
	"a TLV whose length says 8 but 16 bytes follow" [pw long "$tlv_type[bi_le32 8]0123456789012345"] \
		{long.bin: .*(length field says 8 bytes and 16 follow|is 24 bytes, expected 16)} \
	"a TLV whose length is 0xFFFFFFFF" [pw lenmax "$tlv_type[bi_le32 0xFFFFFFFF]0123456789012345"] \
		{lenmax.bin: .*(length field says 4294967295 bytes|length field is 4294967295, must be 4..16)} \
	"a raw password of 48 bytes" [pw raw48 "$long_pw$long_pw"] \
		"raw48.bin(: the password is 48 bytes long; 4 to 16| $big)" \
	"a raw password of 2 bytes" [pw raw2 "ab"] \
		{raw2.bin: (the password is 2 bytes long|password file is 2 bytes, its TLV header alone needs 8)} \
	"64 bytes of binary garbage" [pw garbage [bi_bytes 64 11]] \
		"garbage.bin(: the password is 64 bytes long; 4 to 16| $big)" \
	"a PEM key given as password" $S/Keys/key_1_root_pub.pem \
		"key_1_root_pub.pem(: the password is 178 bytes long; 4 to 16| $big)" \
	"a .obk given as password" $S/Binary/DA_ConfigWithPassword.obk \
		"DA_ConfigWithPassword.obk(: the password is 108 bytes long; 4 to 16| $big)" \
	"a 1 MiB password file" [pw big [string repeat QUFB 262144]] \
		"big.bin(' is too large| $big)" \
	"/dev/zero (endless)" /dev/zero \
		"/dev/zero(' is too large| $big)" \
	"a directory given as password" $H5_TMP \
		{(cannot read [^ ]*/tmp|/tmp' cannot be read)} \
	"a password file that does not exist" $H5_TMP/none.bin \
		{cannot open '?[^ ]*/none.bin} \
]
foreach {what file pattern} $files {
	set ::f $file
	bi_refused "make_da_config -password: $what" {stm32h5x obk make_da_config -out $H5_TMP/out.obk -password $f} "$pattern"
	bi_refused "product_state Closed -password: $what" {stm32h5x product_state Closed -password $f} "$pattern"
	bi_refused "da auth -password: $what" {stm32h5x da auth -password $f} "$pattern"
}
h5_check "no .obk was written" {expr {![file exists $H5_TMP/out.obk]}}
# the contrast: a 5-byte password zero-padded to a word, as ADAC TLVs are, is a good file
h5_check_match "a word-padded 5-byte password TLV is accepted by make_da_config" \
	{stm32h5x obk make_da_config -out $H5_TMP/padded.obk -password [pw padded5 "$tlv_type[bi_le32 5]01234\0\0\0"]} {padded.obk$}
h5_check_match "the device is still in Provisioning" {stm32h5x product_state} {^Provisioning$}
bi_summary password-files
h5_done

# SPDX-License-Identifier: GPL-2.0-or-later
# h5sim: --part H563 --tzen 1 --pstate 0x17
# expect-dump: ^product_state 0x17$
# expect-dump: ^count_flash_ops_started 0$
# expect-dump: ^obk_sector 1 words_written 0$
# expect-dump: ^da.commands_served: 0$
#
# Bad input to the credential commands (issue 16): "da make_key", "da make_certificate",
# "da make_chain", "da signer_config", pkcs11: URIs and -sign-cmd given to "da auth". Missing
# and unknown options, malformed numbers and SoC IDs, files that are not keys or chains, a
# public key where a private one signs, parents that cannot sign, chains out of order, a PIN
# on the command line. Each is refused with a message naming the problem, none quotes key
# material, nothing reaches the device.
source [find bad_input_helpers.tcl]
init
set S $H5_SAMPLES/NUCLEO-H563ZI
set K $S/Keys
set C $S/Certificates
set T $H5_TMP
bi_write $T/garbage.pem "not a key at all\n"
lappend bi_secrets [string trim [lindex [split [bi_read $K/key_3_leaf.pem] "\n"] 1]]

set MK {stm32h5x da make_key}
bi_refused "make_key without -out" {stm32h5x da make_key} {-out FILE is required}
bi_refused "make_key with an unknown option" {stm32h5x da make_key -out $T/a.pem -size 384} \
	{unknown option '-size'}
bi_refused "make_key with -out and no file" {stm32h5x da make_key -out} {option -out needs a value}
bi_refused "make_key into a missing folder" {stm32h5x da make_key -out $T/none/a.pem} \
	{none/a.pem: cannot create}
bi_refused "make_key over an existing file" {stm32h5x da make_key -out $K/key_3_leaf.pem} \
	{exists; a key file is never overwritten}

set LEAF "-role leaf -subject-key $K/key_3_leaf_pub.pem -signer-key $K/key_2_intermediate.pem\
	-parent $C/cert_intermediate.b64 -permissions full_regression"
bi_refused "make_certificate without -role" \
	{stm32h5x da make_certificate -subject-key $K/key_3_leaf_pub.pem -signer-key $K/key_2_intermediate.pem -permissions 0x4000 -out $T/c.b64} \
	{-role, -subject-key, -permissions, -out \(or -chain-out\) and one of -signer-key}
bi_refused "make_certificate with an unknown role" {stm32h5x da make_certificate {*}[string map {leaf device} $LEAF] -out $T/c.b64} \
	{-role takes root, intermediate or leaf, not 'device'}
bi_refused "make_certificate with both -signer-key and -sign-cmd" \
	{stm32h5x da make_certificate {*}$LEAF -sign-cmd true -out $T/c.b64} {one of -signer-key or -sign-cmd}
bi_refused "make_certificate with a malformed SoC ID" \
	{stm32h5x da make_certificate {*}$LEAF -soc-id 0x1234 -out $T/c.b64} {-soc-id takes the 128-bit ID}
bi_refused "make_certificate with a SoC ID holding a non-hex digit" \
	{stm32h5x da make_certificate {*}$LEAF -soc-id 0x0123456g_89abcdef_01234567_89abcdef -out $T/c.b64} \
	{-soc-id takes the 128-bit ID}
bi_refused "make_certificate with a SoC class that is not a number" \
	{stm32h5x da make_certificate {*}$LEAF -soc-class h563 -out $T/c.b64} {-soc-class takes a 32-bit number}
bi_refused "make_certificate with a lifecycle beyond 16 bits" \
	{stm32h5x da make_certificate {*}$LEAF -lifecycle 0x10000 -out $T/c.b64} {-lifecycle takes a 16-bit number}
bi_refused "make_certificate with an unknown permission" \
	{stm32h5x da make_certificate {*}[string map {full_regression everything} $LEAF] -out $T/c.b64} \
	{unknown permission "everything"}
bi_refused "make_certificate with a subject key that is not a key" \
	{stm32h5x da make_certificate {*}[string map [list $K/key_3_leaf_pub.pem $T/garbage.pem] $LEAF] -out $T/c.b64} \
	{garbage.pem: the key file is not a PEM or DER public or private key}
bi_refused "make_certificate signed with a public key" \
	{stm32h5x da make_certificate {*}[string map [list $K/key_2_intermediate.pem $K/key_2_intermediate_pub.pem] $LEAF] -out $T/c.b64} \
	{this is a public key; the private key}
bi_refused "make_certificate with a parent that is not a chain" \
	{stm32h5x da make_certificate {*}[string map [list $C/cert_intermediate.b64 $K/key_1_root.pem] $LEAF] -out $T/c.b64} \
	{key_1_root.pem: certificate chain is not valid base64}
bi_refused "make_certificate of a root with a parent" \
	{stm32h5x da make_certificate -role root -subject-key $K/key_1_root_pub.pem -signer-key $K/key_1_root.pem -parent $C/cert_root.b64 -permissions 0x5077 -out $T/c.b64} \
	{a root certificate has no parent}
bi_refused "make_certificate of a leaf signed by the wrong key" \
	{stm32h5x da make_certificate {*}[string map [list $K/key_2_intermediate.pem $K/key_1_root.pem] $LEAF] -out $T/c.b64} \
	{the signer key does not belong to the parent \(intermediate\) certificate}
bi_refused "make_certificate -chain-out without a parent" \
	{stm32h5x da make_certificate -role leaf -subject-key $K/key_3_leaf_pub.pem -signer-key $K/key_2_intermediate.pem -permissions 0x4000 -chain-out $T/c.b64} \
	{-chain-out appends the new certificate to its parent's chain: give -parent}

bi_refused "make_chain without files" {stm32h5x da make_chain -out $T/chain.b64} {usage -out FILE root.b64}
bi_refused "make_chain with the leaf first" \
	{stm32h5x da make_chain -out $T/chain.b64 $C/cert_leaf.b64 $C/cert_intermediate.b64} \
	{certificate 1: role is leaf, expected root}
bi_refused "make_chain missing the intermediate" \
	{stm32h5x da make_chain -out $T/chain.b64 $C/cert_root.b64 $C/cert_leaf.b64} \
	{certificate 2 \(leaf\): signature does not verify with the public key of certificate 1 \(root\)}
bi_refused "make_chain with more than four certificates" \
	{stm32h5x da make_chain -out $T/chain.b64 $C/cert_leaf_chain.b64 $C/cert_intermediate_chain.b64} \
	{more than 4 certificates}

bi_refused "signer_config with an unknown setting" {stm32h5x da signer_config colour red} \
	{unknown setting 'colour'}
bi_refused "signer_config with a zero timeout" {stm32h5x da signer_config timeout_ms 0} \
	{timeout of 0 ms: give 1 to 600000}
bi_refused "signer_config with a timeout that is not a number" \
	{stm32h5x da signer_config timeout_ms soon} {timeout_ms takes a number of milliseconds, not 'soon'}

set P {-cert $C/cert_leaf_chain.b64 -permissions full_regression}
lappend bi_secrets 31415926
bi_refused "da auth with a PIN in the pkcs11 URI" \
	{stm32h5x da auth -key {pkcs11:token=t;object=leaf?pin-value=31415926} {*}[subst $P]} {pin-value is refused}
bi_refused "da auth with an unknown pkcs11 URI attribute" \
	{stm32h5x da auth -key {pkcs11:token=t;object=leaf;colour=red} {*}[subst $P]} {pkcs11 URI: an attribute is unknown or its value is not accepted}
bi_refused "da auth with a pkcs11 URI naming no key" \
	{stm32h5x da auth -key {pkcs11:token=t} {*}[subst $P]} {name the key with object=}
bi_refused "da auth with both -key and -sign-cmd" \
	{stm32h5x da auth -key $K/key_3_leaf.pem -sign-cmd true {*}[subst $P]} {give either -key and -cert, or -password}
bi_refused "da auth with a password and -sign-cmd" \
	{stm32h5x da auth -password $S/Binary/password.bin -sign-cmd true} {give either -key and -cert, or -password}
bi_refused "da auth with an empty signing command" \
	{stm32h5x da auth -sign-cmd {} {*}[subst $P]} {the signing command is empty}

h5_check "no certificate was written" {expr {![file exists $T/c.b64] && ![file exists $T/chain.b64]}}
bi_summary credential-commands
h5_done

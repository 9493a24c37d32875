# SPDX-License-Identifier: GPL-2.0-or-later
# h5sim: --part H533 --tzen 1 --pstate 0x17
# expect-dump: ^product_state 0x17$
# expect-dump: ^count_flash_ops_started 0$
# expect-dump: ^count_flash_option_changes 0$
# expect-dump: ^obk_sector 0 words_written 0$
# expect-dump: ^obk_sector 1 words_written 0$
# expect-dump: ^da.commands_served: 0$
#
# Bad input (issue 8), PEM keys and .b64 certificate chains, on an H533 with TrustZone on in
# Provisioning (certificate authentication is the kind that applies):
#  - root keys given to "obk make_da_config -root-key" and "product_state TZ-Closed -root-key"
#    (a transition that would otherwise be programmed);
#  - leaf keys given to "da auth -key" with ST's chain, and chains given to "da auth -cert"
#    with ST's leaf key.
# Not PEM, truncated, empty, an RSA key, keys on P-384 and secp256k1, a public key where the
# private one is needed, a certificate where a key is needed, not base64, a truncated chain,
# a chain of garbage, a PEM instead of a chain, a directory, a file that does not exist. Each
# is refused with a message naming the problem, none quotes key material, no .obk is
# written, nothing reaches the device.
source [find bad_input_helpers.tcl]
init
reset halt
set S $H5_SAMPLES/NUCLEO-H533RE
set leaf_key $S/Keys/key_3_leaf.pem
set chain $S/Certificates/cert_leaf_chain.b64
proc file_of {name bytes} { return [bi_write $::H5_TMP/$name $bytes] }

# throwaway test keys made with "openssl genpkey" (never used anywhere else)
set rsa_key {-----BEGIN PRIVATE KEY-----
MIIBVAIBADANBgkqhkiG9w0BAQEFAASCAT4wggE6AgEAAkEAxTpSk5P3BM4aqoGq
NbkDmKALCWHNPVRSwrYTtT3x+EnEMGWg6GYJGu49tjHJ/fhkF4nYTVxXp0uOkIZJ
eKDaCwIDAQABAkBnt2P1d7pPLJOZVtbLqZ/ag09Kf8QOnGlpO5bhmNHGXxeeWhi6
z7hzBOuWEHMihSDDiEXd1oB9xmb87vRjpHoBAiEA72yIei3axmIlpZ8dR81ScrEb
eCaXMFxMS+JLpTruN4kCIQDS4et6t93WEuPwjQHmW32/a1sNYywWvcDyyh1GsBVL
8wIgbr67Ghifu2emlkdVGeNFIbv+QsNG552pxOf1qYXqrlECIHMLbvSm5C3KZnGv
625pUUOhZK38AWxynpWVb71FiIjDAiEAnt1XXvi00OH9mYhNwbX3g9okhG1vMp8X
AAjgQfxgpQo=
-----END PRIVATE KEY-----
}
set p384_key {-----BEGIN PRIVATE KEY-----
MIG2AgEAMBAGByqGSM49AgEGBSuBBAAiBIGeMIGbAgEBBDDda3O6IXQdJUSUPXpu
XRKSPHRHUqmdBMXrXrJy4xC0RQXw/W7eeKJHuNnoJBI2qUShZANiAAS2KSuk2Ngz
FYoQBJBKLrSTELTgjY9ZpSgWJTCOEgc3R6lG7G4GCrILLpxok2XG9EhoLQcRb2uy
XxDeNek/sze1DhVYj5KRu7V+yimNFTG9ptlH/qqn2xbIr2sK+J05cfo=
-----END PRIVATE KEY-----
}
set p384_pub {-----BEGIN PUBLIC KEY-----
MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEtikrpNjYMxWKEASQSi60kxC04I2PWaUo
FiUwjhIHN0epRuxuBgqyCy6caJNlxvRIaC0HEW9rsl8Q3jXpP7M3tQ4VWI+Skbu1
fsopjRUxvabZR/6qp9sWyK9rCvidOXH6
-----END PUBLIC KEY-----
}
set k1_key {-----BEGIN PRIVATE KEY-----
MIGEAgEAMBAGByqGSM49AgEGBSuBBAAKBG0wawIBAQQguRd6ekHCZAaUm+pKzf1+
/rdW4VjkcQmn0Qj6E/SdI2ahRANCAATGnZ9QOs/ZNv1iLXrjbOHWsr4bNDEQDBEn
pXdm+G+090S5ZpP1Yv7aL0O7nnluatjJdOBzyxF4atN0tbixC2Xt
-----END PRIVATE KEY-----
}
set leaf_pem [bi_read $leaf_key]
# key material: no line of a private key's body may appear in a message
foreach pem [list $leaf_pem $rsa_key $p384_key $k1_key [bi_read $S/Keys/key_1_root.pem]] {
	foreach line [split $pem "\n"] {
		if {[string length $line] >= 16 && ![string match -----* $line]} {
			lappend bi_secrets [string range $line 0 15]
		}
	}
}
set pem_half [string range $leaf_pem 0 [expr {[string length $leaf_pem] / 2}]]

# the problem as make_da_config / product_state (one parser) and da auth (its own) name it
set notpem {(the key file is not a PEM or DER public or private key|not a PEM or DER private key)}
set notp256 {the (key is not on curve P-256|private key is not an ECDSA P-256)}
set keys [list \
	"an empty key file" [file_of empty.pem ""] \
		{empty.pem: (the )?key file is empty} \
	"a text file that is not PEM" [file_of text.pem "this is not a key\n"] \
		"text.pem: $notpem" \
	"PEM armour around garbage" [file_of armour.pem "-----BEGIN PRIVATE KEY-----\n[bi_base64 [bi_bytes 100 21]]\n-----END PRIVATE KEY-----\n"] \
		"armour.pem: $notpem" \
	"a truncated PEM key" [file_of half.pem $pem_half] \
		"half.pem: $notpem" \
	"an RSA key" [file_of rsa.pem $rsa_key] \
		{rsa.pem: the (key is not an elliptic-curve key; the STM32H5 needs ECDSA P-256|private key is not an ECDSA P-256)} \
	"a P-384 private key" [file_of p384.pem $p384_key] \
		"p384.pem: $notp256" \
	"a P-384 public key" [file_of p384_pub.pem $p384_pub] \
		{p384_pub.pem: (the key is not on curve P-256|this is a public key; the private key .* is needed)} \
	"a secp256k1 private key" [file_of k1.pem $k1_key] \
		"k1.pem: $notp256" \
	"a .b64 certificate given as key" $S/Certificates/cert_root.b64 \
		"cert_root.b64: $notpem" \
	"a .obk given as key" $S/Binary/DA_Config.obk \
		"DA_Config.obk: $notpem" \
	"binary garbage" [file_of garbage.pem [bi_bytes 121 22]] \
		"garbage.pem: $notpem" \
	"a 1 MiB file" [file_of big.pem [string repeat QUFB 262144]] \
		{big.pem(' is too large| is larger than the 4096 bytes expected)} \
	"/dev/zero (endless)" /dev/zero \
		{/dev/zero(' is too large| is larger than the 4096 bytes expected)} \
	"a directory given as key" $H5_TMP \
		{(cannot read [^ ]*/tmp|/tmp' cannot be read)} \
	"a key file that does not exist" $H5_TMP/none.pem \
		{cannot open '?[^ ]*/none.pem} \
]
foreach {what file pattern} $keys {
	set ::f $file
	bi_refused "make_da_config -root-key: $what" {stm32h5x obk make_da_config -out $H5_TMP/out.obk -root-key $f} $pattern
	bi_refused "product_state TZ-Closed -root-key: $what" {stm32h5x product_state TZ-Closed -root-key $f} $pattern
	bi_refused "da auth -key: $what" {stm32h5x da auth -key $f -cert $chain -permissions full_regression} $pattern
}
bi_refused "da auth -key: a public key where the private one is needed" {stm32h5x da auth -key $S/Keys/key_3_leaf_pub.pem -cert $chain -permissions full_regression} \
	{key_3_leaf_pub.pem: this is a public key; the private key .* is needed}
bi_refused "da auth -key: a private key that is not the leaf's" {stm32h5x da auth -key $S/Keys/key_2_intermediate.pem -cert $chain -permissions full_regression} \
	{key_2_intermediate.pem: the private key does not belong to the leaf certificate}

set chain_text [string trim [bi_read $chain]]
set n [string length $chain_text]
set chains [list \
	"an empty chain" [file_of empty.b64 ""] \
		{empty.b64: certificate chain is empty} \
	"a chain that is not base64" [file_of notb64.b64 "!!!! this is not base64 ****\n"] \
		{notb64.b64: certificate chain is not valid base64} \
	"a chain cut in half (at a 4-character boundary)" [file_of half.b64 [string range $chain_text 0 [expr {($n / 8) * 4 - 1}]]] \
		{half.b64: certificate 2: TLV at offset 220 \(type 0x0201\) says 212 value bytes, only 102 remain} \
	"a chain cut in the middle of a base64 quantum" [file_of cut.b64 [string range $chain_text 0 [expr {($n / 8) * 4 + 1}]]] \
		{cut.b64: (certificate 2: TLV at offset 220 \(type 0x0201\) says 212 value bytes|certificate chain is not valid base64)} \
	"a chain of base64 garbage" [file_of garbage.b64 [bi_base64 [bi_bytes 300 23]]] \
		{garbage.b64: certificate 1: TLV at offset 0 .* has reserved field 0x[0-9a-f]+, expected 0} \
	"a chain with one character changed" [file_of flip.b64 "[string range $chain_text 0 199][expr {[string index $chain_text 200] eq "A" ? "B" : "A"}][string range $chain_text 201 end]"] \
		{flip.b64: certificate 1 \(root\): self-signature does not verify} \
	"a chain with garbage appended" [file_of tail.b64 "$chain_text[bi_base64 [bi_bytes 30 24]]"] \
		{tail.b64: certificate 4: TLV at offset 660} \
	"a PEM key given as chain" $leaf_key \
		{key_3_leaf.pem: certificate chain is not valid base64} \
	"a .obk given as chain" $S/Binary/DA_Config.obk \
		{DA_Config.obk: certificate chain is not valid base64} \
	"the root certificate alone" $S/Certificates/cert_root.b64 \
		{the private key does not belong to the root certificate} \
	"a 1 MiB chain" [file_of big.b64 [string repeat QUFB 262144]] \
		{big.b64 is larger than the 3808 bytes expected} \
	"a chain of 43 certificates" [file_of many.b64 "$chain_text[string repeat [string trim [bi_read $S/Certificates/cert_leaf.b64]] 40]"] \
		{many.b64 is larger than the 3808 bytes expected} \
	"a directory given as chain" $H5_TMP \
		{cannot read [^ ]*/tmp} \
	"a chain that does not exist" $H5_TMP/none.b64 \
		{cannot open [^ ]*/none.b64} \
]
foreach {what file pattern} $chains {
	set ::f $file
	bi_refused "da auth -cert: $what" {stm32h5x da auth -key $leaf_key -cert $f -permissions full_regression} $pattern
}
h5_check "no .obk was written" {expr {![file exists $H5_TMP/out.obk]}}
h5_check_match "the device is still in Provisioning" {stm32h5x product_state} {^Provisioning$}
bi_summary key-and-chain-files
h5_done

# SPDX-License-Identifier: GPL-2.0-or-later
# h5sim: --part H563 --tzen 1 --pstate 0x17
# expect-dump: ^obk_sector [01] words_written 6$
#
# "stm32h5x obk provision" holds the credential-vs-TrustZone rule like make_da_config and the
# product-state guard (issue 13, item 7), on an H563 in Provisioning with TrustZone on: a DA
# configuration is provisioned only with the credential it was made from, of the kind
# TrustZone asks for, with an encryption flag the part takes; every refusal writes nothing
# (the dump shows the one configuration written, 6 quad-words).
source [find bad_input_helpers.tcl]
set S $H5_SAMPLES/NUCLEO-H563ZI
set S533 $H5_SAMPLES/NUCLEO-H533RE
init
reset halt
h5_check_error "a DA configuration without its credential is refused (the kind cannot be told)" \
	{stm32h5x obk provision $S/Binary/DA_Config.obk} \
	{with TrustZone enabled \(TZEN=0xB4\) the device authenticates with a certificate \(root key\), and nothing shows this DA configuration holds one.*-root-key}
h5_check_error "ST's password configuration on TrustZone on is refused" \
	{stm32h5x obk provision $S/Binary/DA_ConfigWithPassword.obk -password $S/Binary/password.bin} \
	{holds a password hash, but with TrustZone enabled \(TZEN=0xB4\) the device authenticates with a certificate}
h5_check_error "a configuration with another credential's hash is refused" \
	{stm32h5x obk provision $S/Binary/DA_Config.obk -root-key $S/Keys/key_2_intermediate_pub.pem} \
	{does not carry the hash of the certificate \(root key\) given}
set stm32h5x::settings(crypto) 0	;# board/st_nucleo_h563zi.cfg
h5_check_error "ST's encrypted H533 configuration on the H563 is refused" \
	{stm32h5x obk provision $S533/Binary/DA_Config.obk -root-key $S533/Keys/key_1_root_pub.pem} \
	{encryption flag 1 asks the device to encrypt the configuration, and this part has no cryptography}
h5_check_output "bad option: refused with the usage" \
	{stm32h5x obk provision $S/Binary/DA_Config.obk -frob} {obk provision <file.obk> \[-root-key}
h5_check_match "ST's DA_Config.obk with its root key is provisioned" \
	{stm32h5x obk provision $S/Binary/DA_Config.obk -root-key $S/Keys/key_1_root_pub.pem} {^RSSLIB_SUCCESS$}
h5_done

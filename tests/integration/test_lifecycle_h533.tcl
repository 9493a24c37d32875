# SPDX-License-Identifier: GPL-2.0-or-later
# h5sim: --part H533 --tzen 1
#
# Lifecycle commands on an H533 with TrustZone on (issue 5): a password DA configuration is
# refused, a certificate configuration is generated and provisioned, then TZ-Closed.
init
reset halt
h5_check_match "starts Open with TZEN on" {stm32h5x ob TZEN} {^0xB4$}
h5_check_error "TZ-Closed straight from Open is refused" {stm32h5x product_state TZ-Closed -confirm} {Provisioning}
h5_check_match "Open -> Provisioning" {stm32h5x product_state Provisioning} {^Provisioning$}
reset halt
h5_check_error "make_da_config with a password refused for TZEN on" {stm32h5x obk make_da_config -out $H5_TMP/x.obk -password $H5_SAMPLES/NUCLEO-H533RE/Binary/password.bin} {certificate}
h5_check_match "make_da_config with the root key, flag 1" {stm32h5x obk make_da_config -out $H5_TMP/gen_cert.obk -root-key $H5_SAMPLES/NUCLEO-H533RE/Keys/key_1_root.pem -encrypt 1} {gen_cert.obk}
h5_check_match "provision the generated certificate .obk" {stm32h5x obk provision $H5_TMP/gen_cert.obk -root-key $H5_SAMPLES/NUCLEO-H533RE/Keys/key_1_root.pem} {^RSSLIB_SUCCESS$}
reset halt
h5_check_error "TZ-Closed with a password proof needs -confirm" {stm32h5x product_state TZ-Closed -password $H5_SAMPLES/NUCLEO-H533RE/Binary/password.bin} {confirm}
h5_check_match "TZ-Closed with the root key proof" {stm32h5x product_state TZ-Closed -root-key $H5_SAMPLES/NUCLEO-H533RE/Keys/key_1_root_pub.pem} {^TZ-Closed$}
h5_done

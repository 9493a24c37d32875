# SPDX-License-Identifier: GPL-2.0-or-later
# h5sim: --part H563 --tzen 1 --pstate 0x17
# expect-dump: ^product_state 0x17$
# expect-dump: ^obk_sector [01] words_written 6$
#
# "stm32h5x::provision Provisioning" on a device already in Provisioning decides from the
# device (issue 13, item 6): a run interrupted before its DA step, or party 1 starting on a
# device someone moved to Provisioning, left no DA configuration. The run resumes (DA
# configuration, proof) instead of saying "already Provisioning: nothing to do"; a second
# run keeps what the device then holds.
source [find provision_helpers.tcl]
provision_start_h563
h5_check_equal "no DA configuration at the start" {stm32h5x::check_da_setup -root-key $key} 0
set rc [catch {capture {set result [stm32h5x::provision Provisioning -root-key $key -confirm]}} out]
h5_check_equal "provision Provisioning runs without error" {expr {$rc == 0 ? "ok" : $out}} ok
h5_check "it did not stop at 'nothing to do'" {expr {![string match "*nothing to do*" $out]}}
h5_check_match "it provisioned the DA configuration and proved it" {set out} \
	{\[1/2\] generate and provision the DA configuration.*\[2/2\] prove the DA setup}
h5_check_equal "check_da_setup now says yes" {stm32h5x::check_da_setup -root-key $key} 1
h5_check_match "a second run keeps what the device holds" \
	{h5_output {stm32h5x::provision Provisioning -root-key $key -confirm}} {already provisioned: the DA configuration in OBK-HDPL1 holds this root key's hash}
h5_done

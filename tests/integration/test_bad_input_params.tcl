# SPDX-License-Identifier: GPL-2.0-or-later
# h5sim: --part H563
# expect-dump: ^product_state 0xed$
# expect-dump: ^count_flash_ops_started 0$
# expect-dump: ^count_flash_option_changes 0$
# expect-dump: ^count_flash_sectors_erased 0$
# expect-dump: ^count_flash_words_programmed 0$
# expect-dump: ^otp_halfwords_written 0$
# expect-dump: ^otp_lock 0x00000000$
# expect-dump: ^obk_sector 0 words_written 0$
# expect-dump: ^obk_sector 1 words_written 0$
# expect-dump: ^da.commands_served: 0$
#
# Bad input (issue 8), parameters: every stm32h5x command with missing or extra arguments,
# wrong types, out-of-range numbers, unknown names and bad bank ids. Each is refused with a
# message naming the problem (a syntax error prints the command's usage line), and the dump
# shows that nothing was written: no flash operation, no option change, no OTP or OBK word,
# no DA command.
source [find bad_input_helpers.tcl]
init
reset halt
set S $H5_SAMPLES/NUCLEO-H563ZI
set PW $S/Binary/password.bin

# mass_erase bank_id
bi_refused "mass_erase without a bank is a syntax error" {stm32h5x mass_erase} {stm32h5x mass_erase bank_id}
bi_refused "mass_erase with an extra argument is a syntax error" {stm32h5x mass_erase 0 1} {stm32h5x mass_erase bank_id}
bi_refused "mass_erase with a word for a bank" {stm32h5x mass_erase foo} {bank_num option value \('foo'\) is not valid}
bi_refused "mass_erase of a bank that does not exist" {stm32h5x mass_erase 7} {flash bank 7 does not exist}
bi_refused "mass_erase of bank -1" {stm32h5x mass_erase -1} {'-1'\) is not valid}
bi_refused "mass_erase of a bank beyond 32 bits" {stm32h5x mass_erase 0x100000000} {'0x100000000'\) is not valid}

# option_read bank_id reg_offset
bi_refused "option_read without arguments" {stm32h5x option_read} {stm32h5x option_read bank_id reg_offset}
bi_refused "option_read without an offset" {stm32h5x option_read 0} {stm32h5x option_read bank_id reg_offset}
bi_refused "option_read with an extra argument" {stm32h5x option_read 0 0x50 1} {stm32h5x option_read bank_id reg_offset}
bi_refused "option_read with a word for an offset" {stm32h5x option_read 0 foo} {offset option value \('foo'\) is not valid}
bi_refused "option_read with a word for a bank" {stm32h5x option_read x 0x50} {bank_num option value \('x'\) is not valid}
bi_refused "option_read of a bank that does not exist" {stm32h5x option_read 9 0x50} {flash bank 9 does not exist}
bi_refused "option_read beyond the FLASH registers" {stm32h5x option_read 0 0x10000} {0x10000 is not a FLASH register offset}
bi_refused "option_read of an unaligned offset" {stm32h5x option_read 0 0x51} {0x51 is not a FLASH register offset}
bi_refused "option_read of a negative offset" {stm32h5x option_read 0 -4} {'-4'\) is not valid}

# option_write bank_id reg_offset value [mask]
bi_refused "option_write without arguments" {stm32h5x option_write} {stm32h5x option_write bank_id reg_offset value}
bi_refused "option_write without a value" {stm32h5x option_write 0 0x54} {stm32h5x option_write bank_id reg_offset value}
bi_refused "option_write with five arguments" {stm32h5x option_write 0 0x54 1 2 3} {stm32h5x option_write bank_id reg_offset value}
bi_refused "option_write with a word for a value" {stm32h5x option_write 0 0x54 foo} {value option value \('foo'\) is not valid}
bi_refused "option_write with a word for an offset" {stm32h5x option_write 0 foo 1} {offset option value \('foo'\) is not valid}
bi_refused "option_write with a word for a mask" {stm32h5x option_write 0 0x54 1 bar} {mask option value \('bar'\) is not valid}
bi_refused "option_write to a bank that does not exist" {stm32h5x option_write 9 0x54 1} {flash bank 9 does not exist}
bi_refused "option_write of a value beyond 32 bits" {stm32h5x option_write 0 0x54 0x100000000} {'0x100000000'\) is not valid}
bi_refused "option_write beyond the FLASH registers" {stm32h5x option_write 0 0x10000 1} {0x10000 is not a FLASH register offset}
bi_refused "option_write to an unaligned offset" {stm32h5x option_write 0 0x55 1} {0x55 is not a FLASH register offset}
bi_refused "option_write to FLASH_ACR (not an option register)" {stm32h5x option_write 0 0x000 1} {0x000 is not an option register}
bi_refused "option_write to OPTKEYR (not an option register)" {stm32h5x option_write 0 0x00C 0x08192A3B} {0x00c is not an option register}
bi_refused "option_write to OPTSR_CUR (read-only copy)" {stm32h5x option_write 0 0x050 0} {0x050 is not an option register}

# otp_lock bank_id first_block [last_block] -confirm
bi_refused "otp_lock without arguments" {stm32h5x otp_lock} {stm32h5x otp_lock bank_id first_block}
bi_refused "otp_lock without a block" {stm32h5x otp_lock 0} {stm32h5x otp_lock bank_id first_block}
bi_refused "otp_lock without confirm says what it would lock" {stm32h5x otp_lock 0 0} {irreversible; repeat the command with -confirm}
bi_refused "otp_lock of a range without confirm" {stm32h5x otp_lock 0 0 1} {OTP blocks 0..1 .*irreversible}
bi_refused "otp_lock with 'yes' instead of confirm" {stm32h5x otp_lock 0 0 1 yes} {stm32h5x otp_lock bank_id first_block}
bi_refused "otp_lock with an argument after confirm" {stm32h5x otp_lock 0 0 1 confirm extra} {stm32h5x otp_lock bank_id first_block}
bi_refused "otp_lock of block 99" {stm32h5x otp_lock 0 99 confirm} {OTP blocks are 0..31; got 99..99}
bi_refused "otp_lock of block 32" {stm32h5x otp_lock 0 0 32 confirm} {OTP blocks are 0..31; got 0..32}
bi_refused "otp_lock of a reversed range" {stm32h5x otp_lock 0 3 1 confirm} {OTP blocks are 0..31; got 3..1}
bi_refused "otp_lock with a word for a block" {stm32h5x otp_lock 0 foo confirm} {first option value \('foo'\) is not valid}
bi_refused "otp_lock of block -1" {stm32h5x otp_lock 0 -1 confirm} {'-1'\) is not valid}
bi_refused "otp_lock on a bank that does not exist" {stm32h5x otp_lock 9 0 confirm} {flash bank 9 does not exist}

# ob [NAME | NAME=value ... [-confirm]]
bi_refused "ob of an unknown name" {stm32h5x ob FOO} {unknown option byte 'FOO'}
bi_refused "ob writing an unknown name" {stm32h5x ob FOO=1} {unknown option byte 'FOO'.*nothing was written}
bi_refused "ob with an empty value" {stm32h5x ob TZEN=} {TZEN has no value; nothing was written}
bi_refused "ob with a word for a value" {stm32h5x ob TZEN=xyz} {TZEN: 'xyz' is not a number or a value name}
bi_refused "ob with no name" {stm32h5x ob =1} {'=1' is not NAME=value}
bi_refused "ob with a value wider than the field" {stm32h5x ob TZEN=0x1FF} {does not fit the field \(8 bits}
bi_refused "ob with a value beyond 32 bits" {stm32h5x ob HDP1_STRT=0x100000000} {HDP1_STRT: '0x100000000' is not a number}
bi_refused "ob with a name given twice" {stm32h5x ob TZEN=0xC3 TZEN=0xB4} {TZEN is given twice; nothing was written}
bi_refused "ob with an unknown flag" {stm32h5x ob TZEN=0xB4 -force} {'-force' is not NAME=value}
bi_refused "ob reading two names" {stm32h5x ob TZEN TZEN} {stm32h5x ob \[<NAME>}
bi_refused "ob with -confirm alone" {stm32h5x ob -confirm} {stm32h5x ob \[<NAME>}
bi_refused "ob with a TZEN value that is not a magic value" {stm32h5x ob TZEN=0x12} {0xB4}
bi_refused "ob with a boot address outside flash and SRAM" {stm32h5x ob NSBOOTADD=0x1} {neither in the user flash .* nor in the SRAM}
bi_refused "ob setting an OTP lock bit without -confirm" {stm32h5x ob LOCKBL=1} {can never be cleared; add -confirm}
bi_refused "ob writing PRODUCT_STATE" {stm32h5x ob PRODUCT_STATE=0x17} {product_state}
bi_refused "ob with a boot address not a multiple of 256" {stm32h5x ob NSBOOTADD=0xFFFFFFFF} {boot address 0xFFFFFFFF is not a multiple of 256 bytes}
bi_refused "ob with a negative value" {stm32h5x ob WRPSGn1=-1} {WRPSGn1: '-1' is not a number}
bi_refused "ob with hex digits but no 0x" {stm32h5x ob TZEN=B4} {TZEN: 'B4' is not a number or a value name}
bi_refused "ob with 2 for a 1-bit field" {stm32h5x ob SWAP_BANK=2} {SWAP_BANK=0x2 does not fit the field \(1 bit, at most 0x1\)}
bi_refused "ob with 7 for a 2-bit field" {stm32h5x ob BOR_LEV=7} {BOR_LEV=0x7 does not fit the field \(2 bits, at most 0x3\)}
bi_refused "ob with 8 for a 3-bit field" {stm32h5x ob EDATA1_STRT=8} {EDATA1_STRT=0x8 does not fit the field \(3 bits, at most 0x7\)}
bi_refused "ob with one good and one bad value writes neither" {stm32h5x ob BOR_LEV=1 SWAP_BANK=2} {SWAP_BANK=0x2 does not fit.*nothing was written}

# obk provision <file.obk> / obk make_da_config
bi_refused "obk without a subcommand" {stm32h5x obk} {stm32h5x obk provision <file.obk>}
bi_refused "obk with an unknown subcommand" {stm32h5x obk frob} {stm32h5x obk provision <file.obk>}
bi_refused "obk provision without a file" {stm32h5x obk provision} {stm32h5x obk provision <file.obk>}
bi_refused "obk provision with two files" {stm32h5x obk provision a b} {stm32h5x obk provision <file.obk>}
bi_refused "obk provision of ST's good file while Open" {stm32h5x obk provision $S/Binary/DA_ConfigWithPassword.obk} {OBKeys are provisioned in the Provisioning state}
set MK {stm32h5x obk make_da_config \(-out <file.obk>}
bi_refused "make_da_config without arguments" {stm32h5x obk make_da_config} $MK
bi_refused "make_da_config with -out and no file" {stm32h5x obk make_da_config -out} $MK
bi_refused "make_da_config without a credential" {stm32h5x obk make_da_config -out $H5_TMP/a.obk} $MK
bi_refused "make_da_config without -out" {stm32h5x obk make_da_config -password $PW} $MK
bi_refused "make_da_config with -password and no file" {stm32h5x obk make_da_config -out $H5_TMP/a.obk -password} $MK
bi_refused "make_da_config with two credentials" {stm32h5x obk make_da_config -out $H5_TMP/a.obk -password $PW -root-key $S/Keys/key_1_root_pub.pem} $MK
bi_refused "make_da_config with an unknown flag" {stm32h5x obk make_da_config -out $H5_TMP/a.obk -password $PW -bogus 1} $MK
bi_refused "make_da_config with a word for permissions" {stm32h5x obk make_da_config -out $H5_TMP/a.obk -password $PW -permissions foo} {permissions option value \('foo'\) is not valid}
bi_refused "make_da_config with permissions beyond 32 bits" {stm32h5x obk make_da_config -out $H5_TMP/a.obk -password $PW -permissions 0x100000000} {permissions option value \('0x100000000'\) is not valid}
bi_refused "make_da_config with -encrypt 2" {stm32h5x obk make_da_config -out $H5_TMP/a.obk -password $PW -encrypt 2} {-encrypt takes 0 or 1}
bi_refused "make_da_config with a word for -encrypt" {stm32h5x obk make_da_config -out $H5_TMP/a.obk -password $PW -encrypt x} {encrypt option value \('x'\) is not valid}
bi_refused "make_da_config into a directory that does not exist" {stm32h5x obk make_da_config -out /nonexistent/dir/a.obk -password $PW} {cannot write '/nonexistent/dir/a.obk'}
bi_refused "make_da_config onto a directory" {stm32h5x obk make_da_config -out $H5_TMP -password $PW} {cannot write '.*'}
h5_check "no .obk was left behind by the refused make_da_config calls" {expr {![file exists $H5_TMP/a.obk]}}

# product_state [<state> [-confirm] [-password <file> | -root-key <pem>]]
set PS {stm32h5x product_state \[<state>}
bi_refused "product_state with an unknown state name" {stm32h5x product_state Foo} {'Foo' is not a product state \(Open, Provisioning}
bi_refused "product_state with an empty state name" {stm32h5x product_state ""} {'' is not a product state}
bi_refused "product_state with a code that is no state" {stm32h5x product_state 0x42} {'0x42' is not a product state}
bi_refused "product_state with an extra word" {stm32h5x product_state Closed extra} $PS
bi_refused "product_state with an unknown flag" {stm32h5x product_state Closed -confirm -bogus} $PS
bi_refused "product_state with -password and no file" {stm32h5x product_state Closed -password} {-password needs a file name}
bi_refused "product_state with -root-key and no file" {stm32h5x product_state Closed -root-key} {-root-key needs a file name}
bi_refused "product_state with two credentials" {stm32h5x product_state Closed -password $PW -root-key $S/Keys/key_1_root_pub.pem -confirm} {give one credential \(-password or -root-key\), not two}
bi_refused "product_state -confirm without a state" {stm32h5x product_state -confirm} $PS
bi_refused "product_state with a code beyond 8 bits" {stm32h5x product_state 0x1ED} {'0x1ED' is not a product state}
bi_refused "product_state skipping Provisioning" {stm32h5x product_state Closed -confirm} {Provisioning}
bi_refused "product_state with a password file that does not exist" {stm32h5x product_state Closed -password /nonexistent.bin} {cannot open '/nonexistent.bin'}

# da_password_provision <password-file> -confirm (H503 only; the H563 refuses by name)
set DP {stm32h5x da_password_provision <password-file> -confirm}
bi_refused "da_password_provision without arguments" {stm32h5x da_password_provision} $DP
bi_refused "da_password_provision with 'yes' instead of -confirm" {stm32h5x da_password_provision $PW yes} $DP
bi_refused "da_password_provision with an extra argument" {stm32h5x da_password_provision $PW -confirm extra} $DP
bi_refused "da_password_provision without -confirm" {stm32h5x da_password_provision $PW} {can never be changed once locked in OTP; add -confirm}
bi_refused "da_password_provision on a part with OBKeys" {stm32h5x da_password_provision $PW -confirm} {keeps its DA configuration in OBKeys}

# da discover / auth / close / config
bi_refused "da without a subcommand" {stm32h5x da} {stm32h5x da discover}
bi_refused "da with an unknown subcommand" {stm32h5x da frob} {stm32h5x da discover}
set DD {stm32h5x da discover \['-noreset'\]}
bi_refused "da discover with an unknown flag" {stm32h5x da discover -bogus} $DD
bi_refused "da discover with an extra argument" {stm32h5x da discover -noreset extra} $DD
bi_refused "da auth without arguments" {stm32h5x da auth} "give either -key and -cert, or -password"
bi_refused "da auth with -key and no file" {stm32h5x da auth -key} "option -key needs a value"
bi_refused "da auth with a key and no chain" {stm32h5x da auth -key $S/Keys/key_3_leaf.pem} "give either -key and -cert, or -password"
bi_refused "da auth with a chain and no key" {stm32h5x da auth -cert $S/Certificates/cert_leaf_chain.b64} "give either -key and -cert, or -password"
bi_refused "da auth with -password and no file" {stm32h5x da auth -password} "option -password needs a value"
bi_refused "da auth with a password and a certificate" {stm32h5x da auth -password $PW -key $S/Keys/key_3_leaf.pem -cert $S/Certificates/cert_leaf_chain.b64} "give either -key and -cert, or -password"
bi_refused "da auth with -permissions and no list" {stm32h5x da auth -password $PW -permissions} "option -permissions needs a value"
bi_refused "da auth with an unknown flag" {stm32h5x da auth -password $PW -bogus} "unknown option '-bogus'"
bi_refused "da auth with certificates and no -permissions" {stm32h5x da auth -key $S/Keys/key_3_leaf.pem -cert $S/Certificates/cert_leaf_chain.b64} "-permissions is required with certificates"
bi_refused "da auth with an unknown permission name" {stm32h5x da auth -password $PW -permissions foo} {unknown permission "foo" \(known: full_regression}
bi_refused "da auth with a permission beyond 32 bits" {stm32h5x da auth -password $PW -permissions 0x100000000} {permission "0x100000000" is not a 32-bit number}
bi_refused "da auth with a bit number beyond 127" {stm32h5x da auth -password $PW -permissions bit128} {permission "bit128": bit number must be 0..127}
bi_refused "da auth with an empty permission list" {stm32h5x da auth -password $PW -permissions ""} {permission}
set DC {stm32h5x da close \['-reset'\]}
bi_refused "da close with an extra argument" {stm32h5x da close extra} $DC
bi_refused "da close with an unknown flag" {stm32h5x da close -bogus} $DC
bi_refused "da config of an unknown setting" {stm32h5x da config bogus} {unknown setting 'bogus'}
bi_refused "da config setting an unknown setting" {stm32h5x da config bogus 1} {unknown DA setting "bogus"; valid: entry_word, ack_bits}
bi_refused "da config with a misspelt setting suggests the right one" {stm32h5x da config entry_wrod 1} {unknown DA setting "entry_wrod" \(did you mean "entry_word"\?\)}
bi_refused "da config entry_word with a word" {stm32h5x da config entry_word foo} {entry_word takes a 32-bit number}
bi_refused "da config entry_word beyond 32 bits" {stm32h5x da config entry_word 0x100000000} {entry_word takes a 32-bit number}
bi_refused "da config ack_bits with an unknown layout" {stm32h5x da config ack_bits foo} {ack_bits takes "auto", "standard" .* or "swapped"}
bi_refused "da config data_count with an unknown unit" {stm32h5x da config data_count foo} {data_count takes "auto", "words" or "bytes"}
bi_refused "da config with three arguments" {stm32h5x da config entry_word 1 2} {stm32h5x da config \[name \[value\]\]}
bi_refused "da config word_timeout_ms with a word" {stm32h5x da config word_timeout_ms soon} {word_timeout_ms}
bi_refused "da config word_timeout_ms negative" {stm32h5x da config word_timeout_ms -5} {word_timeout_ms}
bi_refused "da config word_timeout_ms 0" {stm32h5x da config word_timeout_ms 0} {word_timeout_ms takes milliseconds, 1..600000}
bi_refused "da config response_timeout_ms 0" {stm32h5x da config response_timeout_ms 0} {response_timeout_ms takes milliseconds, 1..600000}
bi_refused "da config reset_hold_ms 0" {stm32h5x da config reset_hold_ms 0} {reset_hold_ms takes milliseconds, 1..600000}
bi_refused "da config word_timeout_ms beyond 600000" {stm32h5x da config word_timeout_ms 99999999999} {word_timeout_ms takes milliseconds, 1..600000}
bi_refused "da config close_command beyond 16 bits" {stm32h5x da config close_command 0x10000} {close_command takes a command ID 0x0001..0xFFFF}
bi_refused "da config clear_dev_ack 2" {stm32h5x da config clear_dev_ack 2} {clear_dev_ack takes auto, 0 or 1}
bi_refused "da config resume_after_debug_open with a word" {stm32h5x da config resume_after_debug_open x} {resume_after_debug_open takes 0 or 1}
h5_check_match "the DA settings kept their defaults" {stm32h5x da config} {entry_word auto.*ack_bits auto.*clear_dev_ack auto.*data_count auto.*close_command 0x0006.*resume_after_debug_open 1.*word_timeout_ms 1000.*response_timeout_ms 5000.*reset_hold_ms 20}

h5_check_match "still Open after all refusals" {stm32h5x product_state} {^Open$}
bi_summary parameters
h5_done

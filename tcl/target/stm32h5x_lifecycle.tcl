# SPDX-License-Identifier: GPL-2.0-or-later

# STM32H5 lifecycle sequences (sourced by target/stm32h5x.cfg): ST's provisioning sequence
# (anchors.md §7: baseline option bytes + erase, images, Provisioning, DA configuration, proof,
# final state), Debug Authentication regression and debug reopening, and the read-only "prove
# the DA setup before closing" check. They only wrap the C commands of the "stm32h5x" group;
# every refusal is a Tcl error naming the problem, progress lines start with the proc's name.
# No password, key or credential hash is ever printed. User guide: docs/provisioning.md.

namespace eval stm32h5x {
	# Per line (DEV_ID): TrustZone and OBKeys present, the encryption flag of a generated DA
	# .obk, and ST's baseline option bytes (CubeH5 ROT_Provisioning ob_programming.sh) with
	# TrustZone off / on, then (TrustZone on) the secure watermarks covering every sector
	# (LAST = the last sector of a bank, from the probed flash size).
	variable lines {
		H503 {
			dev_id 0x474 trustzone 0 obk 0 encrypt 0
			baseline_tz_off {WRPSGn1=0xff WRPSGn2=0xff HDP1_STRT=1 HDP1_END=0 HDP2_STRT=1
				HDP2_END=0 NSBOOT_LOCK=0xC3 SRAM2_RST=0 SRAM2_ECC=0 SRAM1_RST=0 SRAM1_ECC=0
				NSBOOTADD=0x80000 SWAP_BANK=0}
			baseline_tz_on {}
			secure_area {}
		}
		H52x {
			dev_id 0x478 trustzone 1 obk 1 encrypt 1
			baseline_tz_off {WRPSGn1=0xff WRPSGn2=0xff HDP1_STRT=1 HDP1_END=0 HDP2_STRT=1
				HDP2_END=0}
			baseline_tz_on {WRPSGn1=0xff WRPSGn2=0xff HDP1_STRT=1 HDP1_END=0 HDP2_STRT=1
				HDP2_END=0 SECWM1_STRT=1 SECWM1_END=0 SECWM2_STRT=1 SECWM2_END=0
				SECBOOT_LOCK=0xC3 SWAP_BANK=0 SRAM2_RST=0 SRAM2_ECC=0 NSBOOTADD=0x80000
				SECBOOTADD=0xC0000 BOOT_UBE=0xB4}
			secure_area {SECWM1_STRT=0 SECWM1_END=LAST SECWM2_STRT=0 SECWM2_END=LAST}
		}
		H56x {
			dev_id 0x484 trustzone 1 obk 1 encrypt 0
			baseline_tz_off {WRPSGn1=0xffffffff WRPSGn2=0xffffffff HDP1_STRT=1 HDP1_END=0
				HDP2_STRT=1 HDP2_END=0}
			baseline_tz_on {WRPSGn1=0xffffffff WRPSGn2=0xffffffff HDP1_STRT=1 HDP1_END=0
				HDP2_STRT=1 HDP2_END=0 SECWM1_STRT=1 SECWM1_END=0 SECWM2_STRT=1 SECWM2_END=0
				SECBOOT_LOCK=0xC3 SWAP_BANK=0 SRAM2_RST=0 SRAM2_ECC=0 NSBOOTADD=0x80000
				SECBOOTADD=0xC0000 BOOT_UBE=0xB4}
			secure_area {SECWM1_STRT=0 SECWM1_END=LAST SECWM2_STRT=0 SECWM2_END=LAST}
		}
	}

	# Settings (change them with "set stm32h5x::settings(NAME) VALUE")
	#   default_permissions  permission mask of a generated DA .obk (ST's XML: 0x00005077)
	#   tmpdir               where the generated .obk goes while the procs run
	variable settings
	array set settings {default_permissions 0x00005077}
	if { [info exists ::env(TMPDIR)] } {
		set settings(tmpdir) $::env(TMPDIR)
	} else {
		set settings(tmpdir) /tmp
	}

	# final states offered by provision, and the DA permission bits used here (state names:
	# stm32h5x_pstate_name of target/stm32h5x.cfg)
	variable finals {iROT-Provisioned TZ-Closed Closed Provisioning}
	variable perm_bits {full_regression 14 partial_regression 12 debug_open_l3 6
		debug_open_l2 5 debug_open_l1 4 debug_open_l3_ns 2 debug_open_l2_ns 1 debug_open_l1_ns 0}

	# credential hash of the DA configuration provisioned in this session, per target (the
	# device's copy may be stored encrypted on crypto parts and then cannot be compared)
	variable session_da
	array set session_da {}

	variable da_config_s 0x0FFD0100
	variable da_config_ns 0x0BFD0100
	variable otp_hash_addr 0x08FFF000
}

# --- small helpers ----------------------------------------------------------------------------

proc stm32h5x::say {who msg} {
	echo "stm32h5x::$who: $msg"
}

proc stm32h5x::fail {who msg} {
	return -code error "stm32h5x::$who: $msg"
}

# the bytes of a file (binary), or an error naming the file
proc stm32h5x::read_bytes {path} {
	if { [catch {open $path rb} f] } {
		error "cannot open '$path'"
	}
	set d [read $f]
	close $f
	return $d
}

# a byte string as a list of numbers
proc stm32h5x::byte_list {s} {
	set out {}
	foreach c [split $s ""] {
		scan $c %c v
		lappend out $v
	}
	return $out
}

# little-endian unsigned number of N bytes at OFFSET of a byte list
proc stm32h5x::le {bytes offset n} {
	set v 0
	for {set i [expr {$n - 1}]} {$i >= 0} {incr i -1} {
		set v [expr {($v << 8) | [lindex $bytes [expr {$offset + $i}]]}]
	}
	return $v
}

proc stm32h5x::same_list {a b} {
	if { [llength $a] != [llength $b] } {
		return 0
	}
	foreach x $a y $b {
		if { $x != $y } {
			return 0
		}
	}
	return 1
}

proc stm32h5x::is_number {s} {
	return [expr {[string is integer -strict $s] && $s >= 0}]
}

proc stm32h5x::check_readable {who what path} {
	if { ![file exists $path] } {
		fail $who "$what '$path' does not exist"
	}
	if { ![file readable $path] || [file isdirectory $path] } {
		fail $who "$what '$path' cannot be read"
	}
}

# --- the device -------------------------------------------------------------------------------

# What the procs need to know: line, TrustZone (present/enabled), product state, flash size.
# Reads only. DEV_ID through AP0 when it exists (works in every state), else through the core.
proc stm32h5x::device {who} {
	variable lines
	global _CHIPNAME
	set idcode ""
	if { ![using_hla] } {
		catch {set idcode [lindex [$_CHIPNAME.ap0 read_memory 0xE0044000 32 1] 0]}
	}
	if { $idcode eq "" } {
		catch {set idcode [lindex [[target current] read_memory 0x44024000 32 1] 0]}
	}
	if { $idcode eq "" } {
		fail $who "the device does not answer (DBGMCU_IDCODE cannot be read)"
	}
	set dev_id [expr {$idcode & 0xfff}]
	set line ""
	foreach {name info} $lines {
		if { [dict get $info dev_id] == $dev_id } {
			set line $name
		}
	}
	if { $line eq "" } {
		fail $who [format "DEV_ID 0x%03x is not a line these procs know (H503, H52x/H53x,\
			H56x/H57x)" $dev_id]
	}
	set info [dict get $lines $line]
	if { [catch {string trim [stm32h5x product_state]} pstate] } {
		set why [expr {[string trim $pstate] eq "" ? "" : " ([string trim $pstate])"}]
		fail $who "the product state cannot be read$why; in Closed the core's access port is\
			closed: use stm32h5x::regress or stm32h5x::reopen_debug (stm32h5x da discover\
			shows the state)"
	}
	set tzen 0
	if { [dict get $info trustzone] } {
		if { [catch {string trim [stm32h5x ob TZEN]} v] } {
			fail $who "TZEN cannot be read ($v)"
		}
		set tzen [expr {$v == 0xB4}]
	}
	set flash 0
	foreach b [flash list] {
		if { [dict get $b driver] eq "stm32h5x" && [dict get $b base] == 0x08000000 } {
			set flash [dict get $b size]
		}
	}
	dict set info line $line
	dict set info pstate $pstate
	dict set info tzen $tzen
	dict set info flash_size $flash
	return $info
}

# --- credentials ------------------------------------------------------------------------------

# Writes the DA configuration .obk of a credential with "stm32h5x obk make_da_config", as
# bytes only (the hash comes from C: no SHA-256 in Tcl). provision chooses TZEN from the
# credential and sets it later, so the configuration is made for that setting (-trustzone),
# not for the device's present one. Returns the file's bytes as a list; the file is removed.
proc stm32h5x::make_obk_bytes {who kind path permissions encrypt} {
	variable settings
	set out [file join $settings(tmpdir) "stm32h5x-da-[clock seconds]-[incr ::stm32h5x::tmp_seq].obk"]
	set opt [expr {$kind eq "password" ? "-password" : "-root-key"}]
	set tz [expr {$kind eq "password" ? "off" : "on"}]
	if { [catch {stm32h5x obk make_da_config -out $out $opt $path -permissions $permissions \
			-encrypt $encrypt -trustzone $tz} msg] } {
		catch {file delete $out}
		if { [string trim $msg] eq "" } {
			set msg [expr {$kind eq "password" ? "not a password file (ST TLV or 4..16 raw\
				bytes)" : "not a P-256 key in PEM"}]
		}
		fail $who "the credential '$path' cannot be used: [string trim $msg]"
	}
	set bytes [byte_list [read_bytes $out]]
	file delete $out
	return $bytes
}

# the credential hash (32 numbers) of a credential
proc stm32h5x::credential_hash {who kind path} {
	variable settings
	set obk [make_obk_bytes $who $kind $path $settings(default_permissions) 0]
	return [lrange $obk 44 75]
}

# Checks a DA-config .obk file against the credential before anything is written: the
# header, the credential hash, and (by regenerating it with the file's own permissions and
# flag) its embedded integrity hash. Returns {permissions encrypt}.
proc stm32h5x::check_obk_file {who obk kind cred} {
	variable da_config_s
	set b [byte_list [read_bytes $obk]]
	if { [llength $b] != 108 || [le $b 0 4] != $da_config_s || [le $b 4 4] != 96 } {
		fail $who "'$obk' is not a DA configuration .obk (108 bytes, destination\
			0x0FFD0100, 96 bytes of data)"
	}
	set perms [le $b 76 4]
	set enc [le $b 8 4]
	if { $enc > 1 } {
		fail $who "'$obk': encryption flag $enc (0 or 1 expected)"
	}
	set gen [make_obk_bytes $who $kind $cred $perms $enc]
	if { ![same_list [lrange $b 44 75] [lrange $gen 44 75]] } {
		fail $who "'$obk' does not carry the hash of the credential '$cred': the device\
			would be closed with a configuration this credential cannot open"
	}
	if { ![same_list $b $gen] } {
		fail $who "'$obk' carries the credential's hash but its integrity hash or padding\
			is wrong: the device would reject it"
	}
	return [list $perms $enc]
}

# --- the DA setup check -----------------------------------------------------------------------

# {ok reason}: does the device's DA configuration match the credential and TrustZone?
proc stm32h5x::da_setup_status {who dev kind cred} {
	variable da_config_s
	variable da_config_ns
	variable otp_hash_addr
	variable session_da
	set hash [credential_hash $who $kind $cred]

	if { ![dict get $dev obk] } {
		if { $kind ne "password" } {
			return {0 "the H503 has no TrustZone: its DA uses a password only"}
		}
		if { [catch {string trim [stm32h5x ob LOCKBL]} lockbl] } {
			return [list 0 "LOCKBL cannot be read ($lockbl)"]
		}
		if { !($lockbl & 1) } {
			return {0 "no DA password is provisioned (OTP block 0 is not locked)"}
		}
		if { [catch {read_memory $otp_hash_addr 8 32} otp] } {
			return {0 "the password hash in OTP cannot be read"}
		}
		if { ![same_list $otp $hash] } {
			return {0 "the password hash in OTP block 0 is not this password's (it can never\
				change: use the password it was provisioned with)"}
		}
		return {1 "the password hash in OTP block 0 (locked) is this password's"}
	}

	set tzen [dict get $dev tzen]
	if { $kind eq "password" && $tzen } {
		return {0 "TrustZone is enabled (TZEN=0xB4): DA then needs a certificate (root key),\
			a password configuration would never open the device"}
	}
	if { $kind ne "password" && !$tzen } {
		return {0 "TrustZone is disabled (TZEN=0xC3): DA then needs a password, a root-key\
			configuration would never open the device"}
	}
	set addrs [list $da_config_ns $da_config_s]
	if { $tzen && [dict get $dev pstate] eq "Open" } {
		set addrs [list $da_config_s $da_config_ns]
	}
	set blob ""
	foreach a $addrs {
		if { ![catch {read_memory $a 8 96} blob] } {
			break
		}
		set blob ""
	}
	if { [llength $blob] != 96 } {
		return {0 "the DA configuration in OBK-HDPL1 (0x0FFD0100) cannot be read"}
	}
	set erased 1
	foreach v $blob {
		if { $v != 0xff } {
			set erased 0
			break
		}
	}
	if { $erased } {
		return {0 "OBK-HDPL1 is erased: no DA configuration is provisioned"}
	}
	if { [same_list [lrange $blob 32 63] $hash] } {
		set perms [le $blob 64 4]
		if { !($perms & (1 << 14)) } {
			return [list 0 [format "the DA configuration (permissions 0x%08x) does not allow\
				a full regression" $perms]]
		}
		set gen [make_obk_bytes $who $kind $cred $perms 0]
		if { ![same_list $blob [lrange $gen 12 end]] } {
			return {0 "the DA configuration carries this credential's hash but its integrity\
				hash does not match"}
		}
		return [list 1 [format "the DA configuration in OBK-HDPL1 holds this %s's hash,\
			permissions 0x%08x, matching TrustZone %s" \
			[expr {$kind eq "password" ? "password" : "root key"}] $perms \
			[expr {$tzen ? "on" : "off"}]]]
	}
	set t [target current]
	if { [info exists session_da($t)] && [same_list [lindex $session_da($t) 0] $hash] } {
		return [list 1 [format "the DA configuration provisioned in this session holds this\
			credential's hash, permissions 0x%08x (the device's copy is stored encrypted)" \
			[lindex $session_da($t) 1]]]
	}
	return {0 "OBK-HDPL1 does not hold this credential's hash (another credential, or a copy\
		stored encrypted by the device that cannot be compared outside the session that\
		provisioned it)"}
}

# --- provision --------------------------------------------------------------------------------

proc stm32h5x::provision {args} {
	variable finals
	variable settings
	set who provision
	set final ""
	set kind ""
	set cred ""
	set obk ""
	set perms ""
	set images {}
	set dry 0
	set confirm 0
	for {set i 0} {$i < [llength $args]} {incr i} {
		set a [lindex $args $i]
		switch -- $a {
			-password - -root-key - -obk - -permissions {
				if { $i + 1 >= [llength $args] } {
					fail $who "$a needs a value"
				}
				set v [lindex $args [incr i]]
				switch -- $a {
					-password - -root-key {
						if { $kind ne "" } {
							fail $who "give one credential (-password or -root-key), not two"
						}
						set kind [expr {$a eq "-password" ? "password" : "root-key"}]
						set cred $v
					}
					-obk { set obk $v }
					-permissions { set perms $v }
				}
			}
			-image {
				if { $i + 1 >= [llength $args] } {
					fail $who "-image needs a file name"
				}
				set f [lindex $args [incr i]]
				set addr ""
				set n [lindex $args [expr {$i + 1}]]
				if { $i + 1 < [llength $args] && [string is integer -strict $n] } {
					set addr $n
					incr i
				}
				lappend images [list $f $addr]
			}
			-dry-run { set dry 1 }
			-confirm { set confirm 1 }
			default {
				if { [string index $a 0] eq "-" || $final ne "" } {
					fail $who "unexpected argument '$a' (usage: stm32h5x::provision <final>\
						(-password FILE | -root-key PEM) \[-obk FILE\] \[-permissions MASK\]\
						\[-image FILE \[ADDRESS\]\]... \[-dry-run\] \[-confirm\])"
				}
				set final $a
			}
		}
	}

	# --- checks on the arguments alone
	if { $final eq "Locked" } {
		fail $who "Locked is not a final state of provision (it can never be left): provision\
			to Closed, then 'stm32h5x product_state Locked -confirm'"
	}
	if { [lsearch -exact $finals $final] < 0 } {
		fail $who "'$final' is not a final state of provision (iROT-Provisioned, TZ-Closed,\
			Closed or Provisioning)"
	}
	if { $kind eq "" } {
		fail $who "no credential: give -password FILE (TrustZone off, H503) or -root-key PEM\
			(TrustZone on): the DA configuration is what reopens the device later"
	}
	if { $final eq "TZ-Closed" && $kind eq "password" } {
		fail $who "TZ-Closed needs TrustZone, and TrustZone needs certificate Debug\
			Authentication: use -root-key, not -password"
	}
	check_readable $who "credential file" $cred
	if { $obk ne "" } {
		check_readable $who ".obk file" $obk
		if { $perms ne "" } {
			fail $who "-permissions applies to a generated .obk; the permissions of '$obk'\
				are in the file"
		}
	}
	if { $perms eq "" } {
		set perms $settings(default_permissions)
	} elseif { ![is_number $perms] || $perms > 0xffffffff } {
		fail $who "-permissions '$perms' is not a 32-bit mask"
	}
	foreach im $images {
		lassign $im f addr
		check_readable $who "image" $f
		if { $addr ne "" && ![is_number $addr] } {
			fail $who "image '$f': '$addr' is not an address"
		}
		if { [string match -nocase *.bin $f] && $addr eq "" } {
			fail $who "image '$f': a .bin needs an ADDRESS (-image $f 0x08000000)"
		}
		if { ![string match -nocase *.bin $f] && $addr ne "" } {
			fail $who "image '$f': only a .bin takes an ADDRESS (the file holds its own)"
		}
	}
	if { !$dry && !$confirm } {
		fail $who "a real run erases the whole flash (and on the H503 writes OTP for ever):\
			add -confirm, or check everything first with -dry-run"
	}

	# --- checks on the device (reads only)
	set dev [device $who]
	set line [dict get $dev line]
	set pstate [dict get $dev pstate]
	if { ![dict get $dev trustzone] } {
		if { $kind ne "password" } {
			fail $who "the H503 has no TrustZone: its Debug Authentication takes a password\
				(-password), whose hash goes to OTP"
		}
		if { $obk ne "" } {
			fail $who "the H503 has no OBKeys: -obk does not apply (the password hash goes to\
				OTP block 0)"
		}
		if { $final eq "TZ-Closed" } {
			fail $who "the H503 has no TrustZone: TZ-Closed does not exist there"
		}
	}
	set want_tz [expr {[dict get $dev trustzone] && $kind eq "root-key"}]
	if { $pstate eq $final } {
		say $who "the device is already $final: nothing to do"
		return $final
	}
	switch -- $pstate {
		Open { set resume 0 }
		Provisioning { set resume 1 }
		default {
			fail $who "the device is $pstate: provision starts from Open (or resumes from\
				Provisioning); regress it first (stm32h5x::regress full ...)"
		}
	}
	if { $resume && [dict get $dev trustzone] && [dict get $dev tzen] != $want_tz } {
		fail $who "the device is in Provisioning with TrustZone [expr {[dict get $dev tzen] ?\
			"on" : "off"}], which does not match the credential ([expr {$want_tz ?\
			"-root-key: TrustZone on" : "-password: TrustZone off"}]); TZEN cannot be\
			changed from here: regress the device (stm32h5x::regress full) and start again"
	}
	# the credential itself, and the .obk against it
	set hash [credential_hash $who $kind $cred]
	set encrypt [dict get $dev encrypt]
	if { $obk ne "" } {
		lassign [check_obk_file $who $obk $kind $cred] perms encrypt
	}
	if { [dict get $dev obk] && !($perms & (1 << 14)) } {
		fail $who [format "permissions 0x%08x do not allow a full regression (bit 14): the\
			device could never be brought back to Open" $perms]
	}
	# images inside the flash alias that the final TrustZone setting makes writable
	set fsize [dict get $dev flash_size]
	set base [expr {$want_tz ? 0x0C000000 : 0x08000000}]
	foreach im $images {
		lassign $im f addr
		foreach r [image_ranges $who $f $addr] {
			lassign $r start len
			if { $start < $base || $start + $len > $base + $fsize } {
				fail $who [format "image '%s': 0x%08x..0x%08x is outside the user flash\
					0x%08x..0x%08x (TrustZone %s)" $f $start [expr {$start + $len - 1}] \
					$base [expr {$base + $fsize - 1}] [expr {$want_tz ? "on: secure alias" :\
					"off"}]]
			}
		}
	}

	# --- the plan
	set tzname [expr {$want_tz ? "TZEN=0xB4" : "TZEN=0xC3"}]
	if { ![dict get $dev trustzone] } {
		set tzname "no TrustZone"
	}
	set steps {}
	if { !$resume } {
		lappend steps [list "baseline option bytes ($tzname, protections off)" \
			[list step_baseline $who $dev $want_tz]]
		lappend steps [list "mass erase" [list step_erase $who $dev $want_tz]]
		foreach im $images {
			lassign $im f addr
			lappend steps [list "program [file tail $f] and verify" \
				[list step_image $who $f $addr 1]]
		}
		lappend steps [list "product state Provisioning, reset" [list step_provisioning $who]]
	} else {
		foreach im $images {
			lassign $im f addr
			lappend steps [list "verify [file tail $f] (resume: not reprogrammed)" \
				[list step_image $who $f $addr 0]]
		}
	}
	if { [dict get $dev obk] } {
		set what [expr {$obk ne "" ? "provision [file tail $obk]" :\
			"generate and provision the DA configuration ([expr {$kind eq "password" ?\
			"password" : "root key"}])"}]
	} else {
		set what "password hash to OTP block 0 and lock it (for ever)"
	}
	lappend steps [list "$what, reset" \
		[list step_da_config $who $dev $kind $cred $obk $perms $encrypt $hash]]
	lappend steps [list "prove the DA setup matches TrustZone" \
		[list step_da_check $who $kind $cred]]
	if { $final ne "Provisioning" } {
		lappend steps [list "product state $final" [list step_final $who $final $kind $cred]]
	}

	set n [llength $steps]
	if { $resume } {
		say $who "the device is in Provisioning: resuming (baseline option bytes, erase and\
			programming are skipped)"
	}
	if { $dry } {
		say $who "dry run on $line, product state $pstate: every check passed; the steps\
			would be:"
		set i 0
		foreach s $steps {
			say $who "  [incr i]/$n [lindex $s 0]"
		}
		say $who "dry run: nothing was written"
		return $final
	}
	halt_from_reset $who
	set i 0
	foreach s $steps {
		incr i
		lassign $s label cmd
		say $who "\[$i/$n\] $label"
		if { [catch {{*}$cmd} msg] } {
			if { [string trim $msg] eq "" } {
				set msg "the device stopped answering"
			}
			set now "in an unknown state (it cannot be read: connection lost?)"
			catch {set now [string trim [stm32h5x product_state]]}
			fail $who "step $i/$n ($label) failed: $msg. The device is now $now; see\
				docs/provisioning.md, Recovery: re-running the same command resumes"
		}
	}
	say $who "done: the device is $final"
	return $final
}

# address ranges {start length} an image writes: .bin from its size, ELF from its program
# headers; other formats are range-checked by "flash write_image" itself
proc stm32h5x::image_ranges {who f addr} {
	if { $addr ne "" } {
		return [list [list $addr [file size $f]]]
	}
	set d [read_bytes $f]
	if { [string index $d 0] eq ":" } {
		return [ihex_ranges $who $f $d]
	}
	if { [string range $d 0 3] ne "\x7fELF" } {
		return {}
	}
	set b [byte_list [string range $d 0 51]]
	if { [lindex $b 4] != 1 || [lindex $b 5] != 1 } {
		fail $who "image '$f': not a 32-bit little-endian ELF file"
	}
	set phoff [le $b 0x1c 4]
	set phentsize [le $b 0x2a 2]
	set phnum [le $b 0x2c 2]
	set out {}
	for {set k 0} {$k < $phnum} {incr k} {
		set p [byte_list [string range $d [expr {$phoff + $k * $phentsize}] \
			[expr {$phoff + $k * $phentsize + 31}]]]
		if { [llength $p] < 32 } {
			fail $who "image '$f': truncated ELF program headers"
		}
		if { [le $p 0 4] == 1 && [le $p 16 4] > 0 } {
			lappend out [list [le $p 12 4] [le $p 16 4]]
		}
	}
	return $out
}

# Intel HEX: one range per data record (types 00 data, 02 segment, 04 linear address)
proc stm32h5x::ihex_ranges {who f d} {
	set out {}
	set upper 0
	set n 0
	foreach l [split $d "\n"] {
		incr n
		set l [string trim $l]
		if { $l eq "" } {
			continue
		}
		if { ![regexp {^:([0-9A-Fa-f]{2})([0-9A-Fa-f]{4})([0-9A-Fa-f]{2})([0-9A-Fa-f]*)$} $l \
			-> len off type data] } {
			fail $who "image '$f': line $n is not an Intel HEX record"
		}
		set len [expr {"0x$len"}]
		switch -- $type {
			00 { lappend out [list [expr {$upper + "0x$off"}] $len] }
			02 { set upper [expr {"0x[string range $data 0 3]" << 4}] }
			04 { set upper [expr {"0x[string range $data 0 3]" << 16}] }
			01 { break }
		}
	}
	return $out
}

# The steps write flash, option bytes and OBKeys, which needs the core halted. It is halted
# here from reset, so that no firmware runs in between: a poll never halts running firmware
# (OpenOCD 0.12.0's halted a locked-up blank chip, later versions do not).
proc stm32h5x::halt_from_reset {who} {
	if { [catch {reset halt} msg] } {
		fail $who "the core could not be halted from reset ([string trim $msg]): check the\
			connection and reset_config"
	}
	if { [[target current] curstate] ne "halted" } {
		fail $who "the core is [[target current] curstate] after 'reset halt', not halted: check\
			the connection and reset_config"
	}
}

proc stm32h5x::flash_bank_index {} {
	set k 0
	foreach b [flash list] {
		if { [dict get $b driver] eq "stm32h5x" && [dict get $b base] == 0x08000000 } {
			return $k
		}
		incr k
	}
	error "no stm32h5x bank at 0x08000000"
}

proc stm32h5x::step_baseline {who dev want_tz} {
	if { [dict get $dev trustzone] && [dict get $dev tzen] != $want_tz } {
		stm32h5x ob TZEN=[expr {$want_tz ? "0xB4" : "0xC3"}]
		reset halt
	}
	set list [dict get $dev [expr {$want_tz ? "baseline_tz_on" : "baseline_tz_off"}]]
	stm32h5x ob {*}$list
}

proc stm32h5x::step_erase {who dev want_tz} {
	stm32h5x mass_erase [flash_bank_index]
	if { $want_tz } {
		# sectors per bank: flash size / 2 banks / 8 KiB
		set last [expr {[dict get $dev flash_size] / 2 / 8192 - 1}]
		stm32h5x ob {*}[string map [list LAST $last] [dict get $dev secure_area]]
	}
	reset halt
}

proc stm32h5x::step_image {who f addr program} {
	set where [expr {$addr eq "" ? {} : [list $addr]}]
	if { $program } {
		say $who "  [string trim [flash write_image $f {*}$where]]"
	}
	say $who "  [string trim [verify_image $f {*}$where]]"
}

proc stm32h5x::step_provisioning {who} {
	set r [string trim [stm32h5x product_state Provisioning]]
	if { $r ne "Provisioning" } {
		error "the device reports '$r' after the change to Provisioning"
	}
	reset halt
}

proc stm32h5x::step_da_config {who dev kind cred obk perms encrypt hash} {
	variable session_da
	# already there (a re-run after an interruption)? then leave it
	lassign [da_setup_status $who [device $who] $kind $cred] ok reason
	if { $ok } {
		say $who "  already provisioned: $reason"
		return
	}
	if { ![dict get $dev obk] } {
		if { ![catch {string trim [stm32h5x ob LOCKBL]} lockbl] && ($lockbl & 1) } {
			error "OTP block 0 is already locked with another password hash ($reason)"
		}
		# da_password_provision completes a hash an interrupted run left half-written, and
		# refuses (writing nothing) if OTP holds anything else
		set r [string trim [stm32h5x da_password_provision $cred -confirm]]
		if { $r ne "locked" } {
			error "da_password_provision returned '$r'"
		}
	} else {
		set tmp ""
		if { $obk eq "" } {
			variable settings
			set tmp [file join $settings(tmpdir) "stm32h5x-da-[clock seconds]-[incr ::stm32h5x::tmp_seq].obk"]
			set opt [expr {$kind eq "password" ? "-password" : "-root-key"}]
			stm32h5x obk make_da_config -out $tmp $opt $cred -permissions $perms \
				-encrypt $encrypt
			set obk $tmp
		}
		set failed [catch {string trim [stm32h5x obk provision $obk]} r]
		if { $tmp ne "" } {
			catch {file delete $tmp}
		}
		if { $failed } {
			error $r
		}
		if { $r ne "RSSLIB_SUCCESS" } {
			error "the ROM answered $r"
		}
		set session_da([target current]) [list $hash $perms]
	}
	reset halt
}

proc stm32h5x::step_da_check {who kind cred} {
	lassign [da_setup_status $who [device $who] $kind $cred] ok reason
	if { !$ok } {
		error "the DA setup does not match: $reason; the device stays in Provisioning"
	}
	say $who "  $reason"
}

proc stm32h5x::step_final {who final kind cred} {
	set opt [expr {$kind eq "password" ? "-password" : "-root-key"}]
	set r [string trim [stm32h5x product_state $final $opt $cred]]
	if { $r eq "unconfirmed" } {
		say $who "  the new product state could not be read back: reset and check it"
	} elseif { $r ne $final } {
		error "the device reports '$r'"
	}
}

# --- check_da_setup ---------------------------------------------------------------------------

proc stm32h5x::check_da_setup {args} {
	set who check_da_setup
	if { [llength $args] != 2 || [lsearch -exact {-password -root-key} [lindex $args 0]] < 0 } {
		fail $who "usage: stm32h5x::check_da_setup (-password FILE | -root-key PEM)"
	}
	set kind [expr {[lindex $args 0] eq "-password" ? "password" : "root-key"}]
	set cred [lindex $args 1]
	check_readable $who "credential file" $cred
	lassign [da_setup_status $who [device $who] $kind $cred] ok reason
	say $who "[expr {$ok ? "matches" : "does NOT match"}]: $reason"
	return $ok
}

# --- Debug Authentication: regress and reopen_debug -------------------------------------------

# parses (-password FILE | -key LEAF -cert CHAIN) and the flags; returns a dict
proc stm32h5x::da_args {who usage flags argv} {
	set r [dict create kind "" dry-run 0 confirm 0 level 3 ns 0]
	for {set i 0} {$i < [llength $argv]} {incr i} {
		set a [lindex $argv $i]
		if { [lsearch -exact {-password -key -cert -level} $a] >= 0 } {
			if { $i + 1 >= [llength $argv] } {
				fail $who "$a needs a value"
			}
			dict set r $a [lindex $argv [incr i]]
		} elseif { [lsearch -exact $flags $a] >= 0 } {
			dict set r [string range $a 1 end] 1
		} else {
			fail $who "unexpected argument '$a' (usage: $usage)"
		}
	}
	if { [dict exists $r -password] && ([dict exists $r -key] || [dict exists $r -cert]) } {
		fail $who "give a password or a key and certificate chain, not both"
	}
	if { [dict exists $r -password] } {
		dict set r kind password
		check_readable $who "password file" [dict get $r -password]
		dict set r cred [list -password [dict get $r -password]]
	} elseif { [dict exists $r -key] && [dict exists $r -cert] } {
		dict set r kind certificate
		check_readable $who "key file" [dict get $r -key]
		check_readable $who "certificate chain" [dict get $r -cert]
		dict set r cred [list -key [dict get $r -key] -cert [dict get $r -cert]]
	} else {
		fail $who "no credential: give -password FILE, or -key LEAF_PEM and -cert CHAIN_B64"
	}
	return $r
}

# DA discovery as a dict (one "key value" per line of the command's answer)
proc stm32h5x::discover {who} {
	if { [catch {stm32h5x da discover} d] } {
		fail $who "DA discovery failed: $d"
	}
	set out [dict create]
	foreach l [split $d "\n"] {
		set l [string trim $l]
		if { $l ne "" } {
			dict set out [lindex $l 0] [lrange $l 1 end]
		}
	}
	return $out
}

# checks what discovery says against the credential and the permission; returns the state
proc stm32h5x::check_discovery {who d kind perm} {
	variable perm_bits
	foreach k {lifecycle auth_method permissions_allowed provisioning_integrity} {
		if { ![dict exists $d $k] } {
			fail $who "DA discovery did not report $k"
		}
	}
	set state [stm32h5x_pstate_name [expr {[dict get $d lifecycle] & 0xff}]]
	if { $state eq "Open" } {
		fail $who "the device is Open: there is nothing to regress or reopen"
	}
	if { $state eq "Locked" } {
		fail $who "the device is Locked: Debug Authentication is refused for ever"
	}
	if { [dict get $d provisioning_integrity] != 0xEAEAEAEA } {
		fail $who [format "the device reports no valid DA configuration (provisioning\
			integrity 0x%08x)" [dict get $d provisioning_integrity]]
	}
	set method [dict get $d auth_method]
	if { $method ne $kind } {
		fail $who "the device asks for a $method, and a $kind was given"
	}
	set bit [dict get $perm_bits $perm]
	set allowed [dict get $d permissions_allowed]
	if { !($allowed & (1 << $bit)) } {
		fail $who [format "the device does not allow %s (bit %d; permissions allowed\
			0x%08x)" $perm $bit $allowed]
	}
	return $state
}

# discovery, then the checks; a refusal releases the device from the boot ROM (DA close)
proc stm32h5x::checked_discovery {who kind perm} {
	set d [discover $who]
	if { [catch {check_discovery $who $d $kind $perm} r] } {
		catch {stm32h5x da close}
		return -code error $r
	}
	return $r
}

proc stm32h5x::regress {args} {
	set who regress
	set usage "stm32h5x::regress full|partial (-password FILE | -key LEAF_PEM -cert CHAIN_B64)\
		\[-dry-run\] \[-confirm\]"
	set mode [lindex $args 0]
	if { $mode ne "full" && $mode ne "partial" } {
		fail $who "first argument: full or partial (usage: $usage)"
	}
	set o [da_args $who $usage {-dry-run -confirm} [lrange $args 1 end]]
	set kind [dict get $o kind]
	if { $mode eq "partial" && $kind eq "password" } {
		fail $who "a partial regression needs TrustZone, hence a certificate: a password\
			allows only the full regression"
	}
	if { ![dict get $o dry-run] && ![dict get $o confirm] } {
		fail $who "a regression erases the device ([expr {$mode eq "full" ? "user flash,\
			OBKeys" : "non-secure flash and OBKeys"}]): add -confirm, or check with -dry-run"
	}
	set perm [expr {$mode eq "full" ? "full_regression" : "partial_regression"}]
	set state [checked_discovery $who $kind $perm]
	if { $mode eq "partial" && $state ne "TZ-Closed" && $state ne "Closed" } {
		catch {stm32h5x da close}
		fail $who "a partial regression starts from TZ-Closed or Closed, the device is $state"
	}
	set expect [expr {$mode eq "full" ? "Open" : "TZ-Closed"}]
	if { [dict get $o dry-run] } {
		say $who "dry run: the device is $state, asks for a $kind and allows $perm; would run\
			'stm32h5x da auth ... -permissions $perm' and expect $expect"
		catch {stm32h5x da close}
		return $state
	}
	say $who "$state -> $expect: authenticating ($perm)"
	if { [catch {stm32h5x da auth {*}[dict get $o cred] -permissions $perm} r] } {
		fail $who "authentication failed: $r"
	}
	set got ""
	foreach l [split $r "\n"] {
		if { [lindex $l 0] eq "product_state" } {
			set got [lindex $l 1]
		}
	}
	if { $got ne $expect } {
		fail $who "after the regression the device reports '$got', not $expect"
	}
	say $who "done: the device is $expect"
	return $expect
}

proc stm32h5x::reopen_debug {args} {
	set who reopen_debug
	set usage "stm32h5x::reopen_debug (-password FILE | -key LEAF_PEM -cert CHAIN_B64)\
		\[-level 1|2|3\] \[-ns\]"
	set o [da_args $who $usage {-ns} $args]
	set level [dict get $o level]
	if { [dict exists $o -level] } {
		set level [dict get $o -level]
	}
	if { [lsearch -exact {1 2 3} $level] < 0 } {
		fail $who "-level takes 1, 2 or 3"
	}
	if { [dict get $o kind] eq "password" } {
		fail $who "a password allows only the full regression (AN6008 §2.2): reopening debug\
			needs a certificate chain (-key, -cert)"
	}
	set perm debug_open_l$level[expr {[dict get $o ns] ? "_ns" : ""}]
	set state [checked_discovery $who certificate $perm]
	if { [catch {stm32h5x da auth {*}[dict get $o cred] -permissions $perm} r] } {
		fail $who "authentication failed: $r"
	}
	if { ![[target current] was_examined] } {
		fail $who "the device granted $perm but the core still cannot be examined"
	}
	say $who "debug reopened ($perm); the product state stays $state"
	return $perm
}

# --- help -------------------------------------------------------------------------------------

add_help_text stm32h5x::provision "Provisions an Open STM32H5 as ST's scripts do: baseline\
	option bytes (TZEN from the credential, protections off) and mass erase, images, product\
	state Provisioning, DA configuration (OBKeys, or on the H503 the password hash in OTP),\
	proof that it matches TrustZone, then the final product state. Resumes from Provisioning.\
	Returns the final state."
add_usage_text stm32h5x::provision "<iROT-Provisioned|TZ-Closed|Closed|Provisioning>\
	(-password FILE | -root-key PEM) \[-obk FILE\] \[-permissions MASK\]\
	\[-image FILE \[ADDRESS\]\]... \[-dry-run\] \[-confirm\]"
add_help_text stm32h5x::regress "Debug Authentication regression: full (back to Open,\
	everything erased) or partial (non-secure side erased, TZ-Closed). Checks discovery\
	against the credential first; erases, so needs -confirm."
add_usage_text stm32h5x::regress "full|partial (-password FILE | -key LEAF_PEM -cert\
	CHAIN_B64) \[-dry-run\] \[-confirm\]"
add_help_text stm32h5x::reopen_debug "Reopens debug through Debug Authentication without\
	erasing (permission debug_open_lN, _ns with -ns; default level 3)."
add_usage_text stm32h5x::reopen_debug "(-password FILE | -key LEAF_PEM -cert CHAIN_B64)\
	\[-level 1|2|3\] \[-ns\]"
add_help_text stm32h5x::check_da_setup "Read-only: says whether the provisioned Debug\
	Authentication configuration matches the credential and the TrustZone setting (prove it\
	before closing). Returns 1 or 0 and prints the reason."
add_usage_text stm32h5x::check_da_setup "(-password FILE | -root-key PEM)"

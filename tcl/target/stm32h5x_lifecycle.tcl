# SPDX-License-Identifier: GPL-2.0-or-later

# STM32H5 lifecycle sequences (sourced by target/stm32h5x.cfg): ST's provisioning sequence
# (anchors.md §7: baseline option bytes + erase, images, Provisioning, DA configuration, proof,
# final state), Debug Authentication regression and debug reopening, and the read-only "prove
# the DA setup before closing" check. They only wrap the C commands of the "stm32h5x" group;
# every refusal is a Tcl error naming the problem, progress lines start with the proc's name.
# No password, key or credential hash is ever printed. User guide: docs/provisioning.md.

namespace eval stm32h5x {
	# Per line (DEV_ID): TrustZone and OBKeys present, the parts of the line with and without
	# cryptography (one DEV_ID for both: the encryption flag of a DA .obk cannot be chosen
	# from it, see crypto_flag), and ST's baseline option bytes (CubeH5 ROT_Provisioning ob_programming.sh) with
	# TrustZone off / on. The secure watermarks set after the erase: stm32h5x_secure_area.tcl.
	variable lines {
		H503 {
			dev_id 0x474 trustzone 0 obk 0 crypto_parts {} plain_parts H503
			baseline_tz_off {WRPSGn1=0xff WRPSGn2=0xff HDP1_STRT=1 HDP1_END=0 HDP2_STRT=1
				HDP2_END=0 NSBOOT_LOCK=0xC3 SRAM2_RST=0 SRAM2_ECC=0 SRAM1_RST=0 SRAM1_ECC=0
				NSBOOTADD=0x80000 SWAP_BANK=0}
			baseline_tz_on {}
		}
		H52x {
			dev_id 0x478 trustzone 1 obk 1 crypto_parts H533 plain_parts H523
			baseline_tz_off {WRPSGn1=0xff WRPSGn2=0xff HDP1_STRT=1 HDP1_END=0 HDP2_STRT=1
				HDP2_END=0}
			baseline_tz_on {WRPSGn1=0xff WRPSGn2=0xff HDP1_STRT=1 HDP1_END=0 HDP2_STRT=1
				HDP2_END=0 SECWM1_STRT=1 SECWM1_END=0 SECWM2_STRT=1 SECWM2_END=0
				SECBOOT_LOCK=0xC3 SWAP_BANK=0 SRAM2_RST=0 SRAM2_ECC=0 NSBOOTADD=0x80000
				SECBOOTADD=0xC0000 BOOT_UBE=0xB4}
		}
		H56x {
			dev_id 0x484 trustzone 1 obk 1 crypto_parts H573 plain_parts {H562/H563}
			baseline_tz_off {WRPSGn1=0xffffffff WRPSGn2=0xffffffff HDP1_STRT=1 HDP1_END=0
				HDP2_STRT=1 HDP2_END=0}
			baseline_tz_on {WRPSGn1=0xffffffff WRPSGn2=0xffffffff HDP1_STRT=1 HDP1_END=0
				HDP2_STRT=1 HDP2_END=0 SECWM1_STRT=1 SECWM1_END=0 SECWM2_STRT=1 SECWM2_END=0
				SECBOOT_LOCK=0xC3 SWAP_BANK=0 SRAM2_RST=0 SRAM2_ECC=0 NSBOOTADD=0x80000
				SECBOOTADD=0xC0000 BOOT_UBE=0xB4}
		}
	}

	# Settings (change them with "set stm32h5x::settings(NAME) VALUE")
	#   default_permissions  permission mask of a generated DA .obk (ST's XML: 0x00005077)
	#   tmpdir               where the generated .obk goes while the procs run
	#   crypto               1 on a part with cryptography (H533, H573), 0 without (H523,
	#                        H562, H563), "" unknown (board files set it; provision -encrypt
	#                        overrides it)
	variable settings
	array set settings {default_permissions 0x00005077 crypto ""}
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

	# per target, the DA configuration provisioned in this session: {credential hash,
	# permissions, the 96 bytes the device showed right after}. The device's copy may be stored
	# encrypted on crypto parts and then cannot be compared; the record counts only while the
	# device still shows those very bytes (anything provisioned since makes it stale).
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
	# with AP1 closed product_state answers through Debug Authentication, but the procs
	# need the core itself
	if { ![[target current] was_examined] } {
		fail $who "the core's access port is closed (Closed, or TZ-Closed/iROT-Provisioned\
			for the secure side): use stm32h5x::regress or stm32h5x::reopen_debug\
			(stm32h5x product_state shows the state)"
	}
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

# The DA configuration .obk of a credential from "stm32h5x obk make_da_config -out -", as
# bytes only, no file (the hash comes from C: no SHA-256 in Tcl). provision chooses TZEN from
# the credential and sets it later, so the configuration is made for that setting
# (-trustzone), not for the device's present one. Returns the bytes as a list.
proc stm32h5x::make_obk_bytes {who kind path permissions encrypt} {
	set opt [expr {$kind eq "password" ? "-password" : "-root-key"}]
	set tz [expr {$kind eq "password" ? "off" : "on"}]
	if { [catch {stm32h5x obk make_da_config -out - $opt $path -permissions $permissions \
			-encrypt $encrypt -trustzone $tz} msg] } {
		if { [string trim $msg] eq "" } {
			set msg [expr {$kind eq "password" ? "not a password file (ST TLV or 4..16 raw\
				bytes)" : "not a P-256 key in PEM"}]
		}
		fail $who "the credential '$path' cannot be used: [string trim $msg]"
	}
	return [string trim $msg]
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
	set blob [read_da_blob $dev]
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
	if { [info exists session_da($t)] && [same_list [lindex $session_da($t) 0] $hash]
			&& [same_list [lindex $session_da($t) 2] $blob] } {
		return [list 1 [format "the DA configuration provisioned in this session holds this\
			credential's hash, permissions 0x%08x (the device's copy is stored encrypted)" \
			[lindex $session_da($t) 1]]]
	}
	return {0 "OBK-HDPL1 does not hold this credential's hash (another credential, or a copy\
		stored encrypted by the device that cannot be compared outside the session that\
		provisioned it)"}
}

# H503, before anything is written: can this password's hash still end in OTP block 0? A
# locked block must hold exactly this hash. An unlocked block is read only in a real run
# (dry 0): reading an unwritten OTP half-word raises a double ECC error (h5-flash-ob.md §2.4),
# which a dry run must not leave behind; each half-word must be erased or already this hash's
# (an interrupted run). OTP half-words are written once, never erased.
proc stm32h5x::otp_password_check {who hash dry} {
	variable otp_hash_addr
	if { [catch {string trim [stm32h5x ob LOCKBL]} lockbl] } {
		fail $who "LOCKBL cannot be read ($lockbl)"
	}
	if { !($lockbl & 1) && $dry } {
		say $who "OTP block 0 is not locked: a real run checks its half-words before\
			anything is written (a dry run does not read unwritten OTP: ECC errors)"
		return
	}
	if { [catch {read_memory $otp_hash_addr 8 32} otp] } {
		fail $who "OTP block 0 (0x08FFF000) cannot be read"
	}
	if { $lockbl & 1 } {
		if { ![same_list $otp $hash] } {
			fail $who "OTP block 0 is already locked with another password's hash: this\
				password can never be provisioned on this device (the hash in OTP cannot\
				change; use the password it was provisioned with)"
		}
		return
	}
	foreach {a b} $otp {x y} $hash {
		if { !($a == 0xff && $b == 0xff) && !($a == $x && $b == $y) } {
			fail $who "OTP block 0 (not locked) already holds data that is not this password's\
				hash: the hash can never be written there (OTP is written once); nothing was\
				written"
		}
	}
}

# the 96 bytes of the DA configuration (OBK-HDPL1), or "" if they cannot be read
proc stm32h5x::read_da_blob {dev} {
	variable da_config_s
	variable da_config_ns
	set addrs [list $da_config_ns $da_config_s]
	if { [dict get $dev tzen] && [dict get $dev pstate] eq "Open" } {
		set addrs [list $da_config_s $da_config_ns]
	}
	foreach a $addrs {
		if { ![catch {read_memory $a 8 96} blob] } {
			return $blob
		}
	}
	return ""
}

# {flag why}: the encryption flag of the DA .obk. A part with cryptography (H533, H573) takes
# flag 1 (ST's samples; a flag-0 configuration does not regress on an H533, anchors.md §8), one
# without (H523, H562, H563) cannot encrypt and takes 0. The DEV_ID is shared by both kinds,
# so the flag comes from: given (a -obk file's flag, or -encrypt), settings(crypto) (board
# files), else a refusal: never a guess. A given flag that contradicts settings(crypto) is
# refused too.
proc stm32h5x::crypto_flag {who dev given} {
	variable settings
	set crypto_parts [dict get $dev crypto_parts]
	set plain_parts [dict get $dev plain_parts]
	set known $settings(crypto)
	if { $known ne "" && $known ne "0" && $known ne "1" } {
		fail $who "stm32h5x::settings(crypto) is '$known': 1 (a part with cryptography:\
			[join $crypto_parts /]), 0 (without: [join $plain_parts /]) or empty (unknown)"
	}
	if { $given ne "" } {
		if { $known ne "" && $given != $known } {
			fail $who [format "encryption flag %s does not fit this part: %s (stm32h5x::settings(crypto)\
				%s) %s" $given [expr {$known ? "it has cryptography, [join $crypto_parts /]" :\
				"it has no cryptography, [join $plain_parts /]"}] $known [expr {$known ?\
				"takes flag 1: a flag-0 configuration would not allow the regression" :\
				"cannot encrypt: it takes flag 0"}]]
		}
		return [list $given "given"]
	}
	if { $known ne "" } {
		return [list $known [expr {$known ? "a part with cryptography" :\
			"a part without cryptography"}]]
	}
	if { [llength $crypto_parts] == 0 } {
		return {0 "this line has no cryptography"}
	}
	fail $who "cannot tell whether this [dict get $dev line] is a part with cryptography\
		([join $crypto_parts /]: encryption flag 1) or without ([join $plain_parts /]: flag\
		0): they share one DEV_ID. Give -encrypt 1 or -encrypt 0, or set\
		stm32h5x::settings(crypto) (the board files do)"
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
	set encrypt_opt ""
	set secure_area ""
	set dry 0
	set confirm 0
	for {set i 0} {$i < [llength $args]} {incr i} {
		set a [lindex $args $i]
		switch -- $a {
			-password - -root-key - -obk - -permissions - -secure-area - -encrypt {
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
					-secure-area { set secure_area $v }
					-encrypt { set encrypt_opt $v }
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
						\[-encrypt 0|1\] \[-image FILE \[ADDRESS\]\]... \[-secure-area SPEC\]\
						\[-dry-run\] \[-confirm\])"
				}
				set final $a
			}
		}
	}

	# --- checks on the arguments alone
	# state names match as in 'stm32h5x product_state': any case, with or without - or _
	set folded [string map {- "" _ "" " " ""} [string tolower $final]]
	foreach f [concat $finals Locked] {
		if { [string map {- "" _ "" " " ""} [string tolower $f]] eq $folded } {
			set final $f
		}
	}
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
	if { $encrypt_opt ne "" && $encrypt_opt ne "0" && $encrypt_opt ne "1" } {
		fail $who "-encrypt takes 0 (a part without cryptography: H523, H562, H563) or 1 (with\
			cryptography: H533, H573), not '$encrypt_opt'"
	}
	if { $obk ne "" && $encrypt_opt ne "" } {
		fail $who "-encrypt applies to a generated .obk; the flag of '$obk' is in the file"
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
	if { $secure_area ne "" && !$want_tz } {
		fail $who "-secure-area needs TrustZone (a -root-key credential on a part that has\
			it): with TrustZone off the whole flash is non-secure"
	}
	# in Provisioning the DA configuration may be missing (an interrupted run, or one that
	# stopped before it): that final state resumes like the others, from what the device shows
	if { $pstate eq $final && $final ne "Provisioning" } {
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
		set tz_on [dict get $dev tzen]
		fail $who "the device is in Provisioning with TrustZone [expr {$tz_on ? "on" : "off"}],\
			which does not match the credential ([expr {$want_tz ? "-root-key: TrustZone on" :\
			"-password: TrustZone off"}]), and TrustZone is not changed in Provisioning.\
			Resume with the credential TrustZone [expr {$tz_on ? "on needs (-root-key)" :\
			"off needs (-password)"}], or go back to Open: docs/provisioning.md, Recovery\
			(provision a configuration that matches TrustZone, then stm32h5x::regress full)"
	}

	if { $resume && $secure_area ne "" } {
		fail $who "-secure-area applies to a run from Open (the split is set right after the\
			erase); the device is in Provisioning, where provision does not change it"
	}
	# the credential itself, and the .obk against it
	set hash [credential_hash $who $kind $cred]
	set encrypt 0
	set encrypt_why ""
	if { $obk ne "" } {
		lassign [check_obk_file $who $obk $kind $cred] perms encrypt
		lassign [crypto_flag $who $dev $encrypt] encrypt encrypt_why
	} elseif { [dict get $dev obk] } {
		lassign [crypto_flag $who $dev $encrypt_opt] encrypt encrypt_why
	}
	if { ![dict get $dev obk] } {
		otp_password_check $who $hash $dry
	}
	if { [dict get $dev obk] && !($perms & (1 << 14)) } {
		fail $who [format "permissions 0x%08x do not allow a full regression (bit 14): the\
			device could never be brought back to Open" $perms]
	}
	# images inside the user flash: with TrustZone on at either alias (secure images at
	# 0x0C000000, non-secure ones at 0x08000000), otherwise at 0x08000000 only
	set fsize [dict get $dev flash_size]
	set bases [expr {$want_tz ? {0x0C000000 0x08000000} : {0x08000000}}]
	set image_ranges {}
	foreach im $images {
		lassign $im f addr
		set ranges [image_ranges $who $f $addr]
		foreach r $ranges {
			lassign $r start len
			set where [outside_flash $start $len $bases $fsize]
			if { $where ne "" } {
				fail $who [format "image '%s': 0x%08x..0x%08x is outside the user flash %s\
					(TrustZone %s)" $f $start [expr {$start + $len - 1}] $where \
					[expr {$want_tz ? "on: secure or non-secure alias" : "off"}]]
			}
		}
		lappend image_ranges [list $f $ranges]
	}
	set area {}
	if { $want_tz } {
		set area [plan_secure_area $who $secure_area $image_ranges $fsize]
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
		set label "mass erase"
		if { $want_tz } {
			append label ", secure area [area_text $area] (every other sector non-secure)"
		}
		lappend steps [list $label [list step_erase $who $want_tz $area]]
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
		append what ", encryption flag $encrypt ($encrypt_why)"
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
	# the plan first, then one line per step
	if { $dry } {
		say $who "dry run on $line, product state $pstate: every check passed; the steps\
			would be:"
	} else {
		say $who "$line, product state $pstate: every check passed; the plan:"
	}
	set i 0
	foreach s $steps {
		say $who "  [incr i]/$n [lindex $s 0]"
	}
	if { $dry } {
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
			# not through Debug Authentication: its entry resets the chip
			if { [[target current] was_examined] } {
				catch {set now [string trim [stm32h5x product_state]]}
			}
			fail $who "step $i/$n ($label) failed: $msg. The device is now $now; see\
				docs/provisioning.md, Recovery: re-running the same command resumes"
		}
	}
	say $who "done: the device is $final"
	return $final
}

# "" if START..START+LEN lies in one of the flash windows BASES (each FSIZE bytes), else the
# windows as text ("0x08000000..0x081fffff or ...") for the refusal
proc stm32h5x::outside_flash {start len bases fsize} {
	foreach base $bases {
		if { $start >= $base && $start + $len <= $base + $fsize } {
			return ""
		}
	}
	return [join [lmap base $bases {format "0x%08x..0x%08x" $base \
		[expr {$base + $fsize - 1}]}] " or "]
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

proc stm32h5x::step_erase {who want_tz area} {
	stm32h5x mass_erase [flash_bank_index]
	if { $want_tz } {
		stm32h5x ob {*}[area_option_bytes $area]
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
			set opt [expr {$kind eq "password" ? "-password" : "-root-key"}]
			# a new private directory (mkdtemp), never a predictable name
			set tmp [string trim [stm32h5x obk make_da_config -out-private \
				$settings(tmpdir) $opt $cred -permissions $perms -encrypt $encrypt]]
			set obk $tmp
		}
		# the ROM service runs on the core; in Provisioning it waits in the boot ROM
		halt
		set opt [expr {$kind eq "password" ? "-password" : "-root-key"}]
		set failed [catch {string trim [stm32h5x obk provision $obk $opt $cred]} r]
		if { $tmp ne "" } {
			catch {file delete $tmp}
			catch {file delete [file dirname $tmp]}
		}
		if { $failed } {
			error $r
		}
		if { $r ne "RSSLIB_SUCCESS" } {
			error "the ROM answered $r"
		}
		reset halt
		set session_da([target current]) [list $hash $perms [read_da_blob [device $who]]]
		return
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
		if { [lsearch -exact {-password -key -sign-cmd -cert -level} $a] >= 0 } {
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
	} elseif { [dict exists $r -key] != [dict exists $r -sign-cmd] && [dict exists $r -cert] } {
		# the leaf key: a PEM file, a pkcs11: URI (a token), or a signing command
		dict set r kind certificate
		set signer [expr {[dict exists $r -key] ? "-key" : "-sign-cmd"}]
		if { $signer eq "-key" && ![string match -nocase pkcs11:* [dict get $r -key]] } {
			check_readable $who "key file" [dict get $r -key]
		}
		check_readable $who "certificate chain" [dict get $r -cert]
		dict set r cred [list $signer [dict get $r $signer] -cert [dict get $r -cert]]
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
	set usage "stm32h5x::regress full|partial (-password FILE | (-key LEAF_PEM|pkcs11:URI |\
		-sign-cmd CMD) -cert CHAIN_B64)\
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
	set usage "stm32h5x::reopen_debug (-password FILE | (-key LEAF_PEM|pkcs11:URI |\
		-sign-cmd CMD) -cert CHAIN_B64)\
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
	# the access now granted decides AP1's security attribute and the work area; a core that
	# was halted already fires no halted event to choose them
	if { [llength [info commands stm32h5x_select_work_area]] } {
		stm32h5x_select_work_area
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
	\[-image FILE \[ADDRESS\]\]... \[-secure-area SPEC\] \[-dry-run\] \[-confirm\]"
add_help_text stm32h5x::regress "Debug Authentication regression: full (back to Open,\
	everything erased) or partial (non-secure side erased, TZ-Closed). Checks discovery\
	against the credential first; erases, so needs -confirm."
add_usage_text stm32h5x::regress "full|partial (-password FILE | (-key LEAF_PEM|pkcs11:URI |\
	-sign-cmd CMD) -cert CHAIN_B64) \[-dry-run\] \[-confirm\]"
add_help_text stm32h5x::reopen_debug "Reopens debug through Debug Authentication without\
	erasing (permission debug_open_lN, _ns with -ns; default level 3)."
add_usage_text stm32h5x::reopen_debug "(-password FILE | (-key LEAF_PEM|pkcs11:URI |\
	-sign-cmd CMD) -cert CHAIN_B64)\
	\[-level 1|2|3\] \[-ns\]"
add_help_text stm32h5x::check_da_setup "Read-only: says whether the provisioned Debug\
	Authentication configuration matches the credential and the TrustZone setting (prove it\
	before closing). Returns 1 or 0 and prints the reason."
add_usage_text stm32h5x::check_da_setup "(-password FILE | -root-key PEM)"

source [find target/stm32h5x_secure_area.tcl]

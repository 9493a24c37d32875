# SPDX-License-Identifier: GPL-2.0-or-later

# Production recipes (sourced by target/stm32h5x.cfg after the lifecycle procs): one file per
# product that says what every board gets, checked as a whole before any board is touched, then
# applied by stm32h5x::provision. User guide: docs/production.md.
#
# A recipe is a Tcl dict, one "key value" pair a line; lines starting with "#" are comments;
# relative file names are relative to the recipe's directory.
#
# | key            | value                                                        | needed |
# |----------------|--------------------------------------------------------------|--------|
# | name           | product name, copied to the report                           | no     |
# | part           | H503 H523 H533 H562 H563 H573                                | yes    |
# | state          | iROT-Provisioned TZ-Closed Closed Provisioning Locked        | yes    |
# | credential     | {root-key PUBLIC.pem} or {password FILE} (never a private key) | yes  |
# | trustzone      | on / off: must agree with the credential (root key = on)     | no     |
# | images         | list of {FILE ?ADDRESS?} (ADDRESS for .bin; 0x0C... = secure) | no    |
# | secure_area    | as stm32h5x::provision -secure-area (bank1:0-3, none)        | no     |
# | option_bytes   | {NAME VALUE ...}, set in Open before provisioning            | no     |
# | permissions    | DA permission mask of the generated configuration            | no     |
# | encrypt        | 0 / 1: encryption flag of the generated configuration        | no     |
# | obk            | a ready DA configuration .obk instead of a generated one     | no     |
# | locked_consent | yes: the recipe allows Locked (the command line must too)    | Locked |

namespace eval stm32h5x {
	# part -> line, flash KiB (largest of the part), cryptography, TrustZone
	variable recipe_parts {
		H503 {line H503 flash_kib 128 crypto 0 trustzone 0}
		H523 {line H52x flash_kib 512 crypto 0 trustzone 1}
		H533 {line H52x flash_kib 512 crypto 1 trustzone 1}
		H562 {line H56x flash_kib 2048 crypto 0 trustzone 1}
		H563 {line H56x flash_kib 2048 crypto 0 trustzone 1}
		H573 {line H56x flash_kib 2048 crypto 1 trustzone 1}
	}
	variable recipe_keys {name part state credential trustzone images secure_area option_bytes
		permissions encrypt obk locked_consent}
	# option bytes provision owns (beside the baseline's): the recipe may not set them
	variable recipe_owned_ob {TZEN PRODUCT_STATE SECWM1_STRT SECWM1_END SECWM2_STRT SECWM2_END
		LOCKBL}
}

# The recipe as a dict, with file names made absolute, or an error naming the file
proc stm32h5x::recipe_read {who path} {
	check_readable $who "recipe" $path
	set text ""
	foreach l [split [read_bytes $path] "\n"] {
		if { [string index [string trimleft $l] 0] ne "#" } {
			append text $l "\n"
		}
	}
	if { [catch {llength $text} n] || $n % 2 } {
		fail $who "recipe '$path' is not a list of key value pairs"
	}
	set r [dict create {*}$text]
	set dir [file dirname [file normalize $path]]
	if { [dict exists $r credential] && [llength [dict get $r credential]] == 2 } {
		dict set r credential [list [lindex [dict get $r credential] 0] \
			[recipe_path $dir [lindex [dict get $r credential] 1]]]
	}
	if { [dict exists $r obk] } {
		dict set r obk [recipe_path $dir [dict get $r obk]]
	}
	if { [dict exists $r images] } {
		set ims {}
		foreach im [dict get $r images] {
			lset im 0 [recipe_path $dir [lindex $im 0]]
			lappend ims $im
		}
		dict set r images $ims
	}
	return $r
}

proc stm32h5x::recipe_path {dir f} {
	if { [string index $f 0] ne "/" } {
		return [file join $dir $f]
	}
	return $f
}

proc stm32h5x::recipe_get {r key {default ""}} {
	if { [dict exists $r $key] } {
		return [dict get $r $key]
	}
	return $default
}

# Every problem of a recipe, checked without a device, as a list of messages (empty: good).
# allow_locked: the command line's consent to Locked.
proc stm32h5x::recipe_problems {r allow_locked} {
	variable recipe_parts
	variable recipe_keys
	variable recipe_owned_ob
	variable finals
	variable lines
	set p {}
	foreach k [dict keys $r] {
		if { [lsearch -exact $recipe_keys $k] < 0 } {
			lappend p "unknown key '$k' (known: [join $recipe_keys {, }])"
		}
	}
	set part [recipe_get $r part]
	if { ![dict exists $recipe_parts $part] } {
		lappend p "part '$part' is not one of [join [dict keys $recipe_parts] {, }]"
		return $p
	}
	set pi [dict get $recipe_parts $part]
	set state [recipe_get $r state]
	if { $state eq "Locked" } {
		if { [recipe_get $r locked_consent] ne "yes" } {
			lappend p "state Locked can never be left: the recipe must say 'locked_consent yes'"
		}
		if { !$allow_locked } {
			lappend p "state Locked can never be left: the command line must allow it too\
				(--allow-locked)"
		}
	} elseif { [lsearch -exact $finals $state] < 0 } {
		lappend p "state '$state' is not one of [join $finals {, }] or Locked"
	}
	set cred [recipe_get $r credential]
	set kind ""
	if { [llength $cred] != 2 || [lsearch -exact {root-key password} [lindex $cred 0]] < 0 } {
		lappend p "credential must be {root-key PUBLIC.pem} or {password FILE}"
	} else {
		lassign $cred kind cfile
		if { ![file readable $cfile] || [file isdirectory $cfile] } {
			lappend p "credential file '$cfile' cannot be read"
		} elseif { $kind eq "root-key" && [string match "*PRIVATE KEY*" [read_bytes $cfile]] } {
			lappend p "credential '$cfile' is a private key: a recipe names the root public key\
				only (the private key stays with whoever signs DA certificates)"
		}
	}
	set tz [expr {$kind eq "root-key" && [dict get $pi trustzone]}]
	set tzword [recipe_get $r trustzone]
	if { $tzword ni {"" on off} } {
		lappend p "trustzone '$tzword' is not on or off"
	} elseif { $tzword eq "on" && ![dict get $pi trustzone] } {
		lappend p "trustzone on: the $part has no TrustZone"
	} elseif { $tzword eq "on" && $kind eq "password" } {
		lappend p "trustzone on with a password credential: with TrustZone on Debug\
			Authentication takes a certificate (credential {root-key PUBLIC.pem})"
	} elseif { $tzword eq "off" && $kind eq "root-key" } {
		lappend p "trustzone off with a root-key credential: certificate Debug Authentication\
			needs TrustZone on (use a password credential)"
	}
	if { $kind eq "root-key" && ![dict get $pi trustzone] } {
		lappend p "the $part has no TrustZone: its credential is a password"
	}
	if { $state eq "TZ-Closed" && !$tz } {
		lappend p "state TZ-Closed needs TrustZone on (a root-key credential)"
	}
	if { [dict exists $r secure_area] && !$tz } {
		lappend p "secure_area needs TrustZone on (a root-key credential)"
	}
	set obk [recipe_get $r obk]
	if { $obk ne "" } {
		if { ![file readable $obk] } {
			lappend p "obk file '$obk' cannot be read"
		}
		if { $part eq "H503" } {
			lappend p "the H503 has no OBKeys: obk does not apply"
		}
		foreach k {permissions encrypt} {
			if { [dict exists $r $k] } {
				lappend p "$k applies to a generated configuration; the obk file holds its own"
			}
		}
	}
	set perms [recipe_get $r permissions]
	if { $perms ne "" && (![is_number $perms] || $perms > 0xffffffff) } {
		lappend p "permissions '$perms' is not a 32-bit mask"
	} elseif { $perms ne "" && !($perms & (1 << 14)) } {
		lappend p [format "permissions 0x%08x do not allow a full regression (bit 14)" $perms]
	}
	set enc [recipe_get $r encrypt]
	if { $enc ni {"" 0 1} } {
		lappend p "encrypt '$enc' is not 0 or 1"
	} elseif { $enc ne "" && $enc != [dict get $pi crypto] } {
		lappend p "encrypt $enc does not fit the $part (it takes [dict get $pi crypto])"
	}
	# images: readable, .bin with an address, inside the part's flash at an allowed alias
	set fsize [expr {[dict get $pi flash_kib] * 1024}]
	set bases [expr {$tz ? {0x0C000000 0x08000000} : {0x08000000}}]
	foreach im [recipe_get $r images] {
		lassign $im f addr
		if { ![file readable $f] || [file isdirectory $f] } {
			lappend p "image '$f' does not exist or cannot be read"
			continue
		}
		if { [string match -nocase *.bin $f] != ($addr ne "") } {
			lappend p "image '$f': [expr {$addr eq "" ? "a .bin needs an address" :\
				"only a .bin takes an address"}]"
			continue
		}
		if { $addr ne "" && ![is_number $addr] } {
			lappend p "image '$f': '$addr' is not an address"
			continue
		}
		if { [catch {image_ranges recipe $f $addr} ranges] } {
			lappend p $ranges
			continue
		}
		foreach rg $ranges {
			lassign $rg start len
			set where [outside_flash $start $len $bases $fsize]
			if { $where ne "" } {
				lappend p [format "image '%s': 0x%08x..0x%08x is outside the %s's flash (%s%s)" \
					[file tail $f] $start [expr {$start + $len - 1}] $part $where \
					[expr {!$tz && $start >= 0x0C000000 ? "; the secure alias needs TrustZone on" : ""}]]
			}
		}
	}
	# option bytes: names of this line, not ones provision sets itself
	set known [stm32h5x ob_names [dict get $pi line]]
	set linfo [dict get $lines [dict get $pi line]]
	set owned $recipe_owned_ob
	foreach item [concat [dict get $linfo baseline_tz_off] [dict get $linfo baseline_tz_on]] {
		lappend owned [lindex [split $item =] 0]
	}
	set obs [recipe_get $r option_bytes]
	if { [llength $obs] % 2 } {
		lappend p "option_bytes must be NAME VALUE pairs"
		set obs {}
	}
	foreach {name value} $obs {
		set found ""
		foreach k $known {
			if { [string equal -nocase $k $name] } {
				set found $k
			}
		}
		if { $found eq "" } {
			lappend p "unknown option byte '$name' on the [dict get $pi line] line"
		} elseif { [lsearch -exact $owned $found] >= 0 } {
			lappend p "option byte $found is set by provisioning itself (credential, state,\
				secure area or ST's baseline): leave it out of the recipe"
		} elseif { ![string is integer -strict $value] } {
			lappend p "option byte $found: '$value' is not a number"
		}
	}
	return $p
}

# stm32h5x::recipe_check FILE [-allow-locked]: the recipe, checked as a whole without a device;
# every problem is named in one error. Returns the recipe dict.
proc stm32h5x::recipe_check {path args} {
	set who recipe
	set allow [expr {[lsearch -exact $args -allow-locked] >= 0}]
	set r [recipe_read $who $path]
	set p [recipe_problems $r $allow]
	if { [llength $p] } {
		fail $who "recipe '[file tail $path]' refused ([llength $p] problem[expr {[llength $p] >\
			1 ? "s" : ""}]): [join $p {; }]"
	}
	return $r
}

# The DA configuration's own SHA-256 (the integrity hash in its first 32 bytes; it covers the
# credential's hash, permissions and flags, never a secret) as hex, no device needed; "" for
# the H503, whose OTP holds the password's hash only.
proc stm32h5x::recipe_da_digest {r} {
	variable recipe_parts
	variable settings
	set pi [dict get $recipe_parts [dict get $r part]]
	if { [dict get $pi line] eq "H503" } {
		return ""
	}
	if { [dict exists $r obk] } {
		set b [byte_list [read_bytes [dict get $r obk]]]
	} else {
		lassign [dict get $r credential] kind cred
		set b [make_obk_bytes recipe $kind $cred [recipe_get $r permissions \
			$settings(default_permissions)] [recipe_get $r encrypt [dict get $pi crypto]]]
	}
	set hex ""
	foreach v [lrange $b 12 43] {
		append hex [format %02x $v]
	}
	return $hex
}

# the stm32h5x::provision arguments of a recipe (final state Closed for Locked)
proc stm32h5x::recipe_provision_args {r} {
	variable recipe_parts
	set state [dict get $r state]
	set a [list [expr {$state eq "Locked" ? "Closed" : $state}] \
		-[lindex [dict get $r credential] 0] [lindex [dict get $r credential] 1]]
	foreach im [recipe_get $r images] {
		lappend a -image {*}$im
	}
	foreach {k opt} {secure_area -secure-area permissions -permissions obk -obk} {
		if { [dict exists $r $k] } {
			lappend a $opt [dict get $r $k]
		}
	}
	set pi [dict get $recipe_parts [dict get $r part]]
	if { [lindex [dict get $r credential] 0] eq "root-key" || [dict get $pi line] ne "H503" } {
		if { ![dict exists $r obk] && [dict get $pi line] ne "H503" } {
			lappend a -encrypt [recipe_get $r encrypt [dict get $pi crypto]]
		}
	}
	return $a
}

# stm32h5x::recipe_apply FILE [-dry-run] [-confirm] [-allow-locked]: checks the recipe, then
# sets its option bytes (in Open; checked on a resume) and runs stm32h5x::provision with it;
# Locked last, with both consents. Progress lines name each step. Returns the final state.
proc stm32h5x::recipe_apply {path args} {
	variable recipe_parts
	set who recipe
	foreach a $args {
		if { $a ni {-dry-run -confirm -allow-locked} } {
			fail $who "unexpected argument '$a' (usage: stm32h5x::recipe_apply FILE \[-dry-run\]\
				\[-confirm\] \[-allow-locked\])"
		}
	}
	set dry [expr {[lsearch -exact $args -dry-run] >= 0}]
	set confirm [expr {[lsearch -exact $args -confirm] >= 0}]
	set r [recipe_check $path {*}[expr {"-allow-locked" in $args ? "-allow-locked" : ""}]]
	set part [dict get $r part]
	set pargs [recipe_provision_args $r]
	set dev [device $who]
	if { [dict get $dev line] ne [dict get $recipe_parts $part line] } {
		fail $who "the recipe is for the $part ([dict get $recipe_parts $part line] line), the\
			device is a [dict get $dev line]"
	}
	recipe_da_guard $who $r $dev
	set obs [recipe_get $r option_bytes]
	set pstate [dict get $dev pstate]
	set todo {}
	foreach {name value} $obs {
		if { [catch {string trim [stm32h5x ob $name]} cur] || $cur != $value } {
			lappend todo "$name=$value"
		}
	}
	if { $dry } {
		say $who "dry run: recipe [file tail $path] for the $part, final state [dict get $r state]"
		if { [llength $todo] } {
			say $who "  option bytes [join $todo { }] (in Open, before provisioning)"
		}
		set final [provision {*}$pargs -dry-run]
		if { [dict get $r state] eq "Locked" } {
			say $who "  then product state Locked (for ever)"
		}
		return [dict get $r state]
	}
	if { !$confirm } {
		fail $who "a real run erases the whole flash: add -confirm, or check first with -dry-run"
	}
	if { [llength $todo] } {
		if { $pstate ne "Open" } {
			fail $who "option bytes [join $todo { }] differ on a device in $pstate: they are\
				set in Open only"
		}
		say $who "\[option bytes\] [join $todo { }]"
		stm32h5x ob {*}$todo
		reset halt
	}
	set final [provision {*}$pargs -confirm]
	if { [dict get $r state] eq "Locked" } {
		say $who "\[Locked\] product state Locked (for ever)"
		set final [string trim [stm32h5x product_state Locked -confirm]]
	}
	return $final
}

# A board whose OBK-HDPL1 already holds a DA configuration for another credential (another
# product's, or a board from another line) is refused before anything is written: re-provisioning
# it would silently take it from whoever can open it today. Parts with cryptography store the
# configuration encrypted, which cannot be compared: there the check says so and passes.
proc stm32h5x::recipe_da_guard {who r dev} {
	variable recipe_parts
	if { ![dict get $dev obk] || [dict get $dev pstate] ni {Open Provisioning} } {
		return
	}
	if { [dict get $recipe_parts [dict get $r part] crypto] } {
		say $who "  a DA configuration already on the device is not compared (stored encrypted)"
		return
	}
	set blob [read_da_blob $dev]
	if { [llength $blob] != 96 } {
		return
	}
	set erased 1
	foreach v $blob {
		if { $v != 0xff } {
			set erased 0
		}
	}
	if { $erased } {
		return
	}
	lassign [dict get $r credential] kind cred
	if { ![same_list [lrange $blob 32 63] [credential_hash $who $kind $cred]] } {
		fail $who "foreign DA configuration: OBK-HDPL1 already holds a DA configuration for\
			another credential; this board was provisioned for something else (regress it\
			with that credential first, docs/production.md)"
	}
}

# What a production report records about the device, read only: DEV_ID, REV_ID and the 96-bit
# UID (0x08FFF800, readable while the core's port is open) and the product state.
proc stm32h5x::recipe_facts {} {
	global _CHIPNAME
	set f [dict create dev_id "" rev_id "" uid "" pstate ""]
	set idcode ""
	catch {set idcode [lindex [$_CHIPNAME.ap0 read_memory 0xE0044000 32 1] 0]}
	if { $idcode ne "" } {
		dict set f dev_id [format 0x%03x [expr {$idcode & 0xfff}]]
		dict set f rev_id [format 0x%04x [expr {($idcode >> 16) & 0xffff}]]
	}
	if { ![catch {read_memory 0x08FFF800 32 3} w] && [llength $w] == 3 } {
		dict set f uid [format %08x%08x%08x [lindex $w 2] [lindex $w 1] [lindex $w 0]]
	}
	catch {dict set f pstate [string trim [stm32h5x product_state]]}
	return $f
}

add_help_text stm32h5x::recipe_check "Checks a production recipe as a whole without a device;\
	every problem is named in one error. Returns the recipe."
add_usage_text stm32h5x::recipe_check "FILE \[-allow-locked\]"
add_help_text stm32h5x::recipe_apply "Applies a production recipe to this device: option bytes,\
	then stm32h5x::provision, then Locked if the recipe and -allow-locked both allow it."
add_usage_text stm32h5x::recipe_apply "FILE \[-dry-run\] \[-confirm\] \[-allow-locked\]"
add_help_text stm32h5x::recipe_facts "Returns DEV_ID, REV_ID, 96-bit UID and product state."

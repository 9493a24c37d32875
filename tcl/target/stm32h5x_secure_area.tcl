# SPDX-License-Identifier: GPL-2.0-or-later

# STM32H5 secure / non-secure flash split of stm32h5x::provision (sourced by
# stm32h5x_lifecycle.tcl). With TrustZone on, the secure watermark option bytes (one range of
# 8 KiB sectors per bank) decide which sectors are secure; every other sector is non-secure and
# stays programmable and debuggable by the non-secure party.
#
#   option bytes       meaning
#   SECWMx_STRT/END    first/last secure sector of bank x (inclusive); STRT > END: none
#                      (ST's scripts write STRT=1 END=0 for "none")
#   alias              0x0C000000 secure, 0x08000000 non-secure; bank 2 starts at half the size
#
# An area is a dict {1 {first last} 2 {first last}}; a missing bank (or an empty pair) has no
# secure sector. provision sets it in Open right after the mass erase, as ST's
# ROT_Provisioning ob_programming.sh does, then programs the images.

namespace eval stm32h5x {
	variable sector_size 8192
	variable alias_s 0x0C000000
	variable alias_ns 0x08000000
}

# "-secure-area" text -> area dict: "none", or "bank1:0-31", "bank1:0-31,bank2:0-3" (commas or
# spaces), "bankN:S" for one sector. Checked against the device's sectors per bank.
proc stm32h5x::parse_secure_area {who spec per_bank} {
	set area [dict create]
	if { [string trim $spec] eq "none" } {
		return $area
	}
	set items [split [string map {, " "} $spec]]
	set seen 0
	foreach item $items {
		if { $item eq "" } {
			continue
		}
		if { ![regexp {^bank([12]):([0-9]+)(?:-([0-9]+))?$} $item -> bank first last] } {
			fail $who "-secure-area: '$item' is not bankN:FIRST-LAST (sectors of 8 KiB, e.g.\
				bank1:0-31), and the whole value is not 'none'"
		}
		if { $last eq "" } {
			set last $first
		}
		scan $first %d first
		scan $last %d last
		if { $first > $last } {
			fail $who "-secure-area: '$item': the first sector is after the last"
		}
		if { $last >= $per_bank } {
			fail $who "-secure-area: '$item': bank $bank has sectors 0..[expr {$per_bank - 1}]"
		}
		if { [dict exists $area $bank] } {
			fail $who "-secure-area: bank $bank is named twice (one range per bank)"
		}
		dict set area $bank [list $first $last]
		incr seen
	}
	if { !$seen } {
		fail $who "-secure-area needs bankN:FIRST-LAST or none"
	}
	return $area
}

# {bank sector} of a flash offset
proc stm32h5x::sector_of {offset bank_size} {
	variable sector_size
	return [list [expr {$offset / $bank_size + 1}] [expr {($offset % $bank_size) / $sector_size}]]
}

# the addresses of a range {start length} to check: each sector it touches, and its end
proc stm32h5x::range_points {start len} {
	variable sector_size
	set out {}
	for {set a $start} {$a < $start + $len} {incr a $sector_size} {
		lappend out $a
	}
	lappend out [expr {$start + $len - 1}]
	return $out
}

# the smallest area holding every range {start length} given at the secure alias
proc stm32h5x::area_of_ranges {ranges bank_size} {
	variable alias_s
	set area [dict create]
	foreach r $ranges {
		foreach a [range_points {*}$r] {
			lassign [sector_of [expr {$a - $alias_s}] $bank_size] bank s
			if { [dict exists $area $bank] } {
				lassign [dict get $area $bank] f l
				set s [list [expr {$s < $f ? $s : $f}] [expr {$s > $l ? $s : $l}]]
			} else {
				set s [list $s $s]
			}
			dict set area $bank $s
		}
	}
	return $area
}

# 1 if offset lies in the area
proc stm32h5x::area_holds {area offset bank_size} {
	lassign [sector_of $offset $bank_size] bank s
	if { ![dict exists $area $bank] } {
		return 0
	}
	lassign [dict get $area $bank] f l
	return [expr {$s >= $f && $s <= $l}]
}

# the option-byte assignments that set the area
proc stm32h5x::area_option_bytes {area} {
	set out {}
	foreach bank {1 2} {
		if { [dict exists $area $bank] } {
			lassign [dict get $area $bank] f l
			lappend out SECWM${bank}_STRT=$f SECWM${bank}_END=$l
		} else {
			lappend out SECWM${bank}_STRT=1 SECWM${bank}_END=0
		}
	}
	return $out
}

# "bank1 sectors 0-3, bank2 none" for the plan
proc stm32h5x::area_text {area} {
	set out {}
	foreach bank {1 2} {
		if { [dict exists $area $bank] } {
			lassign [dict get $area $bank] f l
			lappend out "bank$bank sectors $f-$l"
		} else {
			lappend out "bank$bank none"
		}
	}
	return [join $out ", "]
}

# Decides the split and checks every image against it; returns the area dict. images: list of
# {file {ranges}}; given: the -secure-area text or "". Secure images (0x0C...) must lie inside
# the area, non-secure ones (0x08...) outside it. Without -secure-area: the secure images'
# sectors; with no image at all, every sector (ST's scripts).
proc stm32h5x::plan_secure_area {who given images flash_size} {
	variable alias_s
	variable alias_ns
	variable sector_size
	set bank_size [expr {$flash_size / 2}]
	set per_bank [expr {$bank_size / $sector_size}]
	if { $given ne "" } {
		set area [parse_secure_area $who $given $per_bank]
	} elseif { [llength $images] == 0 } {
		set area [dict create 1 [list 0 [expr {$per_bank - 1}]] 2 [list 0 [expr {$per_bank - 1}]]]
	} else {
		set secure {}
		foreach im $images {
			foreach r [lindex $im 1] {
				if { [lindex $r 0] >= $alias_s } {
					lappend secure $r
				}
			}
		}
		set area [area_of_ranges $secure $bank_size]
	}
	foreach im $images {
		lassign $im f ranges
		foreach r $ranges {
			set secure [expr {[lindex $r 0] >= $alias_s}]
			set base [expr {$secure ? $alias_s : $alias_ns}]
			foreach a [range_points {*}$r] {
				if { [area_holds $area [expr {$a - $base}] $bank_size] != $secure } {
					fail $who [format "image '%s': 0x%08x is at the %s alias but its sector\
						is %s in the secure area (%s): link it for the %s alias\
						or change -secure-area" [file tail $f] $a \
						[expr {$secure ? "secure" : "non-secure"}] \
						[expr {$secure ? "not" : "already"}] [area_text $area] \
						[expr {$secure ? "non-secure" : "secure"}]]
				}
			}
		}
	}
	return $area
}

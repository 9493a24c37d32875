# SPDX-License-Identifier: GPL-2.0-or-later
#
# Helpers for the bad-input integration tests (test_bad_input_*.tcl, issue 8): making malformed
# files from ST's samples, and one check that a command is refused with a message naming the
# problem, that the message quotes no secret, and that counts the bad inputs tried.

set bi_tried 0
# strings that must never appear in what a command says (password bytes, key material)
set bi_secrets {}

# bi_read PATH: the bytes of a file
proc bi_read {path} {
	set f [open $path rb]
	set d [read $f]
	close $f
	return $d
}

# bi_write PATH DATA: writes DATA byte for byte, returns PATH
proc bi_write {path data} {
	set f [open $path wb]
	puts -nonewline $f $data
	close $f
	return $path
}

# bi_le32 VALUE: 4 bytes, little endian
proc bi_le32 {value} {
	set out ""
	pack out $value -intle 32 0
	return $out
}

# bi_bytes N SEED: N bytes of deterministic garbage (LCG top bytes)
proc bi_bytes {n seed} {
	h5_pattern $seed $n
}

# bi_base64 DATA: DATA in base64 (RFC 4648 alphabet, '=' padding)
proc bi_base64 {data} {
	set abc ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/
	set out ""
	set n [string length $data]
	for {set i 0} {$i < $n} {incr i 3} {
		set chunk [string range $data $i [expr {$i + 2}]]
		set v 0
		set k [string length $chunk]
		for {set j 0} {$j < 3} {incr j} {
			set b 0
			if {$j < $k} {
				set b [unpack [string index $chunk $j] -uintle 0 8]
			}
			set v [expr {($v << 8) | $b}]
		}
		for {set j 0} {$j < 4} {incr j} {
			if {$j <= $k} {
				append out [string index $abc [expr {($v >> (18 - 6 * $j)) & 63}]]
			} else {
				append out =
			}
		}
	}
	return $out
}

proc bi_eval {script} {
	set ::bi_failed [catch {uplevel #0 $script} ::bi_result]
	return ""
}

# What SCRIPT says (its log lines and its result) and whether it failed; SCRIPT runs at
# global level, once.
proc bi_run {script} {
	set ::bi_failed 0
	set ::bi_result ""
	catch {capture [list bi_eval $script]} log
	return "$log$::bi_result"
}

# bi_refused NAME SCRIPT PATTERN: one bad input. Passes if SCRIPT fails, what it says matches
# the regular expression PATTERN (the named problem, so a generic failure does not pass), and
# none of $bi_secrets appears in it.
proc bi_refused {name script pattern} {
	incr ::bi_tried
	set out [bi_run $script]
	if {[info exists ::env(H5_BAD_INPUT_VERBOSE)]} {
		echo "# $name: [string map {"\n" " | "} $out]"
	}
	if {!$::bi_failed} {
		h5_report 0 $name "did not fail; said: $out"
		return
	}
	foreach s $::bi_secrets {
		if {[string first $s $out] >= 0} {
			h5_report 0 $name "the message quotes a secret: $out"
			return
		}
	}
	if {[regexp -- $pattern $out]} {
		h5_report 1 $name
	} else {
		h5_report 0 $name "said: $out\nexpected to match: $pattern"
	}
}

# bi_summary AREA: the count the reliability table publishes
proc bi_summary {area} {
	echo "# bad inputs exercised ($area): $::bi_tried"
}

# bi_da_faulty_device AREA ANSWERS: the six Debug Authentication commands against a device
# started with --fault-da (in Provisioning, the chip of test_bad_input_da_*.tcl). ANSWERS is
# a dict {discover auth_password auth_certificate close close_reset discover_noreset} of the
# patterns each refusal must match (each names the step and what went wrong). The test's
# time limit catches a command that never gives up. Then a reset, after which the chip answers
# normally again.
proc bi_da_faulty_device {area answers} {
	global H5_SAMPLES bi_secrets
	set S $H5_SAMPLES/NUCLEO-H563ZI
	set bi_secrets {0123456789012345 01234567 89012345 0x33323130 33323130}
	foreach line [split [bi_read $S/Keys/key_3_leaf.pem] "\n"] {
		if {[string length $line] >= 16 && ![string match -----* $line]} {
			lappend bi_secrets [string range $line 0 15]
		}
	}
	foreach {key name script} [list \
		discover "da discover" {stm32h5x da discover} \
		auth_password "da auth by password" \
			[list stm32h5x da auth -password $S/Binary/password.bin] \
		auth_certificate "da auth by certificate" \
			[list stm32h5x da auth -key $S/Keys/key_3_leaf.pem \
				-cert $S/Certificates/cert_leaf_chain.b64 -permissions debug_open_l3] \
		close "da close without a session" {stm32h5x da close} \
		close_reset "da close -reset" {stm32h5x da close -reset} \
		discover_noreset "da discover -noreset" {stm32h5x da discover -noreset}] {
		bi_refused $name $script [dict get $answers $key]
	}
	reset halt
	h5_check_match "after a reset the chip answers normally, still in Provisioning" \
		{stm32h5x product_state} {^Provisioning$}
	bi_summary $area
}

# SPDX-License-Identifier: GPL-2.0-or-later
#
# Check helpers for integration tests (OpenOCD + simulator), in the spirit of upstream
# OpenOCD's testing/tcl_commands/utils.tcl. Every check prints one TAP line; h5_done ends the
# OpenOCD session with "shutdown error" if any check failed.

set h5_test_count 0
set h5_test_failures 0

# ST's sample files (vendored in the repository) and a scratch directory of this test run
set H5_SAMPLES $::env(H5_TOP_SRCDIR)/tests/vectors/st-samples
set H5_TMP $::env(H5_TEST_TMP)

proc h5_report {passed name {detail ""}} {
	global h5_test_count h5_test_failures
	incr h5_test_count
	if {$passed} {
		echo "ok $h5_test_count - $name"
	} else {
		incr h5_test_failures
		echo "not ok $h5_test_count - $name"
		if {$detail ne ""} {
			foreach line [split $detail "\n"] { echo "# $line" }
		}
	}
}

# h5_check NAME SCRIPT: passes if SCRIPT runs without error and returns a true value
proc h5_check {name script} {
	if {[catch {uplevel 1 $script} result]} {
		h5_report 0 $name "error: $result"
	} elseif {[string is boolean -strict $result] && $result} {
		h5_report 1 $name
	} else {
		h5_report 0 $name "returned: $result"
	}
}

# h5_check_equal NAME SCRIPT EXPECTED: passes if SCRIPT returns EXPECTED (compared as strings,
# or as numbers when both are numbers, so 0x10 equals 16)
proc h5_check_equal {name script expected} {
	if {[catch {uplevel 1 $script} result]} {
		h5_report 0 $name "error: $result"
		return
	}
	if {[string is integer -strict $result] && [string is integer -strict $expected]} {
		set same [expr {$result == $expected}]
	} else {
		set same [expr {$result eq $expected}]
	}
	h5_report $same $name "got: $result\nexpected: $expected"
}

# h5_check_match NAME SCRIPT PATTERN: passes if SCRIPT returns a value (trimmed) matching the
# regular expression PATTERN
proc h5_check_match {name script pattern} {
	if {[catch {uplevel 1 $script} result]} {
		h5_report 0 $name "error: $result"
	} else {
		set result [string trim $result]
		h5_report [regexp -- $pattern $result] $name "got: <$result>\nexpected to match: $pattern"
	}
}

# h5_check_error NAME SCRIPT PATTERN: passes if SCRIPT fails with a message matching the
# regular expression PATTERN
proc h5_check_error {name script pattern} {
	if {![catch {uplevel 1 $script} result]} {
		h5_report 0 $name "did not fail; returned: $result"
	} elseif {[regexp -- $pattern $result]} {
		h5_report 1 $name
	} else {
		h5_report 0 $name "error message: $result\nexpected to match: $pattern"
	}
}

# What a command says: its log lines (captured) followed by its result; a failing command's
# result is its error message. 0.12.0's "capture" returns only the log lines when there are
# any, so the result is kept aside. SCRIPT runs at global level.
proc h5_output {script} {
	set ::h5_output_result ""
	catch {capture [list h5_output_eval $script]} log
	return "$log$::h5_output_result"
}

proc h5_output_eval {script} {
	set ::h5_output_result [uplevel #0 $script]
}

# h5_check_output NAME SCRIPT PATTERN: passes if what SCRIPT says (h5_output: log lines and
# result) matches PATTERN; SCRIPT may fail (refusals are checked this way)
proc h5_check_output {name script pattern} {
	set out [h5_output $script]
	if {[regexp -- $pattern $out]} {
		h5_report 1 $name
	} else {
		h5_report 0 $name "output: $out\nexpected to match: $pattern"
	}
}

# h5_pattern STATE LEN: LEN deterministic pseudo-random bytes (a binary string) from a
# 32-bit linear congruential generator started at STATE: test data that differs per seed
proc h5_pattern {state len} {
	set x [expr {$state & 0xffffffff}]
	set out ""
	for {set i 0} {$i < $len} {incr i} {
		set x [expr {($x * 1664525 + 1013904223) & 0xffffffff}]
		pack out [expr {$x >> 24}] -intle 8 [expr {8 * $i}]
	}
	return $out
}

proc h5_done {} {
	global h5_test_failures
	if {$h5_test_failures > 0} {
		shutdown error
	} else {
		shutdown
	}
}

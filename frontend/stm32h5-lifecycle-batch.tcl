# SPDX-License-Identifier: GPL-2.0-or-later

# stm32h5-lifecycle batch RECIPE (sourced by frontend/stm32h5-lifecycle): one OpenOCD per board,
# all in parallel, one live status line per board, and a JSON-lines report with one record per
# board and run (docs/production.md, "The report"). A board starts with a "running" record and
# ends with its result; a rerun with the same report skips the boards whose last record is
# "done" and runs the others again (stm32h5x::provision resumes from what the device shows).
# Each board has its own OpenOCD, log and (sim) simulator: one board's failure touches no other.
#
# | result      | meaning                                                    | batch exit |
# |-------------|------------------------------------------------------------|------------|
# | done        | the recipe's final state reached, images verified          | 0          |
# | refused     | a check on this board refused before any write             | 1          |
# | failed      | a step failed (the record names it)                        | 1          |
# | interrupted | OpenOCD lost the board or was stopped (power, cable, ^C)   | 3          |

proc now_utc {} {
	return [clock format [clock seconds] -format %Y-%m-%dT%H:%M:%SZ -gmt 1]
}

# serial -> result of its last record in REPORT
proc report_last {report} {
	set last [dict create]
	if { ![file exists $report] } {
		return $last
	}
	set f [open $report r]
	foreach l [split [read $f] "\n"] {
		if { [regexp {"serial": "([^"]*)".*"result": "([^"]*)"} $l -> s res] } {
			dict set last $s $res
		}
	}
	close $f
	return $last
}

proc report_append {report line} {
	set f [open $report a]
	puts $f $line
	close $f
}

# the Tcl one board runs: facts before, the recipe, facts after, each marked in the log
proc board_script {recipe} {
	global opt
	set flags -confirm
	if { $opt(allow-locked) } {
		lappend flags -allow-locked
	}
	set facts {catch {echo "@@H5FACTS@@[stm32h5x::recipe_facts]@@H5END@@"}}
	return "$facts; [marked "stm32h5x::recipe_apply [list $recipe] $flags"]; $facts"
}

# status line of a board from one line of its OpenOCD output
proc board_progress {serial line} {
	global bstate
	if { [regexp {^stm32h5x::provision: \[([0-9]+/[0-9]+)\] (.*)$} $line -> n label] } {
		dict set bstate($serial) step "$n $label"
		dict lappend bstate($serial) steps "$n $label"
		dict lappend bstate($serial) step_ms [clock milliseconds]
		show $serial "\[$n\] $label"
	} elseif { [regexp {^stm32h5x::recipe: \[([^\]]*)\] (.*)$} $line -> what label] } {
		dict set bstate($serial) step "$what $label"
		dict lappend bstate($serial) steps "$what $label"
		dict lappend bstate($serial) step_ms [clock milliseconds]
		show $serial "$what $label"
	} elseif { [regexp {^stm32h5x::provision: done} $line] } {
		dict set bstate($serial) provisioned 1
	}
}

# the live status: one line per board (redrawn on a terminal, a line per change otherwise)
proc show {serial text} {
	global bstate order tty
	dict set bstate($serial) status $text
	if { !$tty } {
		puts "$serial: $text"
		return
	}
	puts -nonewline "\033\[[llength $order]A"
	foreach s $order {
		puts "\033\[2K[format %-16s $s] [dict get $bstate($s) status]"
	}
	flush stdout
}

proc board_read {serial chan} {
	global bstate running
	if { [gets $chan line] >= 0 } {
		puts [dict get $bstate($serial) logf] $line
		board_progress $serial $line
		return
	}
	if { ![eof $chan] } {
		return
	}
	fconfigure $chan -blocking 1
	set killed 0
	if { [catch {close $chan} msg opts] } {
		set killed [expr {[lindex [dict get $opts -errorcode] 0] eq "CHILDKILLED"}]
	}
	close [dict get $bstate($serial) logf]
	if { [dict exists $bstate($serial) simpid] } {
		sim_wait [dict get $bstate($serial) simpid]
	}
	board_finish $serial $killed
	incr running -1
}

# facts {dev_id rev_id uid pstate} from the first / last facts line of a log
proc log_facts {log which} {
	set all [log_marked $log @@H5FACTS@@]
	set out [dict create dev_id "" rev_id "" uid "" pstate ""]
	if { $which eq "first" && [llength $all] >= 1 } {
		set out [lindex $all 0]
	} elseif { $which eq "last" && [llength $all] >= 2 } {
		set out [lindex $all end]
	}
	return $out
}

proc board_finish {serial killed} {
	global bstate recipe_info opt
	set b $bstate($serial)
	set log [dict get $b log]
	lassign [log_result $log] kind text
	set steps [expr {[dict exists $b steps] ? [dict get $b steps] : {}}]
	set step [expr {[dict exists $b step] ? [dict get $b step] : ""}]
	if { [dict exists $b nostart] } {
		set result failed
		set step "connect"
		set err [dict get $b nostart]
	} elseif { $kind eq "ok" } {
		set result done
		set step ""
		set err ""
	} elseif { $kind eq "error" } {
		set err $text
		if { [regexp {step ([0-9]+/[0-9]+) \((.*?)\) failed(.*)$} $text -> n label why] } {
			# a board that stopped answering in a step was interrupted (power, cable)
			set result [expr {[regexp {stopped answering|does not answer|connection lost} \
				$why] ? "interrupted" : "failed"}]
			set step "$n $label"
		} elseif { [llength $steps] == 0 } {
			set result refused
			set step "checks"
		} else {
			set result failed
		}
	} else {
		set result interrupted
		set err [expr {$killed ? "OpenOCD stopped by a signal" :
			"OpenOCD lost the board"}]
		set le [last_errors $log]
		if { $le ne "" } {
			append err ": $le"
		}
	}
	# steps that completed: all on success, all but the last otherwise
	set completed [expr {$result eq "done" ? $steps : [lrange $steps 0 end-1]}]
	set before [log_facts $log first]
	set after [log_facts $log last]
	set uid [dict get $before uid]
	if { $uid eq "" } {
		set uid [dict get $after uid]
	}
	set images {}
	foreach im [dict get $recipe_info images] {
		lassign $im f addr sha
		set tail [file tail $f]
		set prog 0
		set ver 0
		foreach s $completed {
			if { [string match "* program $tail and verify" $s] } {
				set prog 1
				set ver 1
			} elseif { [string match "* verify $tail *" $s] } {
				set ver 1
			}
		}
		lappend images [json_obj [list [list file s $tail] [list address s $addr] \
			[list sha256 s $sha] [list programmed b $prog] [list verified b $ver]]]
	}
	# each step's wall time, from its progress line to the next one (the last to the end)
	set timings {}
	if { [dict exists $b step_ms] } {
		set ms [concat [dict get $b t0] [dict get $b step_ms] [clock milliseconds]]
		foreach s [concat [list "connect and checks"] $steps] t0 [lrange $ms 0 end-1] \
				t1 [lrange $ms 1 end] {
			lappend timings [json_obj [list [list step s $s] [list ms n [expr {$t1 - $t0}]]]]
		}
	}
	set obs {}
	foreach {k v} [dict get $recipe_info option_bytes] {
		lappend obs [list $k s $v]
	}
	set rec [json_obj [list \
		[list serial s $serial] \
		[list result s $result] \
		[list failed_step s $step] \
		[list error s $err] \
		[list recipe s [dict get $recipe_info path]] \
		[list recipe_sha256 s [dict get $recipe_info sha256]] \
		[list product s [dict get $recipe_info name]] \
		[list part s [dict get $recipe_info part]] \
		[list dev_id s [dict get $before dev_id]] \
		[list rev_id s [dict get $before rev_id]] \
		[list uid s $uid] \
		[list state_before s [dict get $before pstate]] \
		[list state_after s [dict get $after pstate]] \
		[list target_state s [dict get $recipe_info state]] \
		[list images r "\[[join $images {, }]\]"] \
		[list da_config_sha256 s [dict get $recipe_info digest]] \
		[list option_bytes r [json_obj $obs]] \
		[list option_bytes_set b [expr {$result eq "done"}]] \
		[list steps r "\[[join $timings {, }]\]"] \
		[list start s [dict get $b start]] \
		[list end s [now_utc]] \
		[list wall_ms n [expr {[clock milliseconds] - [dict get $b t0]}]] \
		[list log s $log]]]
	report_append $opt(report) $rec
	show $serial [expr {$result eq "done" ? "done: [dict get $after pstate]" :
		"$result[expr {$step ne "" ? " at $step" : ""}]: $err"}]
	dict set bstate($serial) result $result
}

proc batch {recipe} {
	global opt bstate order tty running openocd scripts_args env recipe_info
	lassign [recipe_offline $recipe] r digest
	if { $opt(report) eq "" } {
		set opt(report) stm32h5-lifecycle-report.jsonl
	}
	set opt(report) [file normalize $opt(report)]
	set logdir "$opt(report).logs"
	file mkdir $logdir
	set images {}
	foreach im [expr {[dict exists $r images] ? [dict get $r images] : {}}] {
		lassign $im f addr
		lappend images [list $f $addr [sha256 $f]]
	}
	set recipe_info [dict create path $recipe sha256 [sha256 $recipe] part [dict get $r part] \
		state [dict get $r state] name [expr {[dict exists $r name] ? [dict get $r name] : ""}] \
		images $images digest $digest option_bytes [expr {[dict exists $r option_bytes] ?
		[dict get $r option_bytes] : {}}]]
	set all [boards]
	if { [llength $all] == 0 } {
		die 1 "no board found (--probe $opt(probe)): connect probes or give --serial"
	}
	set last [report_last $opt(report)]
	set order {}
	foreach s $all {
		if { [dict exists $last $s] && [dict get $last $s] eq "done" } {
			puts "$s: done in $opt(report): skipped"
			continue
		}
		lappend order $s
	}
	set tty [expr {!$opt(json) && ![catch {exec test -t 1 >@ stdout}]}]
	if { $tty } {
		puts -nonewline [string repeat "\n" [llength $order]]
	}
	set running 0
	foreach s $order {
		set log [file join $logdir $s.log]
		set bstate($s) [dict create log $log start [now_utc] t0 [clock milliseconds] status starting \
			logf [open $log w]]
		report_append $opt(report) [json_obj [list [list serial s $s] {result s running} \
			[list recipe s $recipe] [list start s [dict get $bstate($s) start]] \
			[list log s $log]]]
		if { $opt(probe) eq "sim" && [catch {sim_start $s [dict get $r part]} port] } {
			dict set bstate($s) nostart $port
			close [dict get $bstate($s) logf]
			board_finish $s 0
			continue
		} elseif { $opt(probe) eq "sim" } {
			lassign $port env(H5SIM_PORT) simpid
			dict set bstate($s) simpid $simpid
		}
		set cmd [list $openocd {*}$scripts_args {*}[probe_args $s] -c init \
			-c [board_script $recipe] -c shutdown]
		puts [dict get $bstate($s) logf] "stm32h5-lifecycle: [join [lrange $cmd 0 end-5] { }]"
		set chan [open |[concat $cmd [list 2>@1]] r]
		fconfigure $chan -blocking 0 -buffering line
		fileevent $chan readable [list board_read $s $chan]
		incr running
		show $s "connecting"
	}
	while { $running > 0 } {
		vwait running
	}
	set code 0
	foreach s $order {
		switch -- [dict get $bstate($s) result] {
			refused - failed { set code 1 }
			interrupted { if { $code == 0 } { set code 3 } }
		}
	}
	set n [llength $order]
	set ok [llength [lmap s $order {expr {[dict get $bstate($s) result] eq "done" ? $s :
		[continue]}}]]
	puts "batch: $ok of $n board(s) done, [expr {[llength $all] - $n}] skipped; report:\
		$opt(report)"
	return $code
}

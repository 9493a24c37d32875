# SPDX-License-Identifier: GPL-2.0-or-later
#
# Runs a walkthrough of README.md ("Lifecycle walkthroughs") exactly as written: the code block
# after the paragraph that starts with "**TITLE", where
#   "> CMD" (a trailing backslash continues it on the next line) runs at OpenOCD's prompt,
#   "(gdb) CMD" runs in gdb-multiarch (":3333" becomes this test's GDB port),
#   "# ..." is a comment, and any other line is what the command above answers: it must be a
#   line (trimmed) of what the command says (its log lines and result).
# Each command is one TAP line. From the first "(gdb)" line on, the session belongs to GDB:
# it runs its lines, then "monitor readme_resume" runs the rest and ends the session.
# The test provides the files the walkthroughs name in its scratch directory (readme_files).

source [find flash_helpers.tcl]

# the walkthrough's steps: a list of {kind command expected-lines}
proc readme_steps {title} {
	set f [open $::env(H5_TOP_SRCDIR)/README.md r]
	set text [read $f]
	close $f
	set at [string first "\n**$title" $text]
	if {$at < 0} {
		error "README.md has no walkthrough \"**$title\""
	}
	set start [string first "\n```\n" $text $at]
	set end [string first "\n```\n" $text [expr {$start + 4}]]
	set steps {}
	set cont ""
	foreach line [split [string range $text [expr {$start + 5}] $end] "\n"] {
		if {$cont ne ""} {
			set line "$cont [string trim $line]"
			set cont ""
		}
		if {[string index $line end] eq "\\"} {
			set cont [string trimright [string range $line 0 end-1]]
			continue
		}
		set line [string trimright $line]
		if {$line eq "" || [string index $line 0] eq "#"} {
			continue
		}
		if {[string match "> *" $line]} {
			lappend steps [list openocd [string range $line 2 end] {}]
		} elseif {[string match "(gdb) *" $line]} {
			lappend steps [list gdb [string range $line 6 end] {}]
		} elseif {[llength $steps] == 0} {
			error "README.md, \"**$title\": an answer before any command: $line"
		} else {
			set last [lindex $steps end]
			lset steps end 2 [concat [lindex $last 2] [list [string trim $line]]]
		}
	}
	if {[llength $steps] == 0} {
		error "README.md, \"**$title\": no command found"
	}
	return $steps
}

# readme_files: the scratch directory the walkthroughs run in: ST's NUCLEO-H563ZI samples
# (Binary, Keys, Certificates) and the three images. Each image starts with a vector table
# (initial SP 0x20040000, reset at a "b ." loop 0x400 bytes in) followed by pattern bytes.
proc readme_image {base seed len} {
	set d [flash_pattern $seed $len]
	pack d 0x20040000 -intle 32 0
	pack d [expr {$base + 0x401}] -intle 32 32
	pack d 0xE7FE -intle 16 [expr {0x400 * 8}]
	return $d
}

proc readme_files {} {
	global H5_SAMPLES H5_TMP readme_images
	set dir $H5_TMP/walkthrough
	file mkdir $dir
	foreach d {Binary Keys Certificates} {
		exec ln -s $H5_SAMPLES/NUCLEO-H563ZI/$d $dir/$d
	}
	set readme_images [dict create \
		app.elf [list 0x08000000 [readme_image 0x08000000 90 0x1800]] \
		secure.elf [list 0x0C000000 [readme_image 0x0C000000 91 0x1000]] \
		nonsecure.elf [list 0x08010000 [readme_image 0x08010000 92 0x1000]]]
	dict for {name image} $readme_images {
		flash_write_elf $dir/$name [list {*}$image]
	}
	cd $dir
	return $dir
}

# runs step I onwards; at the first gdb step hands the session to GDB and returns
proc readme_run {steps i} {
	global readme_steps_left
	for {} {$i < [llength $steps]} {incr i} {
		lassign [lindex $steps $i] kind cmd expected
		if {$kind eq "gdb"} {
			readme_gdb $steps $i
			return
		}
		set failed [catch {h5_output_checked $cmd} out]
		set missing {}
		foreach e $expected {
			if {[lsearch -exact [lmap l [split $out "\n"] {string trim $l}] $e] < 0} {
				lappend missing $e
			}
		}
		if {$failed} {
			h5_report 0 "README: > $cmd" "error: $out"
		} elseif {[llength $missing]} {
			h5_report 0 "README: > $cmd" "answered:\n$out\nexpected the line(s): [join $missing {; }]"
		} else {
			h5_report 1 "README: > $cmd"
		}
	}
	h5_done
}

# what a command says (its log lines and result), or an error saying it if it failed
proc h5_output_checked {cmd} {
	set ::readme_rc 0
	set ::readme_result ""
	catch {capture [list readme_eval $cmd]} log
	set out "$log$::readme_result"
	if {$::readme_rc} {
		error $out
	}
	return $out
}

# returns nothing: capture falls back on its script's result when nothing was logged, and
# catch's 0 would then be taken for part of what the command said
proc readme_eval {cmd} {
	set ::readme_rc [catch {uplevel #0 $cmd} ::readme_result]
	return ""
}

proc readme_resume {} {
	readme_run $::readme_steps $::readme_resume_at
}

# the consecutive gdb steps from I in one GDB session (GDB reports each as a TAP line), then
# "monitor readme_resume" for the rest
proc readme_gdb {steps i} {
	global H5_TMP
	set port [readme_gdb_port]
	set script $H5_TMP/walkthrough.gdb
	set fd [open $script w]
	puts $fd "set confirm off\nset pagination off\nset remotetimeout 300\npython\nimport gdb"
	puts $fd "def report(ok, name, detail):"
	puts $fd "    detail = ' | '.join(detail.replace('{', '(').replace('}', ')').splitlines())"
	puts $fd "    gdb.execute('monitor h5_report %d {%s} {%s}' % (1 if ok else 0, name, detail))"
	puts $fd "def step(cmd, expected):"
	puts $fd "    try:\n        out = gdb.execute(cmd, to_string=True)\n        ok = True"
	puts $fd "    except gdb.error as e:\n        out = 'gdb error: %s' % e\n        ok = False"
	puts $fd "    lines = \[l.strip() for l in out.splitlines()\]"
	puts $fd "    ok = ok and all(e in lines for e in expected) and 'MIS-MATCHED' not in out"
	puts $fd "    report(ok, 'README: (gdb) ' + cmd, out)"
	for {} {$i < [llength $steps] && [lindex $steps $i 0] eq "gdb"} {incr i} {
		lassign [lindex $steps $i] kind cmd expected
		set cmd [string map [list :3333 :$port] $cmd]
		set e [join [lmap x $expected {format "'%s'" [string map {' \\'} $x]}] ", "]
		puts $fd "step('[string map {' \\'} $cmd]', \[$e\])"
	}
	puts $fd "end"
	puts $fd "monitor readme_resume"
	close $fd
	set ::readme_resume_at $i
	if {[catch {exec gdb-multiarch -q -batch -nx -x $script nonsecure.elf > $H5_TMP/gdb.out 2>@1 &} err]} {
		h5_report 0 "gdb-multiarch starts" $err
		h5_done
	}
}

# this test's GDB port (ports are per simulator, so parallel runs do not collide)
proc readme_gdb_port {} {
	expr {30000 + $::env(H5SIM_PORT) % 20000}
}

# the whole walkthrough: files, then every step
proc readme_walkthrough {title} {
	set ::readme_steps [readme_steps $title]
	readme_files
	set ::stm32h5x::settings(crypto) 0	;# what board/st_nucleo_h563zi.cfg sets
	h5_server_port gdb [readme_gdb_port]
	init
	reset halt
	readme_run $::readme_steps 0
}

# SPDX-License-Identifier: GPL-2.0-or-later
#
# Helpers for the flash-driver integration tests: a deterministic test pattern computed here (not
# by the driver), a minimal ELF32/ARM writer (one PT_LOAD segment per section) built with Jim's
# "pack", and read-back checks through the core.

# LEN bytes of pattern "seed" (h5_pattern of utils.tcl, its state derived from the seed)
proc flash_pattern {seed len} {
	h5_pattern [expr {$seed * 2654435761}] $len
}

# Byte list of a binary string.
proc flash_bytes {data} {
	set out {}
	set n [string bytelength $data]
	for {set i 0} {$i < $n} {incr i} {
		lappend out [unpack $data -uintle [expr {8 * $i}] 8]
	}
	return $out
}

# Writes an ELF32 little-endian ARM executable with, for each {address data}, one PT_LOAD segment
# and one allocated PROGBITS section (.sec0, .sec1...: GDB's "load" works from sections), plus
# .shstrtab.
proc flash_write_elf {path segments} {
	set n [expr {[llength $segments] / 2}]
	set phoff 52
	set data_off [expr {$phoff + 32 * $n}]

	# payload and where each segment lands in the file
	set payload ""
	set offsets {}
	set off $data_off
	foreach {addr data} $segments {
		lappend offsets $off
		set len [string bytelength $data]
		append payload $data
		set pad [expr {(4 - $len % 4) % 4}]
		append payload [string repeat "\0" $pad]
		incr off [expr {$len + $pad}]
	}
	set shstr "\0.shstrtab\0"
	set names {}
	for {set i 0} {$i < $n} {incr i} {
		lappend names [string length $shstr]
		append shstr ".sec$i\0"
	}
	set shstr_off $off
	set shstr_len [string length $shstr]
	append payload $shstr
	set pad [expr {(4 - $shstr_len % 4) % 4}]
	append payload [string repeat "\0" $pad]
	set shoff [expr {$shstr_off + $shstr_len + $pad}]

	set elf ""
	set b 0
	foreach {v w} {0x7f 8 0x45 8 0x4c 8 0x46 8 1 8 1 8 1 8 0 8} {
		pack elf $v -intle $w $b
		incr b $w
	}
	pack elf 0 -intle 64 $b
	incr b 64
	set entry [lindex $segments 0]
	foreach {v w} [list 2 16 40 16 1 32 $entry 32 $phoff 32 $shoff 32 0x05000200 32 52 16 32 16 \
			$n 16 40 16 [expr {$n + 2}] 16 [expr {$n + 1}] 16] {
		pack elf $v -intle $w $b
		incr b $w
	}
	set k 0
	foreach {addr data} $segments {
		set len [string bytelength $data]
		foreach v [list 1 [lindex $offsets $k] $addr $addr $len $len 5 4] {
			pack elf $v -intle 32 $b
			incr b 32
		}
		incr k
	}

	set sh ""
	set b 0
	set rows [list {0 0 0 0 0 0 0 0 0 0}]
	set k 0
	foreach {addr data} $segments {
		lappend rows [list [lindex $names $k] 1 6 $addr [lindex $offsets $k] \
			[string bytelength $data] 0 0 4 0]
		incr k
	}
	lappend rows [list 1 3 0 0 $shstr_off $shstr_len 0 0 1 0]
	foreach row $rows {
		foreach v $row {
			pack sh $v -intle 32 $b
			incr b 32
		}
	}

	set f [open $path w]
	puts -nonewline $f $elf$payload$sh
	close $f
}

# Writes raw bytes to a file.
proc flash_write_bin {path data} {
	set f [open $path w]
	puts -nonewline $f $data
	close $f
}

# Reads len bytes at addr through the core and compares them with data; returns "" when equal,
# else a description of the first difference.
proc flash_compare {addr data} {
	set want [flash_bytes $data]
	set got [read_memory $addr 8 [llength $want]]
	for {set i 0} {$i < [llength $want]} {incr i} {
		if {[lindex $got $i] != [lindex $want $i]} {
			return [format "byte at 0x%08x: read 0x%02x, expected 0x%02x" [expr {$addr + $i}] \
				[lindex $got $i] [lindex $want $i]]
		}
	}
	return ""
}

# True if len bytes at addr all read 0xff.
proc flash_is_blank {addr len} {
	foreach v [read_memory $addr 8 $len] {
		if {$v != 0xff} {
			return 0
		}
	}
	return 1
}

# A scratch file name for this test run.
proc flash_tmp {name} {
	set dir /tmp
	if {[info exists ::env(TMPDIR)]} {
		set dir $::env(TMPDIR)
	}
	return "$dir/h5flash-[pid]-$name"
}

# The output of a command (its messages and log lines included) and whether it failed:
# returns {status text}
proc flash_run {script} {
	set status [catch {capture $script} text]
	return [list $status $text]
}

# Probes the user bank and checks geometry against what the part must have.
proc flash_check_probe {part_name size_kb} {
	h5_check_output "probe names the part $part_name" {flash probe 0} $part_name
	h5_check_equal "the user bank is $size_kb KiB" {
		set size 0
		foreach b [flash list] {
			if {[dict get $b base] == 0x08000000} {
				set size [dict get $b size]
			}
		}
		expr {$size / 1024}
	} $size_kb
	h5_check_output "flash info shows 8 KiB sectors in two banks" {flash info 0} \
		"2 banks of [expr {$size_kb / 16}] x 8 KiB sectors"
}

# Programs an ELF with one section in each bank (a length that is not a multiple of 16 in
# bank 2), verifies it, and reads it back through the core.
proc flash_check_program_both_banks {size_kb {base 0x08000000}} {
	set half [expr {$size_kb * 1024 / 2}]
	set a1 [expr {$base + 0x2000}]
	set d1 [flash_pattern 1 0x1800]
	set a2 [expr {$base + $half + 0x40}]
	set d2 [flash_pattern 2 0x1233]
	set elf [flash_tmp both-banks.elf]
	flash_write_elf $elf [list $a1 $d1 $a2 $d2]

	h5_check "program of an ELF with a section in each bank succeeds" {
		program $elf verify
		expr 1
	}
	h5_check_equal "bank 1 section reads back" {flash_compare $a1 $d1} ""
	h5_check_equal "bank 2 section reads back (unaligned length)" {flash_compare $a2 $d2} ""
	h5_check "the padding of the last flash word of bank 2 is erased (0xFF)" {
		flash_is_blank [expr {$a2 + 0x1233}] [expr {16 - 0x1233 % 16}]
	}
	h5_check "verify_image agrees" {
		verify_image $elf
		expr 1
	}
	file delete $elf
}

# TrustZone on, Open: bank 1 secure by watermark, bank 2 non-secure, then Provisioning and
# TZ-Closed (no DA configuration: -confirm). True when the device reports TZ-Closed; the new
# state acts after the next reset.
proc flash_enter_tz_closed {} {
	stm32h5x option_write 0 0xE4 0x007F0000
	stm32h5x option_write 0 0x1E4 0x0000007F
	stm32h5x product_state Provisioning
	stm32h5x product_state TZ-Closed -confirm
	expr {(([stm32h5x option_read 0 0x50] >> 8) & 0xff) == 0xc6}
}

# GDB as users drive it: serves GDB on a port derived from the simulator's, and returns that
# port. Call before init.
proc flash_gdb_port {} {
	set port [expr {30000 + $::env(H5SIM_PORT) % 20000}]
	h5_server_port gdb $port
	return $port
}

# Starts gdb-multiarch in the background on ELF: "target extended-remote", "monitor reset
# halt", then PYTHON (Python run inside GDB, with report(ok, name, detail), which sends a TAP
# line through "monitor h5_report", run(command), which returns a command's output, and
# load_and_compare(size, sections): GDB's load, then compare-sections, both checked), then
# the GDB commands in AFTER. GDB ends the session with "monitor h5_done" and deletes ELF.
proc flash_gdb_start {port elf python after} {
	set script [flash_tmp [file rootname [file tail $elf]].cmd]
	set out [flash_tmp [file rootname [file tail $elf]].out]
	set fd [open $script w]
	puts $fd "set confirm off
set pagination off
target extended-remote :$port
monitor reset halt
python
import gdb
def report(ok, name, detail):
    detail = ' | '.join(detail.replace('{', '(').replace('}', ')').splitlines())
    gdb.execute('monitor h5_report %d {%s} {%s}' % (1 if ok else 0, name, detail))
def run(command):
    try:
        return gdb.execute(command, to_string=True)
    except gdb.error as e:
        return 'gdb error: %s' % e
def load_and_compare(size, sections):
    out = run('load')
    report('load size %d' % size in out, 'gdb load writes %d bytes' % size, out)
    out = run('compare-sections')
    report('MIS-MATCHED' not in out and out.count(': matched') == sections,
           'compare-sections finds the %d section(s) matched' % sections, out)
$python
end
$after
monitor file delete $elf $script $out
monitor h5_done"
	close $fd
	# GDB's own output goes to a file: the monitor commands it sends print the TAP lines here
	if {[catch {exec gdb-multiarch -q -batch -nx -x $script $elf > $out 2>@1 &} err]} {
		h5_report 0 "gdb-multiarch starts" $err
		h5_done
	}
}

# SPDX-License-Identifier: GPL-2.0-or-later
# h5sim: --part H563
# timeout: 150
#
# GDB as users drive it: gdb-multiarch, "target extended-remote", "load" of an ELF with a
# segment in each bank (the last one of an unaligned length), then "compare-sections". GDB
# reports its results back through "monitor h5_report" and ends the session with h5_done.

source [find flash_helpers.tcl]

set gdb_port_number [expr {30000 + $::env(H5SIM_PORT) % 20000}]
h5_server_port gdb $gdb_port_number

set elf [flash_tmp gdb.elf]
flash_write_elf $elf [list 0x08000000 [flash_pattern 60 0x3000] 0x08100000 [flash_pattern 61 0x1357]]
set gdb_script [flash_tmp gdb.cmd]
set fd [open $gdb_script w]
puts $fd "set confirm off
set pagination off
target extended-remote :$gdb_port_number
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
out = run('load')
report('load size 17239' in out, 'gdb load writes both sections (17239 bytes)', out)
out = run('compare-sections')
report('MIS-MATCHED' not in out and out.count(': matched') == 2,
       'compare-sections finds both sections matched', out)
end
monitor h5_check {the padding after the bank 2 segment reads 0xFF} {flash_is_blank 0x08101357 9}
monitor file delete $elf $gdb_script [flash_tmp gdb.out]
monitor h5_done
"
close $fd

init
reset halt
# GDB's own output goes to a file: the monitor commands it sends print the TAP lines here
if {[catch {exec gdb-multiarch -q -batch -nx -x $gdb_script $elf > [flash_tmp gdb.out] 2>@1 &} err]} {
	h5_report 0 "gdb-multiarch starts" $err
	h5_done
}
# OpenOCD now serves GDB; GDB ends the session with "monitor h5_done"

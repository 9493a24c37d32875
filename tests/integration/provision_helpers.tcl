# SPDX-License-Identifier: GPL-2.0-or-later
#
# Helpers of the stm32h5x::provision tests (test_provision_*.tcl): the test image, a fixed
# pattern whose sector CRC the tests' "# expect-dump:" lines give (zlib.crc32 of the image
# bytes followed by 0xFF up to the 8 KiB sector, computed outside), and a byte-list compare.

# the pattern byte at offset i
proc provision_image_byte {i} {
	expr {($i * 7 + 3) & 0x7f}
}

# make_image PATH N: writes the first N bytes of the pattern to PATH
proc make_image {path n} {
	set f [open $path wb]
	for {set i 0} {$i < $n} {incr i} {
		puts -nonewline $f [format %c [provision_image_byte $i]]
	}
	close $f
}

# image_bytes N: the first N bytes of the pattern, as a list of numbers
proc image_bytes {n} {
	set l {}
	for {set i 0} {$i < $n} {incr i} {
		lappend l [provision_image_byte $i]
	}
	return $l
}

# same_bytes A B: 1 if the two lists of numbers are equal
proc same_bytes {a b} {
	if {[llength $a] != [llength $b]} {
		return 0
	}
	foreach x $a y $b {
		if {$x != $y} {
			return 0
		}
	}
	return 1
}

# provision_start_h563: the start of a test on a simulated NUCLEO-H563ZI: ST's samples in $P,
# the root key in $key, the crypto setting the board file gives (0), then init and reset halt
proc provision_start_h563 {} {
	global P key H5_SAMPLES
	set P $H5_SAMPLES/NUCLEO-H563ZI
	set key $P/Keys/key_1_root_pub.pem
	set ::stm32h5x::settings(crypto) 0
	init
	reset halt
}

#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# h5sim --fault-da MODE: the DA device misbehaves as the mode says. For each mode the test
# enters DA through the raw mailbox (entry word under SRST, Provisioning 0x17), sends one
# DISCOVERY request (command 0x0001, no data) and collects every word the device offers.
#   none       : the entry word is echoed; the response is SUCCESS with data_count = data words
#   silent     : no echo, no response word at all
#   garbage    : the echo comes, then 2..9 words that are not a well-formed response
#   bad_length : the echo comes, then SUCCESS whose data_count is one more than the data sent
. "$(dirname "$0")/lib.sh"

da_session='
init
adapter assert srst
stm32h5.ap0 mww 0xE0044100 0x53544441
adapter deassert srst
# ACK register: bit0 host word pending, bit1 device word pending (default layout). A read
# of ACK shows the flags as they were; the next device word arrives for the following read,
# so the collection stops after 4 reads in a row without a device word.
proc device_words {} {
	set words {}
	set idle 0
	for {set i 0} {$i < 256 && $idle < 4} {incr i} {
		set ack [rd32 stm32h5.ap0 0xE0044108]
		if {$ack eq "error" || !($ack & 2)} {
			incr idle
			continue
		}
		set idle 0
		lappend words [rd32 stm32h5.ap0 0xE0044104]
	}
	return $words
}
result echo [join [device_words] ,]
stm32h5.ap0 mww 0xE0044100 0x00010000
stm32h5.ap0 mww 0xE0044100 0x00000000
result response [join [device_words] ,]
shutdown'

# words N LIST: the Nth comma-separated word (0-based), or empty
word() {
	printf '%s\n' "$2" | tr ',' '\n' | sed -n "$(($1 + 1))p"
}
count() {
	if [ -z "$1" ]; then echo 0; else printf '%s\n' "$1" | tr ',' '\n' | wc -l | tr -d ' '; fi
}

# none: the reference behaviour
sim_start --part H563 --pstate 0x17
ocd none "$da_session"
sim_wait
good=$(result response)
check_eq "without a fault the entry word is echoed" 0x53544441 "$(result echo)"
check_eq "without a fault DISCOVERY answers SUCCESS" 0x00000000 "$(word 0 "$good")"
check_eq "without a fault data_count equals the data words that follow" \
	$(( $(count "$good") - 2 )) "$(( $(word 1 "$good") ))"
check_eq "the dump names the fault mode none" none "$(dump_value da.fault:)"

# silent: never answers
sim_start --part H563 --pstate 0x17 --fault-da silent
ocd silent "$da_session"
sim_wait
check_eq "a silent device does not echo the entry word" "" "$(result echo)"
check_eq "a silent device offers no response word" "" "$(result response)"
check_eq "the silent device did take the request" 1 "$(dump_value da.commands_served:)"
check_eq "the dump names the fault mode silent" silent "$(dump_value da.fault:)"

# garbage: random words
sim_start --part H563 --pstate 0x17 --fault-da garbage
ocd garbage "$da_session"
sim_wait
junk=$(result response)
n=$(count "$junk")
check_eq "a garbage device still echoes the entry word" 0x53544441 "$(result echo)"
check "a garbage device answers 2..9 words" test "$n" -ge 2 -a "$n" -le 9
check "the garbage answer is not the well-formed response" test "$junk" != "$good"
check_eq "the dump names the fault mode garbage" garbage "$(dump_value da.fault:)"

# bad_length: data_count one more than the data
sim_start --part H563 --pstate 0x17 --fault-da bad_length
ocd bad_length "$da_session"
sim_wait
bad=$(result response)
check_eq "a bad_length device answers SUCCESS" 0x00000000 "$(word 0 "$bad")"
check_eq "a bad_length device sends the same number of words as a good one" \
	"$(count "$good")" "$(count "$bad")"
check_eq "a bad_length device announces one data word more than it sends" \
	$(( $(count "$bad") - 1 )) "$(( $(word 1 "$bad") ))"
check_eq "the dump names the fault mode bad_length" bad_length "$(dump_value da.fault:)"

# an unknown mode is refused by name
if "$H5SIM" --fault-da sometimes >"$work/bad.out" 2>&1; then
	not_ok "an unknown --fault-da mode is refused"
else
	check "an unknown --fault-da mode is refused, naming the known modes" \
		grep -q "unknown mode 'sometimes' (known: none silent garbage bad_length)" "$work/bad.out"
fi
finish

#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# A Debug Authentication credential set made only with this project's commands (stm32h5x da
# make_key, make_certificate, make_chain; stm32h5x obk make_da_config), no ST tool and no ST
# sample: provisioned into a simulated H563 (TrustZone on) and H533, it regresses them (full and
# partial) and reopens debug. A leaf wider than its parent and a chain bound to another SoC ID
# are refused locally with their reason. The external signer (-sign-cmd) signs a regression;
# its failures (no output, wrong length, wrong signature, too slow) are named. Prints TAP.
set -u
. "$H5_TOP_SRCDIR/tests/integration/lib.sh"

. "$H5_TOP_SRCDIR/tests/integration/cred_lib.sh"

C=$h5_work/cred
L=$h5_work/ocd.log
mkdir -p "$C"

# --- the credential set: three keys, three certificates, the chain, the DA configuration ------
h5_offline "stm32h5x da make_key -out $C/root.pem -public $C/root_pub.pem
stm32h5x da make_key -out $C/int.pem -public $C/int_pub.pem
stm32h5x da make_key -out $C/leaf.pem -public $C/leaf_pub.pem
stm32h5x da make_certificate -role root -subject-key $C/root_pub.pem -signer-key $C/root.pem -permissions 0x5077 -out $C/root.b64
stm32h5x da make_certificate -role intermediate -subject-key $C/int_pub.pem -signer-key $C/root.pem -parent $C/root.b64 -permissions 0x5077 -out $C/int.b64
stm32h5x da make_certificate -role leaf -subject-key $C/leaf_pub.pem -signer-key $C/int.pem -parent $C/int.b64 -permissions full_regression,partial_regression,debug_open_l3 -out $C/leaf.b64
stm32h5x da make_chain -out $C/chain.b64 $C/root.b64 $C/int.b64 $C/leaf.b64
stm32h5x obk make_da_config -out $C/da.obk -root-key $C/root_pub.pem"
h5_check "five commands make keys, certificates, chain and DA configuration" "wrote .*/chain.b64: 3 certificates, verified" "$L"
stat -c 'M: %a' "$C/leaf.pem" >"$h5_work/mode"
h5_check "a new private key file is readable by its owner only" "^M: 600$" "$h5_work/mode"
h5_absent "no key material is printed" "PRIVATE KEY|BEGIN" "$L"

h5_offline "catch {stm32h5x da make_certificate -role leaf -subject-key $C/leaf_pub.pem -signer-key $C/int.pem -parent $C/leaf.b64 -permissions bit3 -out $C/x.b64} m; echo \"E1: \$m\"
catch {stm32h5x da make_certificate -role leaf -subject-key $C/leaf_pub.pem -signer-key $C/int.pem -parent $C/int.b64 -permissions bit3 -out $C/x.b64} m; echo \"E2: \$m\"
catch {stm32h5x da make_key -out $C/root.pem} m; echo \"E3: \$m\""
h5_check "a leaf as parent is refused" "^E1: .*only a root or an intermediate can sign" "$L"
h5_check "a leaf wider than its parent is refused naming the permission" "^E2: .*must fit inside its parent's: permission bit 3 is not granted" "$L"
h5_check "an existing key file is never overwritten" "^E3: .*never overwritten" "$L"

# a chain assembled elsewhere whose leaf asks for more than its parent: an intermediate with the
# same key but a narrower mask stands in for the one the leaf was made under
h5_offline "stm32h5x da make_certificate -role intermediate -subject-key $C/int_pub.pem -signer-key $C/root.pem -parent $C/root.b64 -permissions full_regression -out $C/int_narrow.b64
catch {stm32h5x da make_chain -out $C/wide.b64 $C/root.b64 $C/int_narrow.b64 $C/leaf.b64} m; echo \"E: \$m\""
h5_check "make_chain refuses a leaf wider than its parent" "^E: .*certificate 3 \(leaf\) asks for more than its parent: permission debug_open_l3 \(bit 6\) is not granted by certificate 2 \(intermediate\)" "$L"
for f in root int_narrow leaf; do base64 -d "$C/$f.b64"; done | base64 -w0 >"$C/wide.b64"
h5_seed "--part H563 --pstate 0x72 --tzen 1" "$C/da.obk"
h5_session "--part H563" "catch {stm32h5x da auth -key $C/leaf.pem -cert $C/wide.b64 -permissions full_regression} m; echo \"E: \$m\""
h5_check "da auth refuses a chain whose leaf exceeds its parent's mask, naming both" "^E: .*wide.b64: certificate 3 \(leaf\) asks for more than its parent" "$L"
h5_pstate "the refused chain changed nothing (the device would have granted full_regression)" 0x72

AUTH="-key $C/leaf.pem -cert $C/chain.b64"
# provisioned by the lifecycle procedure (TrustZone set on, DA configuration from the own root
# key), then regressed by the lifecycle procedure with the own chain
for part in H563 H533; do
	h5_fresh_state
	# the encryption flag of a part with cryptography (H533) is 1; the H563 has none
	enc=0
	[ "$part" = H533 ] && enc=1
	h5_session "--part $part" "echo \"R: [stm32h5x::provision Closed -root-key $C/root_pub.pem -encrypt $enc -confirm]\""
	h5_check "$part: the own root key provisions a Closed chip" "^R: Closed$" "$L"
	h5_check "$part: TrustZone is on after the provisioning" "^ob optsr2 0xb4" "$h5_work/state"
	h5_session "--part $part" "echo \"R: [stm32h5x::regress full $AUTH -confirm]\""
	h5_check "$part: stm32h5x::regress full with the own chain returns Open" "^R: Open$" "$L"
	h5_pstate "$part: the chip is Open after the procedure's regression" 0xed
done

for part in H563 H533; do
	h5_seed "--part $part --pstate 0x72 --tzen 1" "$C/da.obk"
	cp "$h5_work/state" "$h5_work/state.closed"
	h5_session "--part $part" "echo \"R: [stm32h5x da auth $AUTH -permissions full_regression]\""
	h5_check "$part: the own chain's full regression reports Open" "^product_state Open" "$L"
	h5_pstate "$part: the chip is Open after the full regression" 0xed

	cp "$h5_work/state.closed" "$h5_work/state"
	h5_session "--part $part" "stm32h5x da auth $AUTH -permissions debug_open_l3; halt; echo \"S: [stm32h5.cpu curstate]\""
	h5_check "$part: after a debug reopen with the own chain the core halts" "^S: halted" "$L"
	h5_pstate "$part: a debug reopen leaves the chip Closed" 0x72

	h5_seed "--part $part --pstate 0xC6" "$C/da.obk"
	h5_state_ob optsr2 0xb4000000
	h5_session "--part $part" "echo \"R: [stm32h5x da auth $AUTH -permissions partial_regression]\""
	h5_check "$part: the own chain's partial regression reports TZ-Closed" "^product_state TZ-Closed" "$L"
done

# --- SoC ID: a chain bound to this device works, one bound to another is refused locally ------
h5_seed "--part H563 --pstate 0x72 --tzen 1" "$C/da.obk"
cp "$h5_work/state" "$h5_work/state.closed"
h5_session "--part H563" 'set d [stm32h5x da discover]; echo "ID: [dict get $d soc_id]"'
id=$(sed -n 's/^ID: //p' "$L")
h5_offline "stm32h5x da make_certificate -role leaf -subject-key $C/leaf_pub.pem -signer-key $C/int.pem -parent $C/int.b64 -permissions debug_open_l3 -soc-id $id -out $C/leaf_mine.b64
stm32h5x da make_chain -out $C/chain_mine.b64 $C/root.b64 $C/int.b64 $C/leaf_mine.b64
stm32h5x da make_certificate -role leaf -subject-key $C/leaf_pub.pem -signer-key $C/int.pem -parent $C/int.b64 -permissions full_regression -soc-id 0x01234567_89abcdef_01234567_89abcdef -out $C/leaf_other.b64
stm32h5x da make_chain -out $C/chain_other.b64 $C/root.b64 $C/int.b64 $C/leaf_other.b64"
h5_check "certificates bound to a SoC ID are made" "wrote .*/chain_other.b64" "$L"
h5_session "--part H563" "stm32h5x da auth -key $C/leaf.pem -cert $C/chain_mine.b64 -permissions debug_open_l3; halt; echo \"S: [stm32h5.cpu curstate]\""
h5_check "a chain bound to this device's SoC ID reopens debug" "^S: halted" "$L"
cp "$h5_work/state.closed" "$h5_work/state"
h5_session "--part H563" "catch {stm32h5x da auth -key $C/leaf.pem -cert $C/chain_other.b64 -permissions full_regression} m; echo \"E: \$m\""
h5_check "a chain bound to another SoC ID is refused naming both IDs" "^E: .*certificate 3 \(leaf\) is bound to SoC ID 0x01234567_89abcdef_01234567_89abcdef and the device is $id" "$L"
h5_pstate "the refused chain changed nothing (the simulator would have granted it)" 0x72

# --- the five-command recipe of docs/debug-authentication.md (root and leaf, no intermediate) ---
R=$h5_work/recipe
mkdir -p "$R"
h5_offline "cd $R
stm32h5x da make_key -out root.pem -public root_pub.pem
stm32h5x da make_key -out leaf.pem -public leaf_pub.pem
stm32h5x da make_certificate -role root -subject-key root_pub.pem -signer-key root.pem -permissions 0x5077 -out cert_root.b64
stm32h5x da make_certificate -role leaf -subject-key leaf_pub.pem -signer-key root.pem -parent cert_root.b64 -permissions full_regression,debug_open_l3 -chain-out cert_leaf_chain.b64
stm32h5x obk make_da_config -out DA_Config.obk -root-key root_pub.pem -trustzone on
catch {stm32h5x da make_certificate -role leaf -subject-key leaf_pub.pem -signer-key root.pem -permissions full_regression -chain-out x.b64} m; echo \"E: \$m\""
h5_check "the recipe's leaf command writes the two-certificate chain" "wrote cert_leaf_chain.b64: 2 certificates, verified, granting 0x00004040" "$L"
h5_check "-chain-out without a parent is refused" "^E: .*-chain-out appends the new certificate to its parent's chain: give -parent" "$L"
h5_seed "--part H563 --pstate 0x72 --tzen 1" "$R/DA_Config.obk"
h5_session "--part H563" "echo \"R: [stm32h5x da auth -key $R/leaf.pem -cert $R/cert_leaf_chain.b64 -permissions full_regression]\""
h5_check "the recipe's credential set regresses an H563" "^product_state Open" "$L"

# --- ST's package-creator XML --------------------------------------------------------------------
X=$H5_SAMPLES/NUCLEO-H533RE
h5_offline "stm32h5x obk make_da_config -xml $X/Config/DA_Config.xml -out $C/xml.obk
stm32h5x obk make_da_config -xml $X/Config/DA_ConfigWithPassword.xml -out $C/xml_pw.obk
catch {stm32h5x obk make_da_config -xml $X/Config/DA_Config.xml -permissions 0x4000 -out $C/x.obk} m; echo \"E: \$m\""
if cmp -s "$C/xml.obk" "$X/Binary/DA_Config.obk" && cmp -s "$C/xml_pw.obk" "$X/Binary/DA_ConfigWithPassword.obk"; then
	h5_tap 1 "obk make_da_config -xml gives ST's .obk files byte for byte"
else
	h5_tap 0 "obk make_da_config -xml gives ST's .obk files byte for byte"
fi
h5_check "-xml with -permissions is refused by name" "^E: -xml takes the credential, permissions" "$L"
h5_absent "the XML's password is not printed" "0123456789012345" "$L"

# --- the external signer ------------------------------------------------------------------------
signer() { echo "-sign-cmd {$H5_TEST_SIGNER $1 $C/leaf.pem} -cert $C/chain.b64"; }
h5_seed "--part H563 --pstate 0x72 --tzen 1" "$C/da.obk"
cp "$h5_work/state" "$h5_work/state.closed"
for mode in short fail garbage; do
	cp "$h5_work/state.closed" "$h5_work/state"
	h5_session "--part H563" "catch {stm32h5x da auth $(signer $mode) -permissions full_regression} m; echo \"E: \$m\""
	cp "$L" "$h5_work/ocd.$mode.log"
done
h5_check "a signer writing 32 bytes is named" "^E: .*wrote 32 bytes, expected 64 \(r\|\|s\) or a DER" "$h5_work/ocd.short.log"
h5_check "a failing signer is named with its exit status" "^E: .*signing command failed \(exit status 3\)" "$h5_work/ocd.fail.log"
h5_check "a signer returning a wrong signature is named" "^E: .*signing command returned a signature that does not verify" "$h5_work/ocd.garbage.log"
h5_pstate "a failed signer changes nothing" 0x72
cp "$h5_work/state.closed" "$h5_work/state"
h5_session "--part H563" "stm32h5x da signer_config timeout_ms 500; catch {stm32h5x da auth $(signer slow) -permissions full_regression} m; echo \"E: \$m\""
h5_check "a slow signer is stopped after the timeout and named" "^E: .*did not answer within 500 ms and was stopped" "$L"
h5_pstate "a slow signer changes nothing" 0x72
cp "$h5_work/state.closed" "$h5_work/state"
h5_session "--part H563" "stm32h5x da auth $(signer der) -permissions debug_open_l3; halt; echo \"S: [stm32h5.cpu curstate]\""
h5_check "a DER-answering signer reopens debug" "^S: halted" "$L"
cp "$h5_work/state.closed" "$h5_work/state"
h5_session "--part H563" "echo \"R: [stm32h5x::reopen_debug $(signer raw) -level 3]\"; halt; echo \"S: [stm32h5.cpu curstate]\""
h5_check "stm32h5x::reopen_debug takes -sign-cmd" "^S: halted" "$L"
cp "$h5_work/state.closed" "$h5_work/state"
h5_session "--part H563" "echo \"R: [stm32h5x da auth $(signer raw) -permissions full_regression]\""
h5_check "a raw r||s signer signs a full regression" "^product_state Open" "$L"
h5_pstate "the signer's full regression leaves the chip Open" 0xed
h5_offline "stm32h5x da make_certificate -role leaf -subject-key $C/leaf_pub.pem -sign-cmd {$H5_TEST_SIGNER der $C/int.pem} -parent $C/int.b64 -permissions full_regression -out $C/leaf_cmd.b64
stm32h5x da make_chain -out $C/chain_cmd.b64 $C/root.b64 $C/int.b64 $C/leaf_cmd.b64"
h5_check "a signing command signs a certificate" "wrote .*/chain_cmd.b64: 3 certificates, verified" "$L"

h5_finish

# SPDX-License-Identifier: GPL-2.0-or-later
#
# Sourced by the production bench and tests: the sample production recipe they run.
#
# sample_recipe FILE NAME: writes a recipe for a simulated NUCLEO-H563ZI with ST's sample root
# key (certificate DA, TrustZone on), final state Closed, one secure image app.bin (beside the
# recipe) at 0x0C000000 and one option byte. Needs H5_TOP_SRCDIR.
sample_recipe() {
	cat >"$1" <<EOR
# a product: secure image at the start of the flash, Closed, certificate DA
name         $2
part         H563
state        Closed
credential   {root-key $H5_TOP_SRCDIR/tests/vectors/st-samples/NUCLEO-H563ZI/Keys/key_1_root_pub.pem}
images       { {app.bin 0x0C000000} }
option_bytes {BOR_LEV 2}
EOR
}

#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Installs the Debian 12 packages this project builds and tests with.
# Idempotent: packages already present are left alone. Uses sudo when not root.
set -eu

# Build OpenOCD (0.12.0 or master) from source (autoreconf is required, see README "Build").
PKGS_OPENOCD="build-essential pkg-config autoconf automake libtool texinfo dpkg-dev
 libjim-dev libusb-1.0-0-dev libhidapi-dev libftdi1-dev libjaylink-dev libcapstone-dev"
# Our own code: mbedTLS for DA crypto, expat for ST's package-creator XML, p11-kit's PKCS#11
# header, Unicorn for the simulator's CPU, cmocka for unit tests.
PKGS_PROJECT="libmbedtls-dev libexpat1-dev libp11-kit-dev libunicorn-dev libcmocka-dev"
# Tests and tools: gdb-multiarch (GDB load test), clang + its runtime (libFuzzer, only a
# Recommends of clang), valgrind (memcheck of the simulator), the Arm cross compiler
# (flash loader regeneration and the simulator's test routines), openocd (stock binary the
# simulator is checked against), tclsh for the test driver, SoftHSM2 and OpenSC's pkcs11-tool
# (a PKCS#11 token for the HSM signing test); git, perl and xz-utils for the OpenOCD master
# build and make upstream-series (the snapshot's .tar.xz, git am, checkpatch.pl and its SPDX
# check, which needs python3-ply).
PKGS_TEST="gdb-multiarch clang libclang-rt-14-dev valgrind gcc-arm-none-eabi binutils-arm-none-eabi openocd tcl
 softhsm2 opensc procps git perl xz-utils python3-ply"

if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi

missing=""
for p in $PKGS_OPENOCD $PKGS_PROJECT $PKGS_TEST; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
		missing="$missing $p"
	fi
done

if [ -z "$missing" ]; then
	echo "install-deps: all Debian packages already installed"
	exit 0
fi

echo "install-deps: installing Debian packages:$missing"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
echo "install-deps: done"

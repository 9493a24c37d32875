/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A minimal flash routine for the simulator tests: unlock NSCR with the two NSKEYR keys, set
 * PG, program two 16-byte flash words at 0x08000000 (four 32-bit stores each, then wait until
 * NSSR.BSY|WBNE|DBNE clear), keep NSSR in r4, read word 0 + 8 back through the CPU into r6,
 * clear PG and stop on BKPT (h5-flash-ob.md §3.3, §5.2, §5.3).
 * Word 0 is a vector table (initial SP, reset handler 0x08000011); word 1 is the reset handler:
 * "movs r0, #0x42; bkpt #1", so a later reset runs code from flash.
 */
	.syntax unified
	.cpu cortex-m33
	.thumb

	.global start
start:
	ldr	r0, =0x40022000		/* FLASH, non-secure registers */
	ldr	r3, =0x45670123
	str	r3, [r0, #0x04]		/* NSKEYR key 1 */
	ldr	r3, =0xCDEF89AB
	str	r3, [r0, #0x04]		/* NSKEYR key 2 */
	ldr	r5, [r0, #0x28]		/* NSCR after unlock: LOCK must be 0 */
	movs	r3, #2
	str	r3, [r0, #0x28]		/* NSCR = PG */
	ldr	r1, =0x08000000
	adr	r2, data
	movs	r7, #2			/* flash words to program */
word:
	ldr	r3, [r2, #0]
	str	r3, [r1, #0]
	ldr	r3, [r2, #4]
	str	r3, [r1, #4]
	ldr	r3, [r2, #8]
	str	r3, [r1, #8]
	ldr	r3, [r2, #12]
	str	r3, [r1, #12]
wait:
	ldr	r3, [r0, #0x20]		/* NSSR */
	tst	r3, #0xB		/* BSY | WBNE | DBNE */
	bne	wait
	adds	r1, #16
	adds	r2, #16
	subs	r7, #1
	bne	word
	ldr	r4, [r0, #0x20]		/* final NSSR */
	ldr	r1, =0x08000000
	ldr	r6, [r1, #8]		/* data read of flash by the CPU */
	movs	r3, #0
	str	r3, [r0, #0x28]		/* NSCR = 0 */
	.global done
done:
	bkpt	#0

	.align	2
data:
	.word	0x20001000, 0x08000011, 0xCAFEF00D, 0x12345678
	.word	0xBE012042, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF
	.ltorg

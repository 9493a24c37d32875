/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Calls RSSLIB NSC.DataProvisioning through the function table at 0x0BF9FB68 twice: once
 * with the source in SRAM3 (r4 = result) and once with the source in SRAM1 (r5 = result),
 * then stops on BKPT (h5-flash-ob.md §2.1, §6.3).
 */
	.syntax unified
	.cpu cortex-m33
	.thumb

	.global start
start:
	ldr	r6, =0x0BF9FB68
	ldr	r3, [r6]
	adr	r0, conf_sram3
	blx	r3
	mov	r4, r0
	ldr	r3, [r6]
	adr	r0, conf_sram1
	blx	r3
	mov	r5, r0
	.global done
done:
	bkpt	#0

	.align	2
conf_sram3:	/* pSource, pDestination, Size, DoEncryption (plain), Crc */
	.word	0x20050000, 0x0FFD0100, 0x60, 0xCACA0AA0, 0
conf_sram1:
	.word	0x20000400, 0x0FFD0100, 0x60, 0xCACA0AA0, 0
	.ltorg

// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * On-target flash loader of the stm32h5x driver: takes 16-byte flash words from the FIFO that
 * OpenOCD's target_run_flash_async_algorithm fills in the work area and programs them, one
 * 128-bit word at a time (4 x 32-bit stores, then wait for BSY/WBNE/DBNE). On a flash error it
 * sets the FIFO read pointer to 0 and stops; the host names the error and clears it (CCR).
 *
 * Entry (r0..r3): work area, FIFO end, flash address, number of flash words. sp is set by the
 * host to the top of the work area's stack. Ends with bkpt.
 */

#define STM32H5X_LOADER_BUILD
#include <stdint.h>
#include "../../../../src/flash/nor/stm32h5x.h"

void write(volatile struct stm32h5x_work_area *work_area, uint8_t *fifo_end,
		uint8_t *address, uint32_t count)
{
	volatile uint32_t *flash_sr = (volatile uint32_t *)work_area->params.flash_sr_addr;
	volatile uint32_t *flash_cr = (volatile uint32_t *)work_area->params.flash_cr_addr;
	const uint32_t error_mask = work_area->params.error_mask;
	uint8_t *fifo_start = (uint8_t *)&work_area->fifo + sizeof(work_area->fifo);
	uint8_t *rp = (uint8_t *)work_area->fifo.rp;
	uint32_t done = 0;

	*flash_cr = STM32H5X_CR_PG;

	while (count) {
		uint32_t wp;

		/* wait for a flash word in the FIFO; wp = 0 means the host aborted */
		do {
			wp = work_area->fifo.wp;
			if (wp == 0)
				goto end;
		} while (wp == (uint32_t)rp);

		const uint32_t *src = (const uint32_t *)rp;
		volatile uint32_t *dst = (volatile uint32_t *)address;
		dst[0] = src[0];
		dst[1] = src[1];
		dst[2] = src[2];
		dst[3] = src[3];

		while (*flash_sr & STM32H5X_SR_BUSY_MASK)
			;

		if (*flash_sr & error_mask) {
			work_area->fifo.rp = 0;
			goto end;
		}

		address += STM32H5X_FLASH_WORD;
		rp += STM32H5X_FLASH_WORD;
		if (rp >= fifo_end)
			rp = fifo_start;
		work_area->fifo.rp = (uint32_t)rp;
		work_area->params.words_done = ++done;
		count--;
	}

end:
	*flash_cr = 0;
	__asm("bkpt 0");
}

// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * h5sim: the core register file as DCRSR/DCRDR see it (REGSEL): R0..R12, SP, LR, PC
 * (DebugReturnAddress), xPSR, MSP, PSP, CONTROL/FAULTMASK/BASEPRI/PRIMASK (0x14, and 0x22/0x23
 * for the secure/non-secure views), FPSCR (0x21), S0..S31 (0x40..0x5F) and the ARMv8-M
 * MSP_NS/PSP_NS/MSP_S/PSP_S/limits (0x18..0x1F). Unicorn holds the current security state's
 * registers; the other state's banked ones are plain storage.
 */

#include "cpu_internal.h"

static int special_reg(unsigned int field)
{
	static const int regs[4] = { UC_ARM_REG_PRIMASK, UC_ARM_REG_BASEPRI, UC_ARM_REG_FAULTMASK,
		UC_ARM_REG_CONTROL };
	return regs[field];
}

bool core_reg_read(struct h5sim_cpu *cpu, unsigned int regsel, uint32_t *value)
{
	*value = 0;
	if (regsel <= 12) {
		uc_reg_read(cpu->uc, UC_ARM_REG_R0 + (int)regsel, value);
	} else if (regsel == 13) {
		uc_reg_read(cpu->uc, UC_ARM_REG_SP, value);
	} else if (regsel == 14) {
		uc_reg_read(cpu->uc, UC_ARM_REG_LR, value);
	} else if (regsel == 15) {
		uc_reg_read(cpu->uc, UC_ARM_REG_PC, value);
		*value &= ~1u;
	} else if (regsel == 16) {
		uc_reg_read(cpu->uc, UC_ARM_REG_XPSR, value);
	} else if (regsel == 17) {
		uc_reg_read(cpu->uc, UC_ARM_REG_MSP, value);
	} else if (regsel == 18) {
		uc_reg_read(cpu->uc, UC_ARM_REG_PSP, value);
	} else if (regsel == 0x14 || regsel == (cpu->secure ? 0x22u : 0x23u)) {
		for (unsigned int f = 0; f < 4; f++) {
			uint32_t v = 0;
			uc_reg_read(cpu->uc, special_reg(f), &v);
			*value |= (v & 0xFF) << (8 * f);
		}
	} else if (regsel == 0x22 || regsel == 0x23) {
		*value = cpu->special_other;
	} else if (regsel >= 0x18 && regsel <= 0x1F) {
		/* MSP_NS, PSP_NS, MSP_S, PSP_S: the current state's pair lives in Unicorn */
		if (regsel <= 0x1B && ((regsel >= 0x1A) == cpu->secure))
			uc_reg_read(cpu->uc, (regsel & 1) ? UC_ARM_REG_PSP : UC_ARM_REG_MSP, value);
		else
			*value = cpu->banked[regsel - 0x18];
	} else if (regsel == 0x21) {
		uc_reg_read(cpu->uc, UC_ARM_REG_FPSCR, value);
	} else if (regsel >= 0x40 && regsel <= 0x5F) {
		uc_reg_read(cpu->uc, UC_ARM_REG_S0 + (int)(regsel - 0x40), value);
	} else {
		return false;
	}
	return true;
}

bool core_reg_write(struct h5sim_cpu *cpu, unsigned int regsel, uint32_t value)
{
	if (regsel <= 12) {
		uc_reg_write(cpu->uc, UC_ARM_REG_R0 + (int)regsel, &value);
	} else if (regsel == 13) {
		uc_reg_write(cpu->uc, UC_ARM_REG_SP, &value);
	} else if (regsel == 14) {
		uc_reg_write(cpu->uc, UC_ARM_REG_LR, &value);
	} else if (regsel == 15) {
		uint32_t pc = value | 1u;
		uc_reg_write(cpu->uc, UC_ARM_REG_PC, &pc);
	} else if (regsel == 16) {
		uc_reg_write(cpu->uc, UC_ARM_REG_XPSR, &value);
	} else if (regsel == 17) {
		uc_reg_write(cpu->uc, UC_ARM_REG_MSP, &value);
	} else if (regsel == 18) {
		uc_reg_write(cpu->uc, UC_ARM_REG_PSP, &value);
	} else if (regsel == 0x14 || regsel == (cpu->secure ? 0x22u : 0x23u)) {
		for (unsigned int f = 0; f < 4; f++) {
			uint32_t v = (value >> (8 * f)) & 0xFF;
			uc_reg_write(cpu->uc, special_reg(f), &v);
		}
	} else if (regsel == 0x22 || regsel == 0x23) {
		cpu->special_other = value;
	} else if (regsel >= 0x18 && regsel <= 0x1F) {
		if (regsel <= 0x1B && ((regsel >= 0x1A) == cpu->secure))
			uc_reg_write(cpu->uc, (regsel & 1) ? UC_ARM_REG_PSP : UC_ARM_REG_MSP, &value);
		else
			cpu->banked[regsel - 0x18] = value;
	} else if (regsel == 0x21) {
		uc_reg_write(cpu->uc, UC_ARM_REG_FPSCR, &value);
	} else if (regsel >= 0x40 && regsel <= 0x5F) {
		uc_reg_write(cpu->uc, UC_ARM_REG_S0 + (int)(regsel - 0x40), &value);
	} else {
		return false;
	}
	return true;
}

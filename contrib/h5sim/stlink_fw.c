// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * h5sim: the ST-Link firmware model. Written from what OpenOCD 0.12.0's stlink driver sends
 * and expects (openocd-internals.md §3.9); ST publishes no specification.
 *
 * Commands (first byte; 0xF2 = debug command, its second byte is the sub-command):
 *
 *   | command                    | code      | reply (bytes)                              |
 *   |----------------------------|-----------|--------------------------------------------|
 *   | GET_VERSION                | F1        | 6: be16 v<<12|J<<6|S, le16 VID, le16 PID   |
 *   | GET_VERSION_EX (V3)        | FB        | 12: V S J M B . . . VID PID                |
 *   | GET_CURRENT_MODE           | F5        | 2: mode (1 mass storage, 2 debug)          |
 *   | GET_TARGET_VOLTAGE         | F7        | 8: two ADC words (3.3 V)                   |
 *   | ENTER SWD / JTAG           | F2 30 A3/A4 | 2: status                                |
 *   | EXIT                       | F2 21     | none                                       |
 *   | READ_IDCODES               | F2 31     | 12: status, DPIDR (JTAG: IDCODE)           |
 *   | SWD/JTAG_SET_FREQ          | F2 43/44  | 2: status                                  |
 *   | GET/SET_COM_FREQ (V3)      | F2 62/61  | 52 / 8                                     |
 *   | DRIVE_NRST 0 low 1 high 2 pulse | F2 3C | 2: status                                 |
 *   | INIT_AP / CLOSE_AP_DBG     | F2 4B/4C  | 2: status                                  |
 *   | READ/WRITE_DAP_REG port reg | F2 45/46 | 8: status, value / 2                       |
 *   | READMEM/WRITEMEM 8/16/32   | F2 0C/0D 47/48 07/08 | data / none                     |
 *   | READ/WRITEMEM_32 no incr.  | F2 54/50  | data / none                                |
 *   | GETLASTRWSTATUS(2)         | F2 3B/3E  | 2 / 12: status, fault address              |
 *   | hla: READ/WRITEDEBUGREG    | F2 36/35  | 8 / 2                                      |
 *   | hla: READREG/WRITEREG      | F2 33/34  | 8 / 2                                      |
 *   | hla: READALLREGS           | F2 3A     | 88: status, r0..r15, xPSR, MSP, PSP, ...   |
 *   | hla: RESETSYS              | F2 32     | 2                                          |
 *   | GETSTATUS/FORCEDEBUG/RUNCORE/STEPCORE | F2 01/02/09/0A | 2                      |
 *
 * Memory commands: F2 op, le32 address, le16 length, AP number, CSW bits 31:8 (le24). AP 0
 * with no CSW bits means the firmware's default AP (settings.default_ap; the hla path) with its
 * reset CSW. Firmware before V2J32 (no CSW support) ignores both bytes. 8-bit transfers are at
 * most 64 bytes (512 from V3J6), 16/32-bit ones 6144 bytes and aligned. An AP needs INIT_AP
 * before anything but its IDR (firmware with AP_INIT: V2J28+, V3), else status 0x1D.
 * The firmware drives the DP itself: SELECT before each AP access, TAR rewritten at every
 * 1 KiB boundary. A memory transfer error stops the command: GETLASTRWSTATUS2 reports 0x11 and
 * the address, and the firmware clears the sticky error. A register access that errors
 * reports 0x11 and leaves STICKYERR for the host to clear (DP ABORT, register 0 of port
 * 0xFFFF; in SWD its STKERRCLR/ORUNERRCLR/STKCMPCLR bits work as on a SW-DP). With STICKYERR
 * already set, AP accesses answer FAULT (status 0x19) without being performed.
 * Time: each command is one USB round trip (USB_ROUND_TRIP_TCK), each DP/AP transfer
 * SWD_TRANSFER_TCK clocks of the simulated debug clock.
 */

#include <string.h>

#include "chip.h"
#include "dp.h"
#include "stlink_fw.h"

/* first byte of a command */
#define CMD_GET_VERSION		0xF1
#define CMD_DEBUG		0xF2
#define CMD_DFU			0xF3
#define CMD_GET_CURRENT_MODE	0xF5
#define CMD_GET_TARGET_VOLTAGE	0xF7
#define CMD_GET_VERSION_EX	0xFB

/* debug sub-commands */
#define DBG_GETSTATUS		0x01
#define DBG_FORCEDEBUG		0x02
#define DBG_READMEM_32		0x07
#define DBG_WRITEMEM_32		0x08
#define DBG_RUNCORE		0x09
#define DBG_STEPCORE		0x0A
#define DBG_READMEM_8		0x0C
#define DBG_WRITEMEM_8		0x0D
#define DBG_APIV1_ENTER		0x20
#define DBG_EXIT		0x21
#define DBG_READCOREID		0x22
#define DBG_APIV2_ENTER		0x30
#define DBG_READ_IDCODES	0x31
#define DBG_RESETSYS		0x32
#define DBG_READREG		0x33
#define DBG_WRITEREG		0x34
#define DBG_WRITEDEBUGREG	0x35
#define DBG_READDEBUGREG	0x36
#define DBG_READALLREGS		0x3A
#define DBG_GETLASTRWSTATUS	0x3B
#define DBG_DRIVE_NRST		0x3C
#define DBG_GETLASTRWSTATUS2	0x3E
#define DBG_SWD_SET_FREQ	0x43
#define DBG_JTAG_SET_FREQ	0x44
#define DBG_READ_DAP_REG	0x45
#define DBG_WRITE_DAP_REG	0x46
#define DBG_READMEM_16		0x47
#define DBG_WRITEMEM_16		0x48
#define DBG_INIT_AP		0x4B
#define DBG_CLOSE_AP		0x4C
#define DBG_WRITEMEM_32_NOINC	0x50
#define DBG_READMEM_32_NOINC	0x54
#define DBG_SET_COM_FREQ	0x61
#define DBG_GET_COM_FREQ	0x62

#define ENTER_SWD		0xA3
#define ENTER_JTAG		0xA4

/* status bytes */
#define ST_OK			0x80
#define ST_FAULT		0x81
#define ST_AP_FAULT		0x11
#define ST_AP_STICKY		0x19
#define ST_BAD_AP		0x1D

#define MODE_MASS		0x01
#define MODE_DEBUG		0x02

#define DP_PORT			0xFFFF
#define DP_ABORT		0x0
#define DP_SELECT		0x8
#define AP_CSW			0x00
#define AP_TAR			0x04
#define AP_DRW			0x0C
#define AP_IDR			0xFC

#define ST_VID			0x0483
#define PID_V2			0x3748
#define PID_V3E			0x374E

/* Cortex-M debug registers the hla core commands use */
#define DHCSR			0xE000EDF0u
#define DCRSR			0xE000EDF4u
#define DCRDR			0xE000EDF8u
#define AIRCR			0xE000ED0Cu
#define DBGKEY			0xA05F0000u
#define S_HALT			(1u << 17)
#define DCRSR_WNR		(1u << 16)

#define SWD_TRANSFER_TCK	46
#define USB_ROUND_TRIP_TCK	125
#define TAR_BLOCK		0x400u

static const uint32_t swd_khz[] = { 24000, 8000, 3300, 1000, 200, 50, 5 };
static const uint32_t jtag_khz[] = { 21333, 16000, 12000, 8000, 4000, 2000, 1000, 500, 250, 125 };

static uint32_t get_le16(const uint8_t *p)
{
	return p[0] | (uint32_t)p[1] << 8;
}

static uint32_t get_le32(const uint8_t *p)
{
	return get_le16(p) | get_le16(p + 2) << 16;
}

static void put_le32(uint8_t *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

static void put(uint8_t *in, uint32_t in_len, uint32_t off, uint32_t v, unsigned int bytes)
{
	for (unsigned int i = 0; i < bytes && off + i < in_len; i++)
		in[off + i] = (uint8_t)(v >> (8 * i));
}

bool stlink_fw_parse_version(const char *s, struct stlink_fw_settings *set)
{
	unsigned int v = 0;

	if (*s != 'V' && *s != 'v')
		return false;
	s++;
	while (*s >= '0' && *s <= '9')
		v = v * 10 + (unsigned int)(*s++ - '0');
	if (v != 2 && v != 3)
		return false;
	set->major = (uint8_t)v;
	set->jtag = set->swim = set->msd = set->bridge = 0;
	bool have_j = false;
	while (*s) {
		char c = *s++;
		unsigned int n = 0, digits = 0;
		while (*s >= '0' && *s <= '9' && digits < 3) {
			n = n * 10 + (unsigned int)(*s++ - '0');
			digits++;
		}
		if (!digits || n > 63)
			return false;
		switch (c) {
		case 'J': case 'j':
			set->jtag = (uint8_t)n;
			have_j = true;
			break;
		case 'S': case 's':
			set->swim = (uint8_t)n;
			break;
		case 'M': case 'm':
			set->msd = (uint8_t)n;
			break;
		case 'B': case 'b':
			set->bridge = (uint8_t)n;
			break;
		default:
			return false;
		}
	}
	return have_j;
}

/* feature thresholds of the firmware (as OpenOCD derives them from the version) */
static bool has_ap_init(const struct stlink_fw *fw)
{
	return fw->set->major == 3 || fw->set->jtag >= 28;
}

static bool has_csw(const struct stlink_fw *fw)
{
	return fw->set->major == 3 ? fw->set->jtag >= 2 : fw->set->jtag >= 32;
}

static bool has_dap_reg(const struct stlink_fw *fw)
{
	return fw->set->major == 3 || fw->set->jtag >= 24;
}

static unsigned int max_rw8(const struct stlink_fw *fw)
{
	return fw->set->major == 3 && fw->set->jtag >= 6 ? 512 : 64;
}

void stlink_fw_init(struct stlink_fw *fw, const struct stlink_fw_settings *set,
		struct h5sim_chip *chip, struct h5sim_dp *dp)
{
	memset(fw, 0, sizeof(*fw));
	fw->set = set;
	fw->chip = chip;
	fw->dp = dp;
	fw->mode = MODE_MASS;
	fw->last_rw_status = ST_OK;
}

void stlink_fw_disconnect(struct stlink_fw *fw)
{
	fw->mode = MODE_MASS;
	memset(fw->ap_open, 0, sizeof(fw->ap_open));
}

static bool ap_is_open(const struct stlink_fw *fw, unsigned int ap)
{
	return !has_ap_init(fw) || (fw->ap_open[ap / 8] & (1u << (ap % 8)));
}

static void clocks(struct stlink_fw *fw, unsigned int n)
{
	for (unsigned int i = 0; i < n; i++)
		chip_tck(fw->chip);
}

/* One DP or AP transfer; the firmware retries WAIT itself. Returns a status byte. */
static uint8_t transfer(struct stlink_fw *fw, unsigned int ir, uint32_t a, bool rnw, uint32_t *data)
{
	struct h5sim_dp *dp = fw->dp;

	clocks(fw, SWD_TRANSFER_TCK);
	if (ir == IR_APACC && (dp->sticky_err || dp->sticky_orun))
		return ST_AP_STICKY;	/* FAULT acknowledge: not performed */
	bool had_err = dp->sticky_err;
	dp_capture(dp, ir);
	if (dp->captured_wait)
		dp_capture(dp, ir);
	dp_update(dp, ir, (uint64_t)*data << 3 | ((a >> 2) & 3) << 1 | (rnw ? 1 : 0));
	if (rnw)
		*data = dp->read_result;
	return !had_err && dp->sticky_err ? ST_AP_FAULT : ST_OK;
}

static uint8_t dp_write_select(struct stlink_fw *fw, uint32_t select)
{
	if (fw->dp->select == select)
		return ST_OK;
	return transfer(fw, IR_DPACC, DP_SELECT, false, &select);
}

static uint8_t dp_reg(struct stlink_fw *fw, uint32_t reg, bool rnw, uint32_t *data)
{
	struct h5sim_dp *dp = fw->dp;
	uint32_t a = reg & 0xC, bank = (reg >> 4) & 0xF;

	if (a == DP_ABORT && !rnw) {
		clocks(fw, SWD_TRANSFER_TCK);
		if (fw->jtag) {
			dp_update(dp, IR_ABORT, (uint64_t)*data << 3);
			return ST_OK;
		}
		/* SW-DP ABORT: DAPABORT, STKCMPCLR, STKERRCLR, WDERRCLR, ORUNERRCLR */
		if (*data & 1)
			dp_update(dp, IR_ABORT, 1u << 3);
		if (*data & (1u << 1))
			dp->sticky_cmp = false;
		if (*data & (1u << 2))
			dp->sticky_err = false;
		if (*data & (1u << 4))
			dp->sticky_orun = false;
		return ST_OK;
	}
	uint32_t saved = dp->select;
	uint8_t st = ST_OK;
	if (bank)
		st = dp_write_select(fw, (saved & ~0xFu) | bank);
	if (st == ST_OK)
		st = transfer(fw, IR_DPACC, a, rnw, data);
	if (bank)
		dp_write_select(fw, saved);
	return st;
}

static uint8_t ap_reg(struct stlink_fw *fw, unsigned int ap, uint32_t reg, bool rnw, uint32_t *data)
{
	uint8_t st = dp_write_select(fw, ap << 24 | (reg & 0xF0));

	if (st != ST_OK)
		return st;
	return transfer(fw, IR_APACC, reg & 0xC, rnw, data);
}

static void clear_sticky(struct stlink_fw *fw)
{
	fw->dp->sticky_err = fw->dp->sticky_orun = fw->dp->sticky_cmp = false;
}

/*
 * count transfers of size bytes at addr through AP ap with CSW bits 31:8 csw_hi; data is
 * little-endian in buf. Stops at the first error (status, fault address recorded).
 */
static uint8_t mem_access(struct stlink_fw *fw, unsigned int ap, uint32_t csw_hi, uint32_t addr,
		unsigned int size, uint32_t len, bool inc, bool write, uint8_t *buf)
{
	uint32_t csw = (csw_hi & ~0xFFu) | (size == 1 ? 0 : size == 2 ? 1 : 2) | (inc ? 0x10 : 0);
	uint8_t st = ap_reg(fw, ap, AP_CSW, false, &csw);

	fw->last_rw_fault_addr = 0;
	for (uint32_t i = 0; st == ST_OK && i < len; i += size) {
		uint32_t a = inc ? addr + i : addr;
		if (i == 0 || (inc && !(a & (TAR_BLOCK - 1)))) {
			uint32_t tar = a;
			st = ap_reg(fw, ap, AP_TAR, false, &tar);
			if (st != ST_OK)
				break;
		}
		uint32_t shift = 8 * (a & 3), v = 0;
		if (write) {
			for (unsigned int k = 0; k < size; k++)
				v |= (uint32_t)buf[i + k] << (8 * k);
			v <<= shift;
			st = ap_reg(fw, ap, AP_DRW, false, &v);
		} else {
			st = ap_reg(fw, ap, AP_DRW, true, &v);
			v >>= shift;
			for (unsigned int k = 0; k < size; k++)
				buf[i + k] = (uint8_t)(v >> (8 * k));
		}
		if (st != ST_OK)
			fw->last_rw_fault_addr = a;
	}
	if (st != ST_OK) {
		chip_log(fw->chip, "stlink: %u-bit %s of %u bytes at 0x%08x on AP%u failed at 0x%08x (status 0x%02x)",
				8 * size, write ? "write" : "read", (unsigned int)len, addr, ap,
				fw->last_rw_fault_addr, st);
		clear_sticky(fw);
	}
	fw->cnt.mem_bytes += len;
	return st;
}

/* csw_hi for an AP when the host gives none: the AP's reset value */
static uint32_t default_csw(const struct stlink_fw *fw, unsigned int ap)
{
	return ap < 2 ? fw->dp->ap[ap].csw_reset & ~0xFFu : 0;
}

static void mem_command(struct stlink_fw *fw, const uint8_t *cmd, const uint8_t *out, uint32_t out_len,
		uint8_t *in, uint32_t in_len)
{
	uint8_t op = cmd[1];
	unsigned int size = op == DBG_READMEM_8 || op == DBG_WRITEMEM_8 ? 1 :
		op == DBG_READMEM_16 || op == DBG_WRITEMEM_16 ? 2 : 4;
	bool write = op == DBG_WRITEMEM_8 || op == DBG_WRITEMEM_16 || op == DBG_WRITEMEM_32 ||
		op == DBG_WRITEMEM_32_NOINC;
	bool inc = op != DBG_READMEM_32_NOINC && op != DBG_WRITEMEM_32_NOINC;
	uint32_t addr = get_le32(cmd + 2), len = get_le16(cmd + 6);
	unsigned int ap = cmd[8];
	uint32_t csw_hi = get_le32(cmd + 8) & ~0xFFu;
	uint8_t buf[6144];

	if (!has_csw(fw))
		ap = 0, csw_hi = 0;	/* old firmware: the bytes are not part of the command */
	if (len > (size == 1 ? max_rw8(fw) : sizeof(buf)) || (addr | len) & (size - 1) ||
			(write && out_len < len)) {
		fw->last_rw_status = ST_FAULT;
		return;
	}
	if (!ap_is_open(fw, ap)) {
		fw->last_rw_status = ST_BAD_AP;
		return;
	}
	if (ap == 0 && !csw_hi)
		ap = fw->set->default_ap;
	if (!csw_hi)
		csw_hi = default_csw(fw, ap);
	if (write && len)
		memcpy(buf, out, len);
	else
		memset(buf, 0, len);
	fw->last_rw_status = mem_access(fw, ap, csw_hi, addr, size, len, inc, write, buf);
	if (!write && in_len)
		memcpy(in, buf, len < in_len ? len : in_len);
}

/* one 32-bit word on the core's AP (the hla core commands) */
static uint8_t core_word(struct stlink_fw *fw, uint32_t addr, bool write, uint32_t *v)
{
	unsigned int ap = fw->set->default_ap;
	uint8_t b[4];

	put_le32(b, *v);
	uint8_t st = mem_access(fw, ap, default_csw(fw, ap), addr, 4, 4, true, write, b);
	*v = get_le32(b);
	return st;
}

static uint8_t core_reg(struct stlink_fw *fw, unsigned int regsel, bool write, uint32_t *v)
{
	uint32_t sel = regsel | (write ? DCRSR_WNR : 0);
	uint8_t st = ST_OK;

	if (write)
		st = core_word(fw, DCRDR, true, v);
	if (st == ST_OK)
		st = core_word(fw, DCRSR, true, &sel);
	if (st == ST_OK && !write)
		st = core_word(fw, DCRDR, false, v);
	return st;
}

static void version(struct stlink_fw *fw, uint8_t *in, uint32_t in_len)
{
	const struct stlink_fw_settings *s = fw->set;
	uint32_t v = s->major == 3 ? 3u << 12 : 2u << 12 | (uint32_t)s->jtag << 6 | s->swim;

	put(in, in_len, 0, (v >> 8) | (v & 0xFF) << 8, 2);	/* big-endian */
	put(in, in_len, 2, ST_VID, 2);
	put(in, in_len, 4, s->major == 3 ? PID_V3E : PID_V2, 2);
}

static void version_ex(struct stlink_fw *fw, uint8_t *in, uint32_t in_len)
{
	const struct stlink_fw_settings *s = fw->set;

	put(in, in_len, 0, s->major, 1);
	put(in, in_len, 1, s->swim, 1);
	put(in, in_len, 2, s->jtag, 1);
	put(in, in_len, 3, s->msd, 1);
	put(in, in_len, 4, s->bridge, 1);
	put(in, in_len, 8, ST_VID, 2);
	put(in, in_len, 10, PID_V3E, 2);
}

static void drive_nrst(struct stlink_fw *fw, uint8_t how)
{
	if (!fw->set->nrst_wired) {
		chip_log(fw->chip, "stlink: NRST %s: the pin is not wired to the chip",
				how == 0 ? "low" : how == 1 ? "high" : "pulse");
		return;
	}
	clocks(fw, SWD_TRANSFER_TCK);
	if (how == 0 || how == 2)
		chip_set_srst(fw->chip, true);
	if (how == 2)
		clocks(fw, USB_ROUND_TRIP_TCK);
	if (how == 1 || how == 2)
		chip_set_srst(fw->chip, false);
}

static void com_freq(struct stlink_fw *fw, const uint8_t *cmd, uint8_t *in, uint32_t in_len)
{
	bool jtag = cmd[2];
	const uint32_t *khz = jtag ? jtag_khz : swd_khz;
	unsigned int n = jtag ? sizeof(jtag_khz) / sizeof(jtag_khz[0]) : sizeof(swd_khz) / sizeof(swd_khz[0]);

	put(in, in_len, 0, ST_OK, 1);
	put(in, in_len, 8, n, 1);
	for (unsigned int i = 0; i < n; i++)
		put(in, in_len, 12 + 4 * i, khz[i], 4);
}

static uint8_t dap_reg_command(struct stlink_fw *fw, const uint8_t *cmd, uint32_t *v)
{
	unsigned int port = get_le16(cmd + 2), reg = get_le16(cmd + 4);
	bool rnw = cmd[1] == DBG_READ_DAP_REG;

	if (port == DP_PORT)
		return dp_reg(fw, reg, rnw, v);
	if (port > 255 || reg > 0xFF)
		return ST_FAULT;
	if (!(rnw && reg == AP_IDR) && !ap_is_open(fw, port))
		return ST_BAD_AP;
	return ap_reg(fw, port, reg, rnw, v);
}

static void debug_command(struct stlink_fw *fw, const uint8_t *cmd, const uint8_t *out, uint32_t out_len,
		uint8_t *in, uint32_t in_len)
{
	uint8_t st = ST_OK;
	uint32_t v = 0;

	switch (cmd[1]) {
	case DBG_APIV1_ENTER:
	case DBG_APIV2_ENTER:
		if (cmd[2] != ENTER_SWD && cmd[2] != ENTER_JTAG) {
			st = ST_FAULT;
			break;
		}
		fw->jtag = cmd[2] == ENTER_JTAG;
		fw->mode = MODE_DEBUG;
		st = dp_reg(fw, 0, true, &v);	/* line reset and DPIDR read */
		chip_log(fw->chip, "stlink: debug mode entered (%s)", fw->jtag ? "JTAG" : "SWD");
		break;
	case DBG_EXIT:
		stlink_fw_disconnect(fw);
		return;
	case DBG_READ_IDCODES:
	case DBG_READCOREID:
		if (fw->jtag)
			v = JTAG_IDCODE;
		else
			st = dp_reg(fw, 0, true, &v);
		if (cmd[1] == DBG_READCOREID) {
			put(in, in_len, 0, v, 4);
			return;
		}
		put(in, in_len, 4, v, 4);
		break;
	case DBG_SWD_SET_FREQ:
	case DBG_JTAG_SET_FREQ:
		break;
	case DBG_GET_COM_FREQ:
		if (fw->set->major != 3)
			break;
		com_freq(fw, cmd, in, in_len);
		return;
	case DBG_SET_COM_FREQ:
		put(in, in_len, 4, get_le32(cmd + 4), 4);
		break;
	case DBG_DRIVE_NRST:
		drive_nrst(fw, cmd[2]);
		break;
	case DBG_INIT_AP:
	case DBG_CLOSE_AP:
		if (!has_ap_init(fw)) {
			st = ST_FAULT;
			break;
		}
		if (cmd[1] == DBG_INIT_AP)
			fw->ap_open[cmd[2] / 8] |= (uint8_t)(1u << (cmd[2] % 8));
		else
			fw->ap_open[cmd[2] / 8] &= (uint8_t)~(1u << (cmd[2] % 8));
		break;
	case DBG_READ_DAP_REG:
	case DBG_WRITE_DAP_REG:
		if (!has_dap_reg(fw)) {
			st = ST_FAULT;
			break;
		}
		v = cmd[1] == DBG_WRITE_DAP_REG ? get_le32(cmd + 6) : 0;
		st = dap_reg_command(fw, cmd, &v);
		put(in, in_len, 4, v, 4);
		break;
	case DBG_READMEM_8:
	case DBG_WRITEMEM_8:
	case DBG_READMEM_16:
	case DBG_WRITEMEM_16:
	case DBG_READMEM_32:
	case DBG_WRITEMEM_32:
	case DBG_READMEM_32_NOINC:
	case DBG_WRITEMEM_32_NOINC:
		mem_command(fw, cmd, out, out_len, in, in_len);
		return;
	case DBG_GETLASTRWSTATUS:
	case DBG_GETLASTRWSTATUS2:
		st = fw->last_rw_status;
		put(in, in_len, 4, fw->last_rw_fault_addr, 4);
		break;
	case DBG_READDEBUGREG:
		st = core_word(fw, get_le32(cmd + 2), false, &v);
		put(in, in_len, 4, v, 4);
		break;
	case DBG_WRITEDEBUGREG:
		v = get_le32(cmd + 6);
		st = core_word(fw, get_le32(cmd + 2), true, &v);
		break;
	case DBG_READREG:
		st = core_reg(fw, cmd[2], false, &v);
		put(in, in_len, 4, v, 4);
		break;
	case DBG_WRITEREG:
		v = get_le32(cmd + 3);
		st = core_reg(fw, cmd[2], true, &v);
		break;
	case DBG_READALLREGS:
		for (unsigned int r = 0; r < 21 && st == ST_OK; r++) {
			st = core_reg(fw, r, false, &v);
			put(in, in_len, 4 + 4 * r, v, 4);
		}
		break;
	case DBG_RESETSYS:
		v = 0x05FA0004u;	/* VECTKEY | SYSRESETREQ */
		st = core_word(fw, AIRCR, true, &v);
		break;
	case DBG_GETSTATUS:
		st = core_word(fw, DHCSR, false, &v);
		if (st == ST_OK)
			st = v & S_HALT ? 0x81 : 0x80;	/* CORE_HALTED / CORE_RUNNING */
		break;
	case DBG_FORCEDEBUG:
	case DBG_RUNCORE:
	case DBG_STEPCORE:
		v = DBGKEY | (cmd[1] == DBG_FORCEDEBUG ? 0x3 : cmd[1] == DBG_RUNCORE ? 0x1 : 0xD);
		st = core_word(fw, DHCSR, true, &v);
		break;
	default:
		chip_log(fw->chip, "stlink: unknown debug command 0x%02x", cmd[1]);
		st = ST_FAULT;
		break;
	}
	put(in, in_len, 0, st, 1);
}

void stlink_fw_command(struct stlink_fw *fw, const uint8_t cmd[16], const uint8_t *out,
		uint32_t out_len, uint8_t *in, uint32_t in_len)
{
	if (in_len)
		memset(in, 0, in_len);
	fw->cnt.commands++;
	fw->cnt.bytes_out += out_len;
	fw->cnt.bytes_in += in_len;
	clocks(fw, USB_ROUND_TRIP_TCK);
	switch (cmd[0]) {
	case CMD_GET_VERSION:
		version(fw, in, in_len);
		break;
	case CMD_GET_VERSION_EX:
		if (fw->set->major == 3)
			version_ex(fw, in, in_len);
		break;
	case CMD_GET_CURRENT_MODE:
		put(in, in_len, 0, fw->mode, 1);
		break;
	case CMD_GET_TARGET_VOLTAGE:
		put(in, in_len, 0, 1200, 4);	/* 2 * 1650 * 1.2 / 1200 = 3.3 V */
		put(in, in_len, 4, 1650, 4);
		break;
	case CMD_DEBUG:
		debug_command(fw, cmd, out, out_len, in, in_len);
		break;
	case CMD_DFU:
		break;
	default:
		chip_log(fw->chip, "stlink: unknown command 0x%02x", cmd[0]);
		break;
	}
	chip_sync(fw->chip);
}

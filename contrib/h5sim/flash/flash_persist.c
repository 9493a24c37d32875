// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * h5sim flash model: persistence and inspection. h5flash_save/h5flash_load keep what a power
 * cycle keeps (user flash with its erased/ECC state, EDATA, OTP, OBK sectors, the option-byte
 * store, OPSR) in a line-based text file; loading is a power-on (the option bytes are reloaded
 * and a pending regression runs). h5flash_dump prints one "key value" line per fact for tests.
 */

#include <inttypes.h>
#include <stddef.h>
#include <string.h>

#include "flash_internal.h"

#define STATE_MAGIC	"h5flash-state 1"


static uint32_t *ob_at(struct h5flash_ob *ob, size_t i)
{
	return (uint32_t *)((char *)ob + h5flash_ob_words[i].off);
}

static uint32_t ob_get(const struct h5flash_ob *ob, size_t i)
{
	uint32_t v;
	memcpy(&v, (const char *)ob + h5flash_ob_words[i].off, sizeof(v));
	return v;
}

static void put_hex(FILE *out, const uint8_t *p, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++)
		fprintf(out, "%02x", p[i]);
}

static bool get_hex(const char *s, uint8_t *p, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++) {
		unsigned int b;
		if (sscanf(s + 2 * i, "%2x", &b) != 1)
			return false;
		p[i] = (uint8_t)b;
	}
	return true;
}

bool h5flash_save(const struct h5flash *f, FILE *out)
{
	uint32_t i, b, k, s;

	fprintf(out, "%s\nvariant %d\nflash_size 0x%08x\n", STATE_MAGIC, (int)f->cfg.variant,
			f->cfg.flash_size);
	for (i = 0; i < h5flash_ob_word_count; i++)
		fprintf(out, "ob %s 0x%08x\n", h5flash_ob_words[i].name, ob_get(&f->store, i));
	fprintf(out, "opsr 0x%08x\nobk_current %u\n", f->opsr, f->obk_current);
	for (i = 0; i < f->cfg.flash_size / QWORD; i++) {
		if (!f->user_programmed[i])
			continue;
		fprintf(out, "user 0x%06x %u ", i * QWORD, f->user_ecc_bad[i] ? 2u : 1u);
		put_hex(out, &f->user[i * QWORD], QWORD);
		fputc('\n', out);
	}
	for (i = 0; i < OTP_SIZE / 2; i++)
		if (f->otp_written[i])
			fprintf(out, "otp 0x%03x %u %02x%02x\n", i * 2, f->otp_written[i],
					f->otp[2 * i], f->otp[2 * i + 1]);
	for (b = 0; b < 2; b++)
		for (k = 0; k < EDATA_SECTORS; k++)
			for (i = 0; i < EDATA_SECTOR_SIZE / 2; i++)
				if (f->edata_written[b][k][i])
					fprintf(out, "edata %u %u 0x%04x %u %02x%02x\n", b, k, i * 2,
							f->edata_written[b][k][i], f->edata[b][k][2 * i],
							f->edata[b][k][2 * i + 1]);
	for (s = 0; s < 2; s++)
		for (i = 0; i < OBK_WORDS; i++) {
			if (!f->obk_written[s][i])
				continue;
			fprintf(out, "obk %u %u ", s, i);
			put_hex(out, &f->obk[s][i * QWORD], QWORD);
			fputc('\n', out);
		}
	fprintf(out, "end\n");
	return !ferror(out);
}

static void clear_content(struct h5flash *f)
{
	memset(f->user, 0xFF, f->cfg.flash_size);
	memset(f->user_programmed, 0, f->cfg.flash_size / QWORD);
	memset(f->user_ecc_bad, 0, f->cfg.flash_size / QWORD);
	memset(f->edata, 0xFF, sizeof(f->edata));
	memset(f->edata_written, 0, sizeof(f->edata_written));
	memset(f->otp, 0xFF, sizeof(f->otp));
	memset(f->otp_written, 0, sizeof(f->otp_written));
	memset(f->obk, 0xFF, sizeof(f->obk));
	memset(f->obk_written, 0, sizeof(f->obk_written));
}

static bool load_line(struct h5flash *f, const char *line, bool *ended)
{
	char name[32], hex[64];
	unsigned int a, b, c, d;
	uint32_t v;

	if (!strncmp(line, "end", 3)) {
		*ended = true;
		return true;
	}
	if (sscanf(line, "variant %u", &a) == 1)
		return a == (unsigned int)f->cfg.variant;
	if (sscanf(line, "flash_size %x", &a) == 1)
		return a == f->cfg.flash_size;
	if (!strncmp(line, "ob ", 3) && sscanf(line, "ob %31s %x", name, &a) == 2) {
		for (size_t i = 0; i < h5flash_ob_word_count; i++)
			if (!strcmp(name, h5flash_ob_words[i].name)) {
				v = a;
				memcpy(ob_at(&f->store, i), &v, sizeof(v));
				return true;
			}
		return false;
	}
	if (sscanf(line, "opsr %x", &a) == 1) {
		f->opsr = a;
		return true;
	}
	if (sscanf(line, "obk_current %u", &a) == 1) {
		f->obk_current = a & 1;
		return a <= 1;
	}
	if (sscanf(line, "user %x %u %32s", &a, &b, hex) == 3) {
		if (a % QWORD || a >= f->cfg.flash_size || b < 1 || b > 2 ||
				!get_hex(hex, &f->user[a], QWORD))
			return false;
		f->user_programmed[a / QWORD] = 1;
		f->user_ecc_bad[a / QWORD] = b == 2;
		return true;
	}
	if (sscanf(line, "otp %x %u %4s", &a, &b, hex) == 3) {
		if (a % 2 || a >= OTP_SIZE || b < 1 || b > 2 || !get_hex(hex, &f->otp[a], 2))
			return false;
		f->otp_written[a / 2] = (uint8_t)b;
		return true;
	}
	if (sscanf(line, "edata %u %u %x %u %4s", &a, &b, &c, &d, hex) == 5) {
		if (a > 1 || b >= EDATA_SECTORS || c % 2 || c >= EDATA_SECTOR_SIZE || d < 1 ||
				d > 2 || !get_hex(hex, &f->edata[a][b][c], 2))
			return false;
		f->edata_written[a][b][c / 2] = (uint8_t)d;
		return true;
	}
	if (sscanf(line, "obk %u %u %32s", &a, &b, hex) == 3) {
		if (a > 1 || b >= OBK_WORDS || !get_hex(hex, &f->obk[a][b * QWORD], QWORD))
			return false;
		f->obk_written[a][b] = 1;
		return true;
	}
	return false;
}

bool h5flash_load(struct h5flash *f, FILE *in)
{
	char line[160];
	bool ended = false;
	unsigned int lineno = 1;

	if (!fgets(line, sizeof(line), in) || strncmp(line, STATE_MAGIC, strlen(STATE_MAGIC))) {
		h5flash_log(f, "load: not a flash state file (missing \"%s\")", STATE_MAGIC);
		return false;
	}
	f->op.kind = OP_NONE;
	clear_content(f);
	h5flash_ob_defaults(f, &f->store);
	f->opsr = 0;
	f->obk_current = 0;
	while (!ended && fgets(line, sizeof(line), in)) {
		lineno++;
		if (!load_line(f, line, &ended)) {
			line[strcspn(line, "\n")] = 0;
			h5flash_log(f, "load: bad line %u: \"%s\"", lineno, line);
			return false;
		}
	}
	if (!ended) {
		h5flash_log(f, "load: file ends without \"end\" (truncated?)");
		return false;
	}
	h5flash_system_reset(f);	/* power on */
	return true;
}

static uint32_t crc32_of(const uint8_t *p, uint32_t n)
{
	uint32_t crc = 0xFFFFFFFFu;

	for (uint32_t i = 0; i < n; i++) {
		crc ^= p[i];
		for (int j = 0; j < 8; j++)
			crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1)));
	}
	return ~crc;
}

void h5flash_dump(const struct h5flash *f, FILE *out)
{
	uint32_t i, b, s, n;

	fprintf(out, "variant %s\nflash_size 0x%08x\n", f->vi->name, f->cfg.flash_size);
	fprintf(out, "product_state 0x%02x\n", h5flash_product_state(f));
	fprintf(out, "tzen %d\nswap_bank %d\nboot_address 0x%08x\n", f->tzen_active,
			f->swap_active, f->boot_address);
	for (i = 0; i < h5flash_ob_word_count; i++)
		fprintf(out, "%s_cur 0x%08x\n", h5flash_ob_words[i].name, ob_get(&f->cur, i));
	for (i = 0; i < h5flash_ob_word_count; i++)
		fprintf(out, "%s_store 0x%08x\n", h5flash_ob_words[i].name, ob_get(&f->store, i));
	fprintf(out, "otp_lock 0x%08x\n", f->cur.otpblr);
	fprintf(out, "nssr 0x%08x\nsecsr 0x%08x\nnscr 0x%08x\nseccr 0x%08x\noptcr 0x%08x\n",
			f->sr[SET_NS], f->sr[SET_SEC], f->cr[SET_NS], f->cr[SET_SEC], f->optcr);
	fprintf(out, "opsr 0x%08x\nbusy %d\n", f->opsr, f->op.kind != OP_NONE);
	fprintf(out, "ecccorr 0x%08x\neccdetr 0x%08x\neccdr 0x%08x\n", f->ecccorr, f->eccdetr,
			f->eccdr);
	for (b = 0; b < 2; b++)
		for (s = 0; s < f->sectors_per_bank; s++) {
			uint32_t base = b * f->bank_size + s * SECTOR_SIZE;
			bool programmed = false;
			for (i = 0; i < SECTOR_SIZE / QWORD; i++)
				programmed |= f->user_programmed[base / QWORD + i];
			fprintf(out, "sector %u.%u %s crc32=0x%08x\n", b + 1, s,
					programmed ? "programmed" : "erased",
					crc32_of(f->user + base, SECTOR_SIZE));
		}
	for (n = 0, i = 0; i < OTP_SIZE / 2; i++)
		n += f->otp_written[i] != 0;
	fprintf(out, "otp_halfwords_written %u\n", n);
	if (f->vi->obk) {
		fprintf(out, "obk_current %u\n", f->obk_current);
		for (s = 0; s < 2; s++) {
			for (n = 0, i = 0; i < OBK_WORDS; i++)
				n += f->obk_written[s][i];
			fprintf(out, "obk_sector %u words_written %u\n", s, n);
		}
	}
	fprintf(out, "stats words_programmed %" PRIu64 " sectors_erased %" PRIu64
			" option_changes %" PRIu64 " busy_ns %" PRIu64 "\n",
			f->stats.words_programmed, f->stats.sectors_erased,
			f->stats.option_changes, f->stats.busy_ns);
}

// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * The provisioning commands: "stm32h5x obk provision" (checks a .obk and runs the boot ROM's
 * RSSLIB DataProvisioning on the target), "stm32h5x obk make_da_config" (writes a DA
 * configuration .obk identical to ST's), and "stm32h5x da_password_provision" (H503: password
 * hash to OTP, then OTP block 0 locked). Formats and rules are in obk.c, lifecycle_rsslib.c,
 * lifecycle_credential.c and otp_password.c. No secret and no hash is ever printed.
 */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <flash/nor/core.h>
#include <flash/nor/stm32h5x.h>
#include <helper/binarybuffer.h>
#include <helper/command.h>
#include <helper/log.h>
#include <target/algorithm.h>
#include <target/arm.h>
#include <target/armv7m.h>
#include <target/target.h>

#include "lifecycle_commands.h"
#include "lifecycle_device.h"
#include "lifecycle_rsslib.h"
#include "obk.h"
#include "obk_xml.h"
#include "otp_password.h"
#include "product_state.h"

/*
 * Scratch layout in SRAM3 for the ROM call (the ROM takes its source only from SRAM3,
 * h5-flash-ob.md §6.3). SRAM3 starts at 0x20050000 on H56x/H57x and 0x20034000 on H52x/H53x
 * (§2.1); the secure alias (+0x10000000) is used when TrustZone is enabled. The device is in
 * Provisioning, where no user code runs (F-PROV), so nothing of the user's is overwritten.
 */
#define SRAM3_H56X		0x20050000u
#define SRAM3_H52X		0x20034000u
#define SRAM_SECURE_DELTA	0x10000000u
#define SCRATCH_DATA		0x0000u		/* up to 0x1400 bytes of .obk data */
#define SCRATCH_CONF		0x1400u		/* RSSLIB_DataProvisioningConf_t */
#define SCRATCH_STUB		0x1420u		/* BKPT: where the ROM returns */
#define SCRATCH_STACK_TOP	0x2000u
#define RSS_TIMEOUT_MS		10000

#define OBK_FILE_MAX		(H5_OBK_HEADER_SIZE + 0x1400u)

static int sram3_base(struct command_invocation *cmd, const struct h5_lc_device *dev,
		uint32_t *base)
{
	switch (dev->ob_part.family) {
	case H5_FAMILY_H56X:
		*base = SRAM3_H56X;
		break;
	case H5_FAMILY_H52X:
		*base = SRAM3_H52X;
		break;
	default:
		command_print(CMD, "the SRAM3 address of this line is not known to this tool");
		return ERROR_FAIL;
	}
	if (dev->tzen)
		*base += SRAM_SECURE_DELTA;
	return ERROR_OK;
}

/* Calls RSSLIB DataProvisioning for the .obk data; *result gets the ROM's word. */
static int run_rss_provisioning(struct command_invocation *cmd, struct h5_lc_device *dev,
		const struct h5_obk_file *obk, uint32_t *result)
{
	struct target *target = dev->target;
	uint32_t entry, base;
	int retval;

	retval = target_read_u32(target, H5_RSSLIB_DATA_PROVISIONING, &entry);
	if (retval != ERROR_OK) {
		command_print(CMD, "cannot read the RSSLIB function table at 0x%08X",
				H5_RSSLIB_DATA_PROVISIONING);
		return retval;
	}
	if (!h5_rss_entry_is_plausible(entry)) {
		command_print(CMD, "the RSSLIB table at 0x%08X holds 0x%08" PRIX32 ", which is not a "
				"DataProvisioning entry in system flash", H5_RSSLIB_DATA_PROVISIONING,
				entry);
		return ERROR_FAIL;
	}
	retval = sram3_base(CMD, dev, &base);
	if (retval != ERROR_OK)
		return retval;

	uint32_t do_encryption = h5_rss_do_encryption(obk->encrypt);
	uint32_t crc = h5_rss_request_crc(obk->data, obk->size, obk->dest, do_encryption);
	uint8_t conf[H5_RSS_CONF_SIZE];
	const uint8_t stub[4] = { 0x00, 0xBE, 0x00, 0xBE };	/* bkpt #0; bkpt #0 */
	h5_rss_conf_build(conf, base + SCRATCH_DATA, obk->dest, obk->size, do_encryption, crc);

	retval = target_write_buffer(target, base + SCRATCH_DATA, obk->size, obk->data);
	if (retval == ERROR_OK)
		retval = target_write_buffer(target, base + SCRATCH_CONF, sizeof(conf), conf);
	if (retval == ERROR_OK)
		retval = target_write_buffer(target, base + SCRATCH_STUB, sizeof(stub), stub);
	if (retval != ERROR_OK) {
		command_print(CMD, "cannot write the request to SRAM3 at 0x%08" PRIX32, base);
		return retval;
	}

	struct reg_param regs[3];
	struct armv7m_algorithm info = {
		.common_magic = ARMV7M_COMMON_MAGIC,
		.core_mode = ARM_MODE_THREAD,
	};
	init_reg_param(&regs[0], "r0", 32, PARAM_IN_OUT);
	init_reg_param(&regs[1], "sp", 32, PARAM_OUT);
	init_reg_param(&regs[2], "lr", 32, PARAM_OUT);
	buf_set_u32(regs[0].value, 0, 32, base + SCRATCH_CONF);
	buf_set_u32(regs[1].value, 0, 32, base + SCRATCH_STACK_TOP);
	buf_set_u32(regs[2].value, 0, 32, (base + SCRATCH_STUB) | 1);

	LOG_INFO("stm32h5x: running RSSLIB DataProvisioning at 0x%08" PRIX32 " (%" PRIu32
			" bytes to 0x%08" PRIX32 ")", entry, obk->size, obk->dest);
	retval = target_run_algorithm(target, 0, NULL, 3, regs, entry & ~1u, base + SCRATCH_STUB,
			RSS_TIMEOUT_MS, &info);
	if (retval == ERROR_OK)
		*result = buf_get_u32(regs[0].value, 0, 32);
	else
		command_print(CMD, "the ROM call did not return to the breakpoint");
	for (unsigned int i = 0; i < 3; i++)
		destroy_reg_param(&regs[i]);
	return retval;
}

/* stm32h5x::settings(crypto) of the lifecycle procs (board files set it): 1, 0, or -1 unset */
static int crypto_setting(struct command_invocation *cmd)
{
	Jim_Obj *v = Jim_GetGlobalVariableStr(CMD_CTX->interp, "stm32h5x::settings(crypto)",
			JIM_NONE);
	const char *s = v ? Jim_String(v) : "";

	if (strcmp(s, "1") == 0)
		return 1;
	if (strcmp(s, "0") == 0)
		return 0;
	return -1;
}

/*
 * The credential-vs-TrustZone rule (lifecycle_guard.c) for a DA configuration: refused unless
 * it holds, or the user confirmed (then a warning says what was not shown).
 */
static int check_da_obk_rules(struct command_invocation *cmd, const struct h5_lc_device *dev,
		const struct h5_obk_file *obk, const struct h5_lc_proof *proof, bool confirmed)
{
	struct h5_da_blob blob;
	char err[320];

	h5_da_blob_decode(obk->data, &blob);
	const struct h5_da_obk_request req = {
		.has_trustzone = dev->has_trustzone,
		.tzen = dev->tzen,
		.crypto = crypto_setting(cmd),
		.proof_kind = proof->kind,
		.hash_matches = proof->kind != H5_DA_KIND_NONE
			&& memcmp(blob.credential_hash, proof->hash, sizeof(proof->hash)) == 0,
		.permissions = blob.permissions,
		.encrypt = obk->encrypt,
	};
	if (h5_da_obk_fits(&req, err, sizeof(err)))
		return ERROR_OK;
	if (confirmed) {
		LOG_WARNING("stm32h5x: provisioning although %s", err);
		return ERROR_OK;
	}
	command_print(CMD, "refused: %s; add -confirm to provision it anyway", err);
	return ERROR_COMMAND_ARGUMENT_INVALID;
}

COMMAND_HANDLER(h5_handle_obk_provision)
{
	struct h5_lc_device dev;
	struct h5_obk_file obk;
	char err[320];
	uint8_t *file;
	size_t len;

	struct h5_lc_proof proof = { .kind = H5_DA_KIND_NONE };
	bool confirmed = false;
	if (CMD_ARGC < 1 || CMD_ARGV[0][0] == '-')
		return ERROR_COMMAND_SYNTAX_ERROR;
	for (unsigned int i = 1; i < CMD_ARGC; i++) {
		if (strcmp(CMD_ARGV[i], "-confirm") == 0) {
			confirmed = true;
		} else if (strcmp(CMD_ARGV[i], "-password") == 0
				|| strcmp(CMD_ARGV[i], "-root-key") == 0) {
			int r = h5_lc_parse_proof(CMD, &i, &proof);
			if (r != ERROR_OK)
				return r;
		} else {
			return ERROR_COMMAND_SYNTAX_ERROR;
		}
	}
	int retval = h5_lc_read_file(CMD, CMD_ARGV[0], OBK_FILE_MAX, &file, &len);
	if (retval != ERROR_OK)
		return retval;
	if (!h5_obk_parse(file, len, &obk, err, sizeof(err))) {
		command_print(CMD, "%s: %s", CMD_ARGV[0], err);
		retval = ERROR_COMMAND_ARGUMENT_INVALID;
		goto out;
	}
	retval = h5_lc_device_get(CMD, &dev);
	if (retval != ERROR_OK)
		goto out;
	if (!dev.has_obk) {
		command_print(CMD, "this part has no OBKeys; on the H503 the DA password goes to "
				"OTP (stm32h5x da_password_provision)");
		retval = ERROR_FAIL;
		goto out;
	}
	if (dev.pstate != H5_PSTATE_PROVISIONING) {
		char b[24];
		const char *name = h5_pstate_name(dev.pstate);
		if (!name)
			snprintf(b, sizeof(b), "0x%02X", dev.pstate);
		command_print(CMD, "OBKeys are provisioned in the Provisioning state and the device "
				"is %s (stm32h5x product_state Provisioning, then reset)", name ? name : b);
		retval = ERROR_FAIL;
		goto out;
	}
	if (obk.is_da_config) {
		retval = check_da_obk_rules(CMD, &dev, &obk, &proof, confirmed);
		if (retval != ERROR_OK)
			goto out;
	}
	if (dev.target->state != TARGET_HALTED) {
		command_print(CMD, "halt the target first: the ROM service runs on the core");
		retval = ERROR_TARGET_NOT_HALTED;
		goto out;
	}

	uint32_t result = 0;
	retval = run_rss_provisioning(CMD, &dev, &obk, &result);
	if (retval != ERROR_OK)
		goto out;
	const char *result_name = h5_rss_result_name(result);
	if (result != H5_RSS_SUCCESS) {
		command_print(CMD, "RSSLIB DataProvisioning returned 0x%08" PRIX32 " (%s)", result,
				result_name ? result_name : "unknown result word");
		retval = ERROR_FAIL;
		goto out;
	}
	LOG_INFO("stm32h5x: %s: %" PRIu32 " bytes provisioned to 0x%08" PRIX32 " (%s slot%s)",
			CMD_ARGV[0], obk.size, obk.dest, h5_obk_slot_name(obk.slot),
			obk.encrypt ? ", encrypted by the device" : "");
	if (obk.is_da_config) {
		struct h5_da_blob blob;
		char perms[256];
		h5_da_blob_decode(obk.data, &blob);
		h5_da_permissions_describe(blob.permissions, perms, sizeof(perms));
		LOG_INFO("stm32h5x: Debug Authentication configuration, permissions 0x%08" PRIX32
				" (%s); reset the device before the next step", blob.permissions, perms);
		h5_lc_session_remember(dev.target, blob.credential_hash, blob.permissions,
				H5_DA_KIND_UNPROVEN);
	}
	command_print(CMD, "%s", result_name);
out:
	h5_lc_free_secret(file, len);
	return retval;
}

/*
 * Where make_da_config puts its .obk: a named file, the result itself ("-out -": the bytes as
 * a list of numbers, no file at all, for read-only checks), or a new file in a private
 * directory made with mkdtemp under private_dir (the caller deletes both).
 */
static int write_obk(struct command_invocation *cmd, const char *out_path, const char *private_dir,
		const uint8_t *obk, size_t size, char *path, size_t path_size)
{
	if (out_path && strcmp(out_path, "-") == 0) {
		for (size_t i = 0; i < size; i++)
			command_print_sameline(CMD, "%s%u", i ? " " : "", obk[i]);
		return ERROR_OK;
	}
	if (private_dir) {
		char dir[PATH_MAX];
		if ((size_t)snprintf(dir, sizeof(dir), "%s/stm32h5x.XXXXXX", private_dir) >= sizeof(dir)
				|| !mkdtemp(dir)) {
			command_print(CMD, "cannot create a private directory in '%s': %s", private_dir,
					strerror(errno));
			return ERROR_FAIL;
		}
		if ((size_t)snprintf(path, path_size, "%.*s/da_config.obk", (int)(path_size - 16),
				dir) >= path_size) {
			rmdir(dir);
			command_print(CMD, "the private directory name is too long");
			return ERROR_FAIL;
		}
	} else {
		snprintf(path, path_size, "%s", out_path);
	}
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | (private_dir ? O_EXCL : 0), 0600);
	FILE *f = fd >= 0 ? fdopen(fd, "wb") : NULL;
	bool written = f && fwrite(obk, 1, size, f) == size;
	if (f && fclose(f) != 0)
		written = false;
	else if (!f && fd >= 0)
		close(fd);
	if (!written) {
		command_print(CMD, "cannot write '%s'", path);
		return ERROR_FAIL;
	}
	LOG_INFO("stm32h5x: wrote %s", path);
	command_print(CMD, "%s", path);
	return ERROR_OK;
}

COMMAND_HANDLER(h5_handle_obk_make_da_config)
{
	const char *out_path = NULL, *private_dir = NULL, *password = NULL, *root_key = NULL;
	const char *xml = NULL;
	bool xml_is_password = false;
	uint32_t permissions = H5_DA_PERMISSIONS_DEFAULT;
	uint32_t encrypt = 0;
	int for_tzen = -1;	/* -trustzone on|off: the TZEN the configuration is made for */
	uint8_t hash[H5_CREDENTIAL_HASH_SIZE];
	char err[320];

	for (unsigned int i = 0; i < CMD_ARGC; i++) {
		const char *opt = CMD_ARGV[i];
		if (i + 1 >= CMD_ARGC)
			return ERROR_COMMAND_SYNTAX_ERROR;
		const char *arg = CMD_ARGV[++i];
		if (strcmp(opt, "-trustzone") == 0) {
			if (strcmp(arg, "on") && strcmp(arg, "off")) {
				command_print(CMD, "-trustzone takes on or off, not '%s'", arg);
				return ERROR_COMMAND_ARGUMENT_INVALID;
			}
			for_tzen = strcmp(arg, "on") == 0;
		} else if (strcmp(opt, "-out") == 0) {
			out_path = arg;
		} else if (strcmp(opt, "-out-private") == 0) {
			private_dir = arg;
		} else if (strcmp(opt, "-password") == 0) {
			password = arg;
		} else if (strcmp(opt, "-root-key") == 0) {
			root_key = arg;
		} else if (strcmp(opt, "-xml") == 0) {
			xml = arg;
		} else if (strcmp(opt, "-permissions") == 0) {
			COMMAND_PARSE_NUMBER(u32, arg, permissions);
		} else if (strcmp(opt, "-encrypt") == 0) {
			COMMAND_PARSE_NUMBER(u32, arg, encrypt);
			if (encrypt > 1) {
				command_print(CMD, "-encrypt takes 0 or 1");
				return ERROR_COMMAND_ARGUMENT_INVALID;
			}
		} else {
			return ERROR_COMMAND_SYNTAX_ERROR;
		}
	}
	if (xml && (password || root_key || permissions != H5_DA_PERMISSIONS_DEFAULT || encrypt)) {
		command_print(CMD, "-xml takes the credential, permissions and encryption flag from "
				"the XML file: give no -password, -root-key, -permissions or -encrypt");
		return ERROR_COMMAND_ARGUMENT_INVALID;
	}
	if (xml && (out_path || private_dir) && !h5_da_xml_load(xml, hash, &permissions, &encrypt,
				&xml_is_password, err, sizeof(err))) {
		command_print(CMD, "%s", err);
		return ERROR_COMMAND_ARGUMENT_INVALID;
	}
	if (!out_path == !private_dir || (!xml && !password == !root_key))
		return ERROR_COMMAND_SYNTAX_ERROR;

	/*
	 * Refuse a configuration of the wrong kind for the TrustZone setting it is made for:
	 * -trustzone if given (a provisioning sequence sets TZEN later; the device is not
	 * consulted), else the connected device's TZEN. With neither, nothing to check against.
	 */
	bool is_password = xml ? xml_is_password : !!password;
	enum h5_da_kind kind = is_password ? H5_DA_KIND_PASSWORD : H5_DA_KIND_CERTIFICATE;
	struct target *target = get_current_target(CMD_CTX);
	struct flash_bank *bank;
	struct h5_lc_device dev = { 0 };
	bool have_dev = for_tzen < 0 && target && target_was_examined(target)
		&& stm32h5x_bank_of_target(target, &bank) == ERROR_OK
		&& h5_lc_device_get(CMD, &dev) == ERROR_OK;
	if (have_dev && !dev.has_obk) {
		command_print(CMD, "the connected part has no OBKeys; use "
				"stm32h5x da_password_provision");
		return ERROR_FAIL;
	}
	if (have_dev || for_tzen >= 0) {
		bool has_tz = have_dev ? dev.has_trustzone : true;
		bool tzen = for_tzen >= 0 ? for_tzen == 1 : dev.tzen;
		if (!h5_da_config_fits(has_tz, tzen, kind, permissions, err, sizeof(err))) {
			command_print(CMD, "refused for %s: %s", for_tzen >= 0 ? (tzen ?
					"-trustzone on" : "-trustzone off") : "the connected device", err);
			return ERROR_FAIL;
		}
	}

	const char *in_path = password ? password : root_key;
	if (!xml) {
		uint8_t *in;
		size_t in_len;
		int retval = h5_lc_read_file(CMD, in_path, 16384, &in, &in_len);
		if (retval != ERROR_OK)
			return retval;
		bool ok = password ? h5_password_file_hash(in, in_len, hash, err, sizeof(err))
			: h5_root_key_hash(in, in_len, hash, err, sizeof(err));
		h5_lc_free_secret(in, in_len);
		if (!ok) {
			command_print(CMD, "%s: %s", in_path, err);
			return ERROR_COMMAND_ARGUMENT_INVALID;
		}
	}

	uint8_t obk[H5_DA_OBK_FILE_SIZE];
	char path[PATH_MAX];
	h5_da_config_build(hash, permissions, encrypt, obk);
	if (!(permissions & H5_DA_PERM_FULL_REGRESSION))
		LOG_WARNING("stm32h5x: permissions 0x%08" PRIX32 " do not allow a full regression",
				permissions);
	LOG_DEBUG("stm32h5x: DA configuration with a %s hash, permissions 0x%08" PRIX32
			", encryption flag %" PRIu32, is_password ? "password" : "root-key", permissions,
			encrypt);
	return write_obk(CMD, out_path, private_dir, obk, sizeof(obk), path, sizeof(path));
}

COMMAND_HANDLER(h5_handle_da_password_provision)
{
	struct h5_lc_device dev;
	uint8_t image[H5_OTP_DA_HASH_SIZE], readback[H5_OTP_DA_HASH_SIZE];
	char err[320];
	uint32_t lockbl;
	uint8_t *file;
	size_t len;

	if (CMD_ARGC != 2 || strcmp(CMD_ARGV[1], "-confirm") != 0) {
		if (CMD_ARGC == 1)
			command_print(CMD, "the password hash can never be changed once locked in OTP; "
					"add -confirm");
		return CMD_ARGC == 1 ? ERROR_FAIL : ERROR_COMMAND_SYNTAX_ERROR;
	}
	int retval = h5_lc_device_get(CMD, &dev);
	if (retval != ERROR_OK)
		return retval;
	if (dev.has_obk) {
		command_print(CMD, "this part keeps its DA configuration in OBKeys: use "
				"stm32h5x obk make_da_config and stm32h5x obk provision");
		return ERROR_FAIL;
	}
	if (dev.pstate != H5_PSTATE_OPEN && dev.pstate != H5_PSTATE_PROVISIONING) {
		command_print(CMD, "the DA password is provisioned in Open or Provisioning, not in %s",
				h5_pstate_name(dev.pstate) ? h5_pstate_name(dev.pstate) : "this state");
		return ERROR_FAIL;
	}
	retval = stm32h5x_read_reg(dev.bank, STM32H5X_OTPBLR_CUR, &lockbl);
	if (retval != ERROR_OK)
		return retval;
	retval = h5_lc_read_file(CMD, CMD_ARGV[0], 4096, &file, &len);
	if (retval != ERROR_OK)
		return retval;
	bool ok = h5_otp_password_image(file, len, lockbl, image, err, sizeof(err));
	h5_lc_free_secret(file, len);
	if (!ok) {
		command_print(CMD, "%s: %s", CMD_ARGV[0], err);
		return ERROR_FAIL;
	}

	/*
	 * An interrupted earlier run may have programmed part of the hash. OTP half-words can be
	 * programmed once: program only the erased ones, and refuse (before writing) if one
	 * holds something else, as the hash could then never be completed.
	 */
	retval = target_read_buffer(dev.target, H5_OTP_DA_HASH_ADDR, sizeof(readback), readback);
	if (retval != ERROR_OK)
		goto out;
	for (unsigned int i = 0; i < sizeof(image); i += 2) {
		bool erased = readback[i] == 0xFF && readback[i + 1] == 0xFF;
		if (!erased && memcmp(readback + i, image + i, 2) != 0) {
			command_print(CMD, "OTP at 0x%08X already holds other data: this password's "
					"hash can never be written there (nothing was written; do not close "
					"this device with this password)", H5_OTP_DA_HASH_ADDR + i);
			retval = ERROR_FAIL;
			goto out;
		}
	}
	unsigned int programmed = 0;
	for (unsigned int i = 0; i < sizeof(image) && retval == ERROR_OK; i += 2) {
		if (memcmp(readback + i, image + i, 2) != 0) {
			retval = stm32h5x_otp_program(dev.bank, H5_OTP_DA_HASH_ADDR + i, image + i, 2);
			programmed++;
		}
	}
	if (programmed != sizeof(image) / 2)
		LOG_INFO("stm32h5x: OTP already held %u of the %u half-words of this hash (an "
				"interrupted run): programmed the %u missing ones",
				(unsigned int)(sizeof(image) / 2) - programmed,
				(unsigned int)(sizeof(image) / 2), programmed);
	if (retval == ERROR_OK)
		retval = target_read_buffer(dev.target, H5_OTP_DA_HASH_ADDR, sizeof(readback), readback);
	if (retval != ERROR_OK || memcmp(readback, image, sizeof(image)) != 0) {
		command_print(CMD, "the password hash did not program correctly at 0x%08X; OTP block "
				"%u was NOT locked", H5_OTP_DA_HASH_ADDR, H5_OTP_DA_BLOCK);
		retval = ERROR_FAIL;
		goto out;
	}
	const struct stm32h5x_ob_write lock = {
		.offset = STM32H5X_OTPBLR_PRG, .value = H5_OTP_DA_LOCKBL, .mask = H5_OTP_DA_LOCKBL,
	};
	retval = stm32h5x_option_program(dev.bank, &lock, 1);
	if (retval == ERROR_OK)
		retval = stm32h5x_read_reg(dev.bank, STM32H5X_OTPBLR_CUR, &lockbl);
	if (retval != ERROR_OK || !(lockbl & H5_OTP_DA_LOCKBL)) {
		command_print(CMD, "the password hash is in OTP but block %u could not be locked",
				H5_OTP_DA_BLOCK);
		retval = ERROR_FAIL;
		goto out;
	}
	h5_lc_session_remember(dev.target, image, 0xFFFFFFFFu, H5_DA_KIND_PASSWORD);
	LOG_INFO("stm32h5x: DA password hash written to OTP at 0x%08X and block %u locked",
			H5_OTP_DA_HASH_ADDR, H5_OTP_DA_BLOCK);
	command_print(CMD, "locked");
out:
	memset(image, 0, sizeof(image));
	memset(readback, 0, sizeof(readback));
	return retval;
}

static const struct command_registration obk_subcommand_handlers[] = {
	{
		.name = "provision",
		.handler = h5_handle_obk_provision,
		.mode = COMMAND_EXEC,
		.usage = "<file.obk> [-root-key <pem> | -password <file>] [-confirm]",
		.help = "Checks a .obk file (header, size, destination, embedded SHA-256) and "
			"writes it to the OBKeys through the boot ROM's RSSLIB DataProvisioning "
			"(Provisioning state, target halted). A DA configuration needs the credential "
			"it was made from (-root-key with TrustZone on, -password with it off) and an "
			"encryption flag that fits stm32h5x::settings(crypto); -confirm provisions it "
			"anyway. Returns the ROM's result.",
	},
	{
		.name = "make_da_config",
		.handler = h5_handle_obk_make_da_config,
		.mode = COMMAND_ANY,
		.usage = "(-out <file.obk> | -out - | -out-private <dir>) (-password <file> | "
			"-root-key <pem> | -xml <DA_Config.xml>) [-permissions <mask>] [-encrypt 0|1] "
			"[-trustzone on|off]",
		.help = "Writes a Debug Authentication configuration .obk as "
			"STM32TrustedPackageCreator does (default permissions 0x00005077, encryption "
			"flag 0); '-out -' returns its bytes instead of writing a file, -out-private "
			"writes it in a new private directory under dir and returns the file's path. "
			"Refuses the "
			"kind that does not match the TrustZone setting it is made for: -trustzone "
			"(the device is then not consulted), else the connected device's. -xml reads "
			"ST's package-creator file (DA_Config.xml, DA_ConfigWithPassword.xml) instead.",
	},
	COMMAND_REGISTRATION_DONE
};

const struct command_registration stm32h5_obk_command_handlers[] = {
	{
		.name = "obk",
		.mode = COMMAND_ANY,
		.usage = "",
		.help = "OBKeys provisioning",
		.chain = obk_subcommand_handlers,
	},
	{
		.name = "da_password_provision",
		.handler = h5_handle_da_password_provision,
		.mode = COMMAND_EXEC,
		.usage = "<password-file> -confirm",
		.help = "STM32H503: writes SHA-256 of the password to OTP at 0x08FFF000 and locks "
			"OTP block 0, for good.",
	},
	COMMAND_REGISTRATION_DONE
};

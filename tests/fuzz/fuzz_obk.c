// SPDX-License-Identifier: GPL-2.0-or-later

/* Fuzz harness: .obk files, and the 96-byte DA blob read back from a device's OBKeys. */

#include "fuzz.h"
#include "target/stm32h5/obk.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct h5_obk_file obk;
	char err[256];

	h5_obk_parse(data, size, &obk, err, sizeof(err));
	if (size >= H5_DA_CONFIG_SIZE) {
		struct h5_da_blob blob;
		h5_da_blob_decode(data, &blob);
	}
	return 0;
}

// SPDX-License-Identifier: GPL-2.0-or-later

/* Debug Authentication signing by an external command (see da_sign_cmd.h). */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <mbedtls/asn1.h>
#include <mbedtls/bignum.h>
#include <mbedtls/platform_util.h>

#include "da_sign_cmd.h"

#define OUTPUT_MAX	256	/* a DER P-256 signature is at most 72 bytes */
#define TIMEOUT_MS_MAX	600000u
#define CHILD_FD_MAX	4096	/* descriptors closed in the command's process */

static unsigned int timeout_ms = DA_SIGN_CMD_TIMEOUT_MS_DEFAULT;

enum da_err da_sign_cmd_set_timeout(unsigned int ms, struct da_diag *diag)
{
	if (ms < 1 || ms > TIMEOUT_MS_MAX)
		return da_fail(diag, DA_ERR_ARGUMENT,
			"signing command timeout of %u ms: give 1 to %u", ms, TIMEOUT_MS_MAX);
	timeout_ms = ms;
	return DA_OK;
}

unsigned int da_sign_cmd_timeout(void)
{
	return timeout_ms;
}

static int64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static enum da_err decode_der(const uint8_t *buf, size_t len,
		uint8_t signature[DA_P256_SIGNATURE_BYTES])
{
	unsigned char *p = (unsigned char *)buf;
	const unsigned char *end = buf + len;
	mbedtls_mpi r, s;
	size_t seq_len;
	enum da_err err = DA_ERR_MALFORMED;

	mbedtls_mpi_init(&r);
	mbedtls_mpi_init(&s);
	if (!mbedtls_asn1_get_tag(&p, end, &seq_len,
				MBEDTLS_ASN1_CONSTRUCTED | MBEDTLS_ASN1_SEQUENCE)
			&& p + seq_len == end
			&& !mbedtls_asn1_get_mpi(&p, end, &r)
			&& !mbedtls_asn1_get_mpi(&p, end, &s)
			&& p == end
			&& !mbedtls_mpi_write_binary(&r, signature, DA_P256_COORD_BYTES)
			&& !mbedtls_mpi_write_binary(&s, signature + DA_P256_COORD_BYTES,
				DA_P256_COORD_BYTES))
		err = DA_OK;
	mbedtls_mpi_free(&r);
	mbedtls_mpi_free(&s);
	return err;
}

enum da_err da_signature_decode(const uint8_t *buf, size_t len,
		uint8_t signature[DA_P256_SIGNATURE_BYTES], struct da_diag *diag)
{
	if (len == DA_P256_SIGNATURE_BYTES && buf[0] != 0x30) {
		memcpy(signature, buf, DA_P256_SIGNATURE_BYTES);
		return DA_OK;
	}
	if (len && buf[0] == 0x30 && decode_der(buf, len, signature) == DA_OK)
		return DA_OK;
	if (len == DA_P256_SIGNATURE_BYTES) {	/* r starting with 0x30 */
		memcpy(signature, buf, DA_P256_SIGNATURE_BYTES);
		return DA_OK;
	}
	return da_fail(diag, DA_ERR_MALFORMED,
		"the signing command wrote %zu bytes, expected 64 (r||s) or a DER ECDSA "
		"signature", len);
}

struct child {
	pid_t pid;
	int in_fd;	/* its stdin */
	int out_fd;	/* its stdout */
};

static int pipe_cloexec(int fds[2])
{
	if (pipe(fds))
		return -1;
	fcntl(fds[0], F_SETFD, FD_CLOEXEC);
	fcntl(fds[1], F_SETFD, FD_CLOEXEC);
	return 0;
}

static enum da_err spawn_signer(const char *cmd, struct child *c, struct da_diag *diag)
{
	int in[2], out[2];

	if (pipe_cloexec(in))
		return da_fail(diag, DA_ERR_FILE, "cannot create a pipe (%s)", strerror(errno));
	if (pipe_cloexec(out)) {
		close(in[0]);
		close(in[1]);
		return da_fail(diag, DA_ERR_FILE, "cannot create a pipe (%s)", strerror(errno));
	}
	c->pid = fork();
	if (c->pid == 0) {
		int null_fd = open("/dev/null", O_WRONLY);

		setpgid(0, 0);
		/* its stderr is discarded: whatever a signer says may be secret */
		if (dup2(in[0], STDIN_FILENO) < 0 || dup2(out[1], STDOUT_FILENO) < 0
				|| null_fd < 0 || dup2(null_fd, STDERR_FILENO) < 0)
			_exit(126);
		/* nothing of OpenOCD's (adapter and server sockets) is left to the command */
		for (long fd = STDERR_FILENO + 1; fd < CHILD_FD_MAX; fd++)
			close((int)fd);
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	close(in[0]);
	close(out[1]);
	if (c->pid < 0) {
		close(in[1]);
		close(out[0]);
		return da_fail(diag, DA_ERR_FILE, "cannot start the signing command (%s)",
			strerror(errno));
	}
	setpgid(c->pid, c->pid);
	c->in_fd = in[1];
	c->out_fd = out[0];
	return DA_OK;
}

/* Writes the digest without dying of SIGPIPE if the command does not read it */
static bool send_digest(int fd, const uint8_t hash[DA_SHA256_BYTES])
{
	struct sigaction ignore = { .sa_handler = SIG_IGN }, old;
	ssize_t n;

	sigemptyset(&ignore.sa_mask);
	sigaction(SIGPIPE, &ignore, &old);
	do {
		n = write(fd, hash, DA_SHA256_BYTES);
	} while (n < 0 && errno == EINTR);
	sigaction(SIGPIPE, &old, NULL);
	return n == DA_SHA256_BYTES;
}

/* Reads stdout until EOF or the deadline; false on timeout */
static bool collect(int fd, int64_t deadline, uint8_t *buf, size_t *len, bool *overflow)
{
	*len = 0;
	*overflow = false;
	for (;;) {
		int64_t left = deadline - now_ms();
		struct pollfd pfd = { .fd = fd, .events = POLLIN };
		uint8_t chunk[128];
		ssize_t n;

		if (left <= 0)
			return false;
		if (poll(&pfd, 1, (int)left) <= 0) {
			if (errno == EINTR)
				continue;
			return false;
		}
		n = read(fd, chunk, sizeof(chunk));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return true;
		if (*len + (size_t)n > OUTPUT_MAX) {
			*overflow = true;
			continue;
		}
		memcpy(buf + *len, chunk, (size_t)n);
		*len += (size_t)n;
	}
}

/* Waits for the exit status until the deadline; false on timeout */
static bool reap(pid_t pid, int64_t deadline, int *status)
{
	for (;;) {
		pid_t r = waitpid(pid, status, WNOHANG);

		if (r == pid)
			return true;
		if (r < 0 && errno != EINTR)
			return true;
		if (now_ms() >= deadline)
			return false;
		usleep(2000);
	}
}

static enum da_err run_signer(void *ctx, const uint8_t hash[DA_SHA256_BYTES],
		uint8_t signature[DA_P256_SIGNATURE_BYTES], struct da_diag *diag)
{
	const char *cmd = ctx;
	int64_t deadline = now_ms() + timeout_ms;
	uint8_t out[OUTPUT_MAX];
	struct child c = { .pid = -1, .in_fd = -1, .out_fd = -1 };
	size_t len = 0;
	bool overflow, done;
	int status = 0;
	enum da_err err;

	err = spawn_signer(cmd, &c, diag);
	if (err != DA_OK)
		return err;
	send_digest(c.in_fd, hash);
	close(c.in_fd);
	done = collect(c.out_fd, deadline, out, &len, &overflow);
	close(c.out_fd);
	if (!done || !reap(c.pid, deadline, &status)) {
		kill(-c.pid, SIGKILL);
		waitpid(c.pid, &status, 0);
		err = da_fail(diag, DA_ERR_TIMEOUT,
			"the signing command did not answer within %u ms and was stopped "
			"(stm32h5x da signer_config timeout_ms sets the limit)", timeout_ms);
	} else if (WIFSIGNALED(status)) {
		err = da_fail(diag, DA_ERR_CRYPTO, "the signing command was killed by signal %d",
			WTERMSIG(status));
	} else if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
		err = da_fail(diag, DA_ERR_CRYPTO,
			"the signing command could not be run (exit status 127: not found?)");
	} else if (!WIFEXITED(status) || WEXITSTATUS(status)) {
		err = da_fail(diag, DA_ERR_CRYPTO, "the signing command failed (exit status %d)",
			WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	} else if (overflow) {
		err = da_fail(diag, DA_ERR_MALFORMED,
			"the signing command wrote more than %u bytes; a signature is 64 (r||s) "
			"or a DER ECDSA signature", OUTPUT_MAX);
	} else {
		err = da_signature_decode(out, len, signature, diag);
	}
	mbedtls_platform_zeroize(out, sizeof(out));
	return err;
}

static void release_cmd(void *ctx)
{
	free(ctx);
}

static const struct da_key_backend sign_cmd_backend = {
	.what = "the signing command",
	.sign = run_signer,
	.release = release_cmd,
};

enum da_err da_sign_cmd_open(const char *cmd, const uint8_t pubkey[DA_P256_PUBKEY_BYTES],
		struct da_key **key, struct da_diag *diag)
{
	char *copy;

	*key = NULL;
	if (!*cmd)
		return da_fail(diag, DA_ERR_ARGUMENT, "the signing command is empty");
	copy = strdup(cmd);
	if (!copy)
		return da_fail(diag, DA_ERR_CRYPTO, "out of memory");
	return da_key_from_backend(&sign_cmd_backend, copy, pubkey, key, diag);
}

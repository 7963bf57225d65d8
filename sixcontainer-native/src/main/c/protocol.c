#define _GNU_SOURCE
#include "protocol.h"
#include "secconfig.h"
#include "util.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>

static unsigned char cfgbuf[SIXC_HEADER_LEN + SIXC_MAX_PAYLOAD];
static char reason[256];
/* Offset of the record being parsed, for the reason; SIZE_MAX outside records. */
static size_t rec_off = SIZE_MAX;

__attribute__((format(printf, 1, 2))) static int invalid(const char *fmt, ...)
{
	char msg[192];
	va_list ap;

	va_start(ap, fmt);
	(void)vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (rec_off == SIZE_MAX)
		(void)snprintf(reason, sizeof reason, "%s", msg);
	else
		(void)snprintf(reason, sizeof reason, "record at payload offset %zu: %s",
			       rec_off, msg);
	return -1;
}

int config_invalid(const char *fmt, ...)
{
	char msg[192];
	va_list ap;

	va_start(ap, fmt);
	(void)vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return invalid("%s", msg);
}

const char *config_reason(void)
{
	return reason;
}

static uint32_t le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

static uint16_t le16(const unsigned char *p)
{
	return (uint16_t)((unsigned)p[0] | (unsigned)p[1] << 8);
}

static uint64_t le64(const unsigned char *p)
{
	return (uint64_t)le32(p) | (uint64_t)le32(p + 4) << 32;
}

uint32_t config_le32(const unsigned char *p)
{
	return le32(p);
}

uint64_t config_le64(const unsigned char *p)
{
	return le64(p);
}

/* A record that is exactly one string: non-empty, NUL last, no NUL before. */
static int take_string(unsigned char *p, size_t len, const char *what, char **out)
{
	if (len == 0)
		return invalid("%s: empty record", what);
	if (len > SIXC_MAX_STRING)
		return invalid("%s: string longer than %u bytes", what, SIXC_MAX_STRING);
	if (p[len - 1] != '\0')
		return invalid("%s: string not NUL-terminated", what);
	if (memchr(p, '\0', len - 1) != NULL)
		return invalid("%s: string contains NUL", what);
	*out = (char *)p;
	return 0;
}

/* n consecutive NUL-terminated strings that fill p[0..len) exactly. */
static int take_strings(unsigned char *p, size_t len, const char *what, char **out,
			size_t n)
{
	size_t off = 0;

	for (size_t i = 0; i < n; i++) {
		if (off >= len)
			return invalid("%s: %zu of %zu strings present", what, i, n);
		unsigned char *nul = memchr(p + off, '\0', len - off);
		if (nul == NULL)
			return invalid("%s: string %zu not NUL-terminated", what, i);
		size_t slen = (size_t)(nul - (p + off)) + 1;
		if (slen > SIXC_MAX_STRING)
			return invalid("%s: string %zu longer than %u bytes", what,
				       i, SIXC_MAX_STRING);
		out[i] = (char *)(p + off);
		off += slen;
	}
	if (off != len)
		return invalid("%s: %zu bytes after the strings", what,
			       len - off);
	return 0;
}

int config_strings(unsigned char *p, size_t len, const char *what, char **out, size_t n)
{
	return take_strings(p, len, what, out, n);
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* The executor creates the last component with *at() calls, which cannot
 * take "", "." or "..". */
static int last_component_ok(const char *path)
{
	const char *last = strrchr(path, '/');

	last = last != NULL ? last + 1 : path;
	return strcmp(last, "") != 0 && strcmp(last, ".") != 0 && strcmp(last, "..") != 0;
}

static int check_mount_step(const struct mount_step *m)
{
	if (m->target[0] != '/')
		return invalid("MOUNT: target is not absolute");
	switch (m->op) {
	case MOP_MOUNT:
#if ULONG_MAX < UINT64_MAX
		if (m->flags > ULONG_MAX)
			return invalid("MOUNT: flags do not fit unsigned long");
#endif
		if ((m->flags & (MS_BIND | MS_REMOUNT)) == MS_BIND && m->source[0] == '\0')
			return invalid("MOUNT: bind mount without a source");
		return 0;
	case MOP_MKDIR:
		if ((m->mode & ~(uint32_t)07777) != 0)
			return invalid("MKDIR: mode 0%o has bits beyond 07777", m->mode);
		break;
	case MOP_MKNOD:
		if ((m->mode & ~(uint32_t)(S_IFMT | 07777)) != 0)
			return invalid("MKNOD: mode 0%o has unknown bits", m->mode);
		switch (m->mode & S_IFMT) {
		case S_IFCHR: case S_IFBLK: case S_IFIFO: case S_IFREG: case S_IFSOCK:
			break;
		default:
			return invalid("MKNOD: mode 0%o has no valid file type", m->mode);
		}
		/* The mknod syscall takes a 32-bit encoded dev_t. */
		if (m->dev > UINT32_MAX)
			return invalid("MKNOD: dev 0x%llx out of range",
				       (unsigned long long)m->dev);
		break;
	case MOP_SYMLINK:
		if (m->source[0] == '\0')
			return invalid("SYMLINK: empty link content");
		break;
	case MOP_MASK:
	case MOP_READONLY:
		break;
	default:
		return invalid("MOUNT: unknown op %u", m->op);
	}
	if (!last_component_ok(m->target))
		return invalid("MOUNT: target's last component is empty, \".\" or \"..\"");
	return 0;
}

static int take_mount(unsigned char *p, size_t len, struct mount_step *m)
{
	char *s[4];

	if (len < SIXC_MOUNT_FIXED)
		return invalid("MOUNT: record shorter than %u bytes", SIXC_MOUNT_FIXED);
	m->op = le32(p);
	m->mode = le32(p + 4);
	m->flags = le64(p + 8);
	m->dev = le64(p + 16);
	if (take_strings(p + SIXC_MOUNT_FIXED, len - SIXC_MOUNT_FIXED, "MOUNT", s, 4) < 0)
		return -1;
	m->source = s[0];
	m->target = s[1];
	m->fstype = s[2];
	m->data = s[3];
	return check_mount_step(m);
}

static int take_record(uint16_t tag, unsigned char *p, size_t len, struct config *cfg)
{
	char *s;

	switch (tag) {
	case TAG_ROOTFS:
		if (cfg->rootfs != NULL)
			return invalid("ROOTFS: more than one");
		if (take_string(p, len, "ROOTFS", &s) < 0)
			return -1;
		if (s[0] != '/')
			return invalid("ROOTFS: not an absolute path");
		cfg->rootfs = s;
		return 0;
	case TAG_ARG:
		if (cfg->argc >= SIXC_MAX_ARGS)
			return invalid("ARG: more than %u", SIXC_MAX_ARGS);
		if (take_string(p, len, "ARG", &s) < 0)
			return -1;
		cfg->argv[cfg->argc++] = s;
		return 0;
	case TAG_ENV:
		if (cfg->envc >= SIXC_MAX_ENV)
			return invalid("ENV: more than %u", SIXC_MAX_ENV);
		if (take_string(p, len, "ENV", &s) < 0)
			return -1;
		if (s[0] == '=' || strchr(s, '=') == NULL)
			return invalid("ENV: not KEY=VALUE with a non-empty KEY");
		cfg->envp[cfg->envc++] = s;
		return 0;
	case TAG_CWD:
		if (cfg->cwd != NULL)
			return invalid("CWD: more than one");
		if (take_string(p, len, "CWD", &s) < 0)
			return -1;
		if (s[0] != '/')
			return invalid("CWD: not an absolute path");
		cfg->cwd = s;
		return 0;
	case TAG_HOSTNAME:
		if (cfg->hostname != NULL)
			return invalid("HOSTNAME: more than one");
		if (take_string(p, len, "HOSTNAME", &s) < 0)
			return -1;
		if (len - 1 < 1 || len - 1 > SIXC_MAX_HOSTNAME)
			return invalid("HOSTNAME: not 1..%u bytes", SIXC_MAX_HOSTNAME);
		cfg->hostname = s;
		return 0;
	case TAG_MOUNT:
		if (cfg->nmounts >= SIXC_MAX_MOUNTS)
			return invalid("MOUNT: more than %u", SIXC_MAX_MOUNTS);
		if (take_mount(p, len, &cfg->mounts[cfg->nmounts]) < 0)
			return -1;
		cfg->nmounts++;
		return 0;
	case TAG_FLAGS: {
		if (len != 4)
			return invalid("FLAGS: length %zu, expected 4", len);
		uint32_t f = le32(p);
		if ((f & ~SIXC_KNOWN_FLAGS) != 0)
			return invalid("FLAGS: unknown bits 0x%x", f & ~SIXC_KNOWN_FLAGS);
		cfg->flags = f;
		return 0;
	}
	case TAG_USER:
		if (cfg->has_user)
			return invalid("USER: more than one");
		if (len != 8)
			return invalid("USER: length %zu, expected 8", len);
		cfg->uid = le32(p);
		cfg->gid = le32(p + 4);
		/* (uid_t)-1 means "unchanged" to setresuid: never a real user. */
		if (cfg->uid == UINT32_MAX || cfg->gid == UINT32_MAX)
			return invalid("USER: uid or gid 4294967295");
		cfg->has_user = 1;
		return 0;
	case TAG_OVERLAY: {
		char *o[2];
		if (cfg->overlay_dir != NULL)
			return invalid("OVERLAY: more than one");
		if (take_strings(p, len, "OVERLAY", o, 2) < 0)
			return -1;
		if (o[0][0] != '/')
			return invalid("OVERLAY: directory not an absolute path");
		/* The kernel takes one page of mount options. */
		if (o[1][0] == '\0' || strlen(o[1]) >= SIXC_MAX_OVERLAY_DATA)
			return invalid("OVERLAY: options empty or %u bytes or more",
				       SIXC_MAX_OVERLAY_DATA);
		cfg->overlay_dir = o[0];
		cfg->overlay_data = o[1];
		return 0;
	}
	case TAG_CGROUP:
		if (cfg->ncgroups >= SIXC_MAX_CGROUPS)
			return invalid("CGROUP: more than %u", SIXC_MAX_CGROUPS);
		if (take_string(p, len, "CGROUP", &s) < 0)
			return -1;
		/* Wherever the host mounts its hierarchies; that it is one is
		 * checked on the open file (cgroup_join). */
		if (s[0] != '/' || strstr(s, "/../") != NULL || !ends_with(s, "/cgroup.procs"))
			return invalid("CGROUP: not an absolute path of a cgroup.procs file");
		cfg->cgroups[cfg->ncgroups++] = s;
		return 0;
	default:
		if (tag >= TAG_CAPS && tag <= TAG_LAST_CONFINEMENT)
			return secconfig_take(tag, p, len, cfg);
		return invalid("unknown tag %u", tag);
	}
}

int config_parse(unsigned char *payload, size_t len, struct config *cfg)
{
	size_t off = 0;
	int have_flags = 0;

	memset(cfg, 0, sizeof *cfg);
	while (off < len) {
		rec_off = off;
		if (len - off < 8)
			return invalid("truncated record header");
		uint16_t tag = le16(payload + off);
		uint16_t zero = le16(payload + off + 2);
		uint32_t rlen = le32(payload + off + 4);
		off += 8;
		if (zero != 0)
			return invalid("reserved field is %u, expected 0", zero);
		if (rlen > len - off)
			return invalid("length %u exceeds the remaining %zu bytes", rlen,
				       len - off);
		if (tag == TAG_FLAGS && have_flags++)
			return invalid("FLAGS: more than one");
		if (take_record(tag, payload + off, rlen, cfg) < 0)
			return -1;
		off += rlen;
	}
	rec_off = SIZE_MAX;
	if (cfg->rootfs == NULL)
		return invalid("no ROOTFS");
	if (cfg->argc == 0)
		return invalid("no ARG");
	if (secconfig_check(cfg) < 0)
		return -1;
	cfg->argv[cfg->argc] = NULL;
	cfg->envp[cfg->envc] = NULL;
	return 0;
}

static int read_failed(void)
{
	int err = errno;

	(void)invalid("read failed: errno %d", err);
	return err > 0 ? err : EIO;
}

int config_read(int fd, struct config *cfg)
{
	unsigned char extra;
	ssize_t n;

	rec_off = SIZE_MAX;
	n = read_full(fd, cfgbuf, SIXC_HEADER_LEN);
	if (n < 0)
		return read_failed();
	if ((size_t)n < SIXC_HEADER_LEN)
		return invalid("truncated header: %zd of %u bytes", n, SIXC_HEADER_LEN);
	if (memcmp(cfgbuf, SIXC_MAGIC, 4) != 0)
		return invalid("bad magic");
	uint32_t version = le32(cfgbuf + 4);
	if (version != SIXC_VERSION)
		return invalid("unsupported version %u", version);
	uint32_t plen = le32(cfgbuf + 8);
	if (plen > SIXC_MAX_PAYLOAD)
		return invalid("payload length %u exceeds %u", plen, SIXC_MAX_PAYLOAD);
	n = read_full(fd, cfgbuf + SIXC_HEADER_LEN, plen);
	if (n < 0)
		return read_failed();
	if ((size_t)n < plen)
		return invalid("truncated payload: %zd of %u bytes", n, plen);
	/* The contract wants EOF exactly here: more bytes mean a framing bug. */
	n = read_full(fd, &extra, 1);
	if (n < 0)
		return read_failed();
	if (n != 0)
		return invalid("data after the %u-byte payload", plen);
	return config_parse(cfgbuf + SIXC_HEADER_LEN, plen, cfg);
}

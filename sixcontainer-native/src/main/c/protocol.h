/* The launch config (docs/protocol.md, "Launch config"): reading and
 * validating it as untrusted input. The parsed config points into one
 * static buffer, so nothing is allocated. */
#ifndef SIXC_PROTOCOL_H
#define SIXC_PROTOCOL_H

#include <stddef.h>
#include <stdint.h>

#define SIXC_MAGIC "SIXC"
#define SIXC_VERSION 1u
#define SIXC_HEADER_LEN 12u
#define SIXC_MAX_PAYLOAD (1u << 20)
#define SIXC_MAX_STRING 65536u
#define SIXC_MAX_ARGS 4096u
#define SIXC_MAX_ENV 4096u
#define SIXC_MAX_MOUNTS 512u
#define SIXC_MAX_HOSTNAME 64u
#define SIXC_MAX_CGROUPS 32u
#define SIXC_MAX_OVERLAY_DATA 4096u

enum sixc_tag {
	TAG_ROOTFS = 1,
	TAG_ARG = 2,
	TAG_ENV = 3,
	TAG_CWD = 4,
	TAG_HOSTNAME = 5,
	TAG_MOUNT = 6,
	TAG_FLAGS = 7,
	TAG_USER = 8,   /* u32 uid, u32 gid: run the command as this user */
	TAG_CGROUP = 9, /* exec mode: a cgroup.procs file to join (host path) */
	TAG_OVERLAY = 10, /* dir, options: the root is an overlay mounted from dir */
};

enum sixc_mount_op {
	MOP_MOUNT = 1,
	MOP_MKDIR = 2,
	MOP_MKNOD = 3,
	MOP_SYMLINK = 4,
};

#define SIXC_FLAG_LOOPBACK 1u
#define SIXC_FLAG_CONTROLLING_TTY 2u
#define SIXC_KNOWN_FLAGS (SIXC_FLAG_LOOPBACK | SIXC_FLAG_CONTROLLING_TTY)

/* Fixed part of a MOUNT record: op, mode, flags, dev. */
#define SIXC_MOUNT_FIXED 24u

struct mount_step {
	uint32_t op;
	uint32_t mode;
	uint64_t flags;
	uint64_t dev;
	/* Never NULL; "" means none. */
	char *source;
	char *target;
	char *fstype;
	char *data;
};

struct config {
	char *rootfs;
	char *cwd;      /* NULL: "/" */
	char *hostname; /* NULL: leave as is */
	/* NULL: rootfs is bound onto itself; else an overlay is mounted on it,
	 * its options' relative paths resolved from overlay_dir. */
	char *overlay_dir;
	char *overlay_data;
	uint32_t flags;
	int has_user;
	uint32_t uid, gid;
	size_t ncgroups;
	char *cgroups[SIXC_MAX_CGROUPS];
	size_t argc;
	size_t envc;
	size_t nmounts;
	char *argv[SIXC_MAX_ARGS + 1]; /* NULL-terminated for execve */
	char *envp[SIXC_MAX_ENV + 1];
	struct mount_step mounts[SIXC_MAX_MOUNTS];
};

/* Reads a whole config from fd (to EOF) and validates it.
 * Returns 0, or -1 for an invalid config (see config_reason()), or a
 * positive errno if read() itself failed. */
int config_read(int fd, struct config *cfg);

/* Validates payload[0..len) (the bytes after the header) into cfg.
 * payload must stay alive and unmodified while cfg is used. 0 or -1. */
int config_parse(unsigned char *payload, size_t len, struct config *cfg);

/* Why the last config_read/config_parse failed. */
const char *config_reason(void);

#endif

/* The protocol between Java and the helper (docs/protocol.md) on the C
 * side: the descriptor table, the launch config's header, tags, flags and
 * mount ops, the monitor's event kinds and the init's exit codes, and the
 * parsed config with its reader, which validates it as untrusted input.
 * The parsed config points into one static buffer, so nothing is
 * allocated. Java's half is io.sixcontainer.internal.launch.Protocol;
 * ProtocolConsistencyTest parses this file and fails when they differ. */
#ifndef SIXC_PROTOCOL_H
#define SIXC_PROTOCOL_H

#include <stddef.h>
#include <stdint.h>

/* The helper's descriptors. */
#define SIXC_FD_STDIN 0       /* the container's stdio: 0-2 */
#define SIXC_FD_STDOUT 1
#define SIXC_FD_STDERR 2
#define SIXC_FD_CONFIG 3      /* Java -> init: the launch config */
#define SIXC_FD_EVENTS 4      /* monitor -> Java: event lines */
#define SIXC_FD_EXEC_STATUS 5 /* init -> Java: one error line, or EOF at execve */
#define SIXC_FD_LIFELINE 6    /* Java -> monitor: EOF when the JVM is gone */
#define SIXC_FD_HELD_FIRST 7  /* Java -> monitor: run --held-fds N keeps 7..7+N-1 open */
#define SIXC_FD_HELD_MAX 64   /* while the container runs (its published ports' sockets) */

/* The byte Java writes on the lifeline of a detached container once it is
 * launched: from then on the container no longer depends on the JVM. */
#define SIXC_LIFELINE_DETACH 'D'

/* The first word of each event line on fd 4. */
#define SIXC_EVENT_PID "pid"       /* pid <pid> [<start-time>] */
#define SIXC_EVENT_EXIT "exit"     /* exit <code> */
#define SIXC_EVENT_SIGNAL "signal" /* signal <signo> */
#define SIXC_EVENT_ERROR "error"   /* error <step> <errno> */

/* Exit codes of the init when it fails before or at execve. */
#define SIXC_EXIT_FAILED 125
#define SIXC_EXIT_NOEXEC 126
#define SIXC_EXIT_NOTFOUND 127

/* The launch config's header: magic, u32 version, u32 payload length. */
#define SIXC_MAGIC "SIXC"
#define SIXC_VERSION 1u
#define SIXC_HEADER_LEN 12u

/* Bounds the parser enforces. */
#define SIXC_MAX_PAYLOAD (1u << 20)
#define SIXC_MAX_STRING 65536u
#define SIXC_MAX_ARGS 4096u
#define SIXC_MAX_ENV 4096u
#define SIXC_MAX_MOUNTS 512u
#define SIXC_MAX_HOSTNAME 64u
#define SIXC_MAX_CGROUPS 32u
#define SIXC_MAX_OVERLAY_DATA 4096u

/* Record tags: 1-10 the process, 20-27 its confinement (secconfig.c). */
enum sixc_tag {
	TAG_ROOTFS = 1,
	TAG_ARG = 2,
	TAG_ENV = 3,
	TAG_CWD = 4,
	TAG_HOSTNAME = 5,
	TAG_MOUNT = 6,
	TAG_FLAGS = 7,
	TAG_USER = 8,   /* u32 uid, u32 gid: run the command as this user */
	TAG_CGROUP = 9, /* a cgroup.procs file the init or the exec joins (host path) */
	TAG_OVERLAY = 10, /* dir, options: the root is an overlay mounted from dir */
	/* Confinement (secconfig.c): 20..TAG_LAST_CONFINEMENT. */
	TAG_CAPS = 20,          /* u64 bounding, permitted, effective, inheritable */
	TAG_NO_NEW_PRIVS = 21,  /* empty */
	TAG_SECCOMP = 22,       /* struct sock_filter[n] */
	TAG_RLIMIT = 23,        /* u32 resource, u32 zero, u64 soft, u64 hard */
	TAG_OOM_SCORE_ADJ = 24, /* s32 */
	TAG_GROUPS = 25,        /* u32 gid[n]: supplementary groups of USER */
	TAG_USER_NAME = 26,     /* user, group: looked up in the container (users.c) */
	TAG_GROUP_NAME = 27,    /* a group to add: looked up in the container */
	TAG_LAST_CONFINEMENT = TAG_GROUP_NAME,
};

/* The op of a MOUNT record's step. */
enum sixc_mount_op {
	MOP_MOUNT = 1,
	MOP_MKDIR = 2,
	MOP_MKNOD = 3,
	MOP_SYMLINK = 4,
	/* masks.c: only on procfs/sysfs; a missing target is skipped. */
	MOP_MASK = 10,     /* cover with our null device, or an empty read-only tmpfs */
	MOP_READONLY = 11, /* bind onto itself read-only */
};

/* Bits of the FLAGS record. */
#define SIXC_FLAG_LOOPBACK 1u
#define SIXC_FLAG_CONTROLLING_TTY 2u
/* run: before execve the init waits for the byte 'N' on the first held fd
 * (the JVM attaches the network namespace meanwhile); EOF is a failure. */
#define SIXC_FLAG_NETWORK_WAIT 4u
#define SIXC_KNOWN_FLAGS (SIXC_FLAG_LOOPBACK | SIXC_FLAG_CONTROLLING_TTY | SIXC_FLAG_NETWORK_WAIT)

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

#define SIXC_MAX_SECCOMP_INSNS 4096u /* BPF_MAXINSNS */
#define SIXC_SOCK_FILTER_LEN 8u
#define SIXC_MAX_RLIMITS 16u /* RLIM_NLIMITS */
#define SIXC_MAX_GROUPS 256u
#define SIXC_MAX_NAME 256u /* bytes of a user or group name, NUL included */
#define SIXC_MAX_ID 2147483647u /* the largest uid or gid a name may give, as in runc */

struct rlimit_rec {
	uint32_t resource;
	uint64_t soft, hard;
};

/* What confines the command (docs/protocol.md, tags 20-27); applied by security.c
 * and, for the user, users.c and command.c. */
struct security {
	int has_caps;
	uint64_t cap_bounding, cap_permitted, cap_effective, cap_inheritable;
	int no_new_privs;
	/* Points into the config buffer: unaligned, copied before use. */
	const unsigned char *seccomp;
	size_t seccomp_insns;
	size_t nrlimits;
	struct rlimit_rec rlimits[SIXC_MAX_RLIMITS];
	int has_oom_score_adj;
	int32_t oom_score_adj;
	int has_groups;
	size_t ngroups;
	uint32_t groups[SIXC_MAX_GROUPS];
	/* USER_NAME: docker's --user, NULL when absent; group_name "" when
	 * none is given. Point into the config buffer. */
	const char *user_name;
	const char *group_name;
	/* GROUP_NAME records: docker's --group-add, names or decimal gids. */
	size_t nadd_groups;
	const char *add_groups[SIXC_MAX_GROUPS];
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
	struct security sec;
};

/* Reads a whole config from fd (to EOF) and validates it.
 * Returns 0, or -1 for an invalid config (see config_reason()), or a
 * positive errno if read() itself failed. */
int config_read(int fd, struct config *cfg);

/* Validates payload[0..len) (the bytes after the header) into cfg.
 * payload must stay alive and unmodified while cfg is used. 0 or -1. */
int config_parse(unsigned char *payload, size_t len, struct config *cfg);

/* For the record parsers (protocol.c, secconfig.c): little-endian reads,
 * and recording why the config is invalid (always returns -1). */
uint32_t config_le32(const unsigned char *p);
uint64_t config_le64(const unsigned char *p);
int config_invalid(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* n consecutive NUL-terminated strings filling p[0..len) exactly. 0 or -1. */
int config_strings(unsigned char *p, size_t len, const char *what, char **out, size_t n);

/* Why the last config_read/config_parse failed. */
const char *config_reason(void);

#endif

#define _GNU_SOURCE
#include "security.h"
#include "report.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/capability.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

/* Capabilities this kernel knows: PR_CAPBSET_READ answers EINVAL past the last. */
static uint64_t known_caps(void)
{
	uint64_t known = 0;

	for (unsigned cap = 0; cap < 64; cap++) {
		int r = prctl(PR_CAPBSET_READ, (unsigned long)cap, 0, 0, 0);
		if (r < 0 && errno == EINVAL)
			break;
		if (r < 0)
			init_die("prctl", errno, "PR_CAPBSET_READ");
		known |= (uint64_t)1 << cap;
	}
	return known;
}

/* Needs CAP_SETPCAP in the effective set: done while the process still has
 * every capability. Once dropped, no execve can bring a capability back. */
static void drop_bounding(uint64_t keep)
{
	uint64_t known = known_caps();

	for (unsigned cap = 0; cap < 64; cap++) {
		uint64_t bit = (uint64_t)1 << cap;
		if ((known & bit) == 0 || (keep & bit) != 0)
			continue;
		if (prctl(PR_CAPBSET_DROP, (unsigned long)cap, 0, 0, 0) < 0) {
			char detail[32];
			(void)snprintf(detail, sizeof detail, "PR_CAPBSET_DROP %u", cap);
			init_die("prctl", errno, detail);
		}
	}
}

static void set_rlimits(const struct security *sec)
{
	for (size_t i = 0; i < sec->nrlimits; i++) {
		const struct rlimit_rec *r = &sec->rlimits[i];
		struct rlimit lim = { .rlim_cur = r->soft, .rlim_max = r->hard };
		if (setrlimit((__rlimit_resource_t)r->resource, &lim) < 0) {
			char detail[32];
			(void)snprintf(detail, sizeof detail, "resource %u", r->resource);
			init_die("setrlimit", errno, detail);
		}
	}
}

/* Through the process's own /proc: in both modes that is the container's. */
static void set_oom_score_adj(int32_t value)
{
	char buf[16];
	int n = snprintf(buf, sizeof buf, "%d", (int)value);
	int fd = open("/proc/self/oom_score_adj", O_WRONLY | O_CLOEXEC);

	if (fd < 0)
		init_die("open", errno, "/proc/self/oom_score_adj");
	if (n < 0 || write_all(fd, buf, (size_t)n) < 0)
		init_die("write", errno, "/proc/self/oom_score_adj");
	if (xclose(fd) < 0)
		init_die("close", errno, "/proc/self/oom_score_adj");
}

static void install_seccomp(const struct security *sec)
{
	/* Static and aligned: the record in the config buffer is neither. */
	static struct sock_filter insns[SIXC_MAX_SECCOMP_INSNS];
	struct sock_fprog prog = {
		.len = (unsigned short)sec->seccomp_insns,
		.filter = insns,
	};

	memcpy(insns, sec->seccomp, sec->seccomp_insns * sizeof insns[0]);
	if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) < 0)
		init_die("seccomp", errno, "SECCOMP_SET_MODE_FILTER");
}

void security_prepare(const struct security *sec)
{
	set_rlimits(sec);
	if (sec->has_oom_score_adj)
		set_oom_score_adj(sec->oom_score_adj);
	if (sec->has_caps)
		drop_bounding(sec->cap_bounding);
	if (sec->seccomp != NULL && !sec->no_new_privs)
		install_seccomp(sec);
}

/* What this process may still hold: a runtime that itself lacks a
 * capability cannot grant it ("ALL" means all it has). */
static uint64_t permitted_now(void)
{
	struct __user_cap_header_struct hdr = { .version = _LINUX_CAPABILITY_VERSION_3 };
	struct __user_cap_data_struct data[2];

	if (syscall(SYS_capget, &hdr, data) < 0)
		init_die("capget", errno, "");
	return (uint64_t)data[0].permitted | (uint64_t)data[1].permitted << 32;
}

/* A user other than root gets empty permitted, effective and inheritable
 * sets, as execve would give it (and as Docker does); setresuid has already
 * cleared the first two. */
static void set_caps(const struct security *sec)
{
	struct __user_cap_header_struct hdr = { .version = _LINUX_CAPABILITY_VERSION_3 };
	struct __user_cap_data_struct data[2];
	int root = geteuid() == 0;
	uint64_t have = root ? permitted_now() : 0;
	uint64_t p = sec->cap_permitted & have;
	uint64_t e = sec->cap_effective & have;
	uint64_t i = sec->cap_inheritable & have;

	memset(data, 0, sizeof data);
	data[0].permitted = (uint32_t)p;
	data[1].permitted = (uint32_t)(p >> 32);
	data[0].effective = (uint32_t)e;
	data[1].effective = (uint32_t)(e >> 32);
	data[0].inheritable = (uint32_t)i;
	data[1].inheritable = (uint32_t)(i >> 32);
	if (syscall(SYS_capset, &hdr, data) < 0)
		init_die("capset", errno, "");
	if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) < 0)
		init_die("prctl", errno, "PR_CAP_AMBIENT_CLEAR_ALL");
}

void security_finish(const struct security *sec)
{
	if (sec->has_caps)
		set_caps(sec);
	if (sec->no_new_privs) {
		if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
			init_die("prctl", errno, "PR_SET_NO_NEW_PRIVS");
		if (sec->seccomp != NULL)
			install_seccomp(sec);
	}
}

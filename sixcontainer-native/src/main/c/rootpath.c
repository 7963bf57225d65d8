/* Acting on paths inside the container's root: resolving them under it,
 * naming what was resolved, remounting a bind in place. */
#define _GNU_SOURCE
#include "rootpath.h"
#include "report.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <stdio.h>
#include <sys/mount.h>
#include <sys/statfs.h>
#include <sys/statvfs.h>
#include <sys/syscall.h>
#include <unistd.h>

/* openat2 returns EAGAIN when a rename or mount races the lookup. */
#define OPENAT2_RETRIES 64

int open_in_root(int rootfd, const char *path, uint64_t flags)
{
	struct open_how how = {
		.flags = flags | O_CLOEXEC,
		.resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS,
	};

	for (int i = 0; i < OPENAT2_RETRIES; i++) {
		long fd = syscall(SYS_openat2, rootfd, path, &how, sizeof how);
		if (fd >= 0)
			return (int)fd;
		if (errno != EAGAIN && errno != EINTR)
			return -1;
	}
	return -1;
}

/* The mountpoint syscalls follow /proc/self/fd/N to exactly the object we
 * resolved in the root: the same trick runc uses against symlink races. */
void fd_path(char *buf, size_t size, int fd)
{
	int n = snprintf(buf, size, "/proc/self/fd/%d", fd);

	if (n < 0 || (size_t)n >= size)
		init_die("mount-plan", EOVERFLOW, "/proc/self/fd");
}

/* A bind ignores per-mount flags; only a remount applies them. Flags the
 * mount already has (nosuid, nodev, noexec from the source) are kept so
 * that the remount never weakens it. */
void remount_bind(int rootfd, const struct mount_step *m, const char *path)
{
	char fdp[32];
	struct statfs sfs;
	unsigned long flags = MS_REMOUNT | MS_BIND | (m->flags & BIND_REMOUNT_FLAGS);

	/* Resolve again: the earlier fd still names the covered directory. */
	int fd = open_in_root(rootfd, path, O_PATH);
	if (fd < 0)
		init_die("mount", errno, m->target);
	if (fstatfs(fd, &sfs) < 0)
		init_die("statfs", errno, m->target);
	if (sfs.f_flags & ST_NOSUID)
		flags |= MS_NOSUID;
	if (sfs.f_flags & ST_NODEV)
		flags |= MS_NODEV;
	if (sfs.f_flags & ST_NOEXEC)
		flags |= MS_NOEXEC;
	fd_path(fdp, sizeof fdp, fd);
	if (mount(NULL, fdp, NULL, flags, NULL) < 0)
		init_die("remount", errno, m->target);
	if (xclose(fd) < 0)
		init_die("close", errno, m->target);
}

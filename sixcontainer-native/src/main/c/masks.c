#define _GNU_SOURCE
#include "masks.h"
#include "report.h"
#include "rootpath.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/magic.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/sysmacros.h>
#include <unistd.h>

/* The host's null device, opened before pivot_root: a mask never uses the
 * container's /dev/null, which the image or a racing process could have
 * replaced by something else (CVE-2025-31133). */
static int null_fd = -1;

static int our_null_device(void)
{
	struct stat st;

	if (null_fd >= 0)
		return null_fd;
	int fd = open("/dev/null", O_PATH | O_CLOEXEC);
	if (fd < 0)
		init_die("mask", errno, "/dev/null");
	if (fstat(fd, &st) < 0)
		init_die("mask", errno, "/dev/null");
	if (!S_ISCHR(st.st_mode) || st.st_rdev != makedev(1, 3))
		init_die("mask", ENODEV, "the host's /dev/null is not the null device");
	null_fd = fd;
	return fd;
}

/* O_PATH fd of the target, or -1 if it does not exist. Only procfs and
 * sysfs paths are masked: an image that turned /proc into something else
 * must not make us mount over its own files (CVE-2019-16884 class). */
static int open_target(int rootfd, const struct mount_step *m, struct stat *st)
{
	struct statfs sfs;
	int fd = open_in_root(rootfd, m->target, O_PATH);

	if (fd < 0 && errno == ENOENT)
		return -1;
	if (fd < 0)
		init_die("mask", errno, m->target);
	if (fstatfs(fd, &sfs) < 0 || fstat(fd, st) < 0)
		init_die("mask", errno, m->target);
	if (sfs.f_type != PROC_SUPER_MAGIC && sfs.f_type != SYSFS_MAGIC)
		init_die("mask", EXDEV, m->target);
	return fd;
}

static void mask(int fd, const struct stat *st, const struct mount_step *m)
{
	char target[32], source[32];

	fd_path(target, sizeof target, fd);
	if (S_ISDIR(st->st_mode)) {
		if (mount("tmpfs", target, "tmpfs", MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC,
			  "mode=0555,size=4k") < 0)
			init_die("mask", errno, m->target);
		return;
	}
	fd_path(source, sizeof source, our_null_device());
	if (mount(source, target, NULL, MS_BIND, NULL) < 0)
		init_die("mask", errno, m->target);
}

static void make_readonly(int rootfd, int fd, const struct mount_step *m)
{
	char path[32];
	struct mount_step ro = *m;

	fd_path(path, sizeof path, fd);
	if (mount(path, path, NULL, MS_BIND | MS_REC, NULL) < 0)
		init_die("mount", errno, m->target);
	ro.flags = MS_RDONLY;
	remount_bind(rootfd, &ro, m->target);
}

void masks_apply(int rootfd, const struct mount_step *m)
{
	struct stat st;
	int fd = open_target(rootfd, m, &st);

	if (fd < 0)
		return;
	if (m->op == MOP_MASK)
		mask(fd, &st, m);
	else
		make_readonly(rootfd, fd, m);
	if (xclose(fd) < 0)
		init_die("close", errno, m->target);
}

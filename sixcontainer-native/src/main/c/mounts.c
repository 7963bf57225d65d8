#define _GNU_SOURCE
#include "mounts.h"
#include "masks.h"
#include "report.h"
#include "rootpath.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

static void close_or_die(int fd, const char *detail)
{
	if (xclose(fd) < 0)
		init_die("close", errno, detail);
}

/* Copies a target into a writable buffer, since resolution edits it. */
static void copy_path(char *buf, const char *path)
{
	size_t len = strlen(path);

	if (len >= PATH_MAX)
		init_die("mount-plan", ENAMETOOLONG, path);
	memcpy(buf, path, len + 1);
}

/* O_PATH fd of directory path (edited in place, restored), creating
 * missing components 0755. Each prefix is resolved from the root again, so
 * symlinks and ".." inside the image are followed but stay in the root. */
static int mkdir_p(int rootfd, char *path, const char *detail)
{
	int fd = open_in_root(rootfd, path, O_PATH | O_DIRECTORY);

	if (fd >= 0)
		return fd;
	if (errno != ENOENT)
		init_die("mkdir", errno, detail);

	int parent = open_in_root(rootfd, "/", O_PATH | O_DIRECTORY);
	if (parent < 0)
		init_die("mkdir", errno, "/");
	char *p = path;
	while (*p == '/')
		p++;
	while (*p != '\0') {
		char *end = strchrnul(p, '/');
		char saved = *end;

		*end = '\0';
		fd = open_in_root(rootfd, path, O_PATH | O_DIRECTORY);
		if (fd < 0 && errno == ENOENT) {
			/* One component under a resolved parent: cannot leave the root. */
			if (mkdirat(parent, p, 0755) < 0 && errno != EEXIST)
				init_die("mkdir", errno, detail);
			fd = open_in_root(rootfd, path, O_PATH | O_DIRECTORY);
		}
		if (fd < 0)
			init_die("mkdir", errno, detail);
		*end = saved;
		close_or_die(parent, detail);
		parent = fd;
		p = end;
		while (*p == '/')
			p++;
	}
	return parent;
}

/* Moves the last component of path into name (NAME_MAX + 1 bytes) and
 * leaves the parent, with its trailing '/', in path. The parser already
 * rejected "", "." and ".." as last components; checked again because the
 * *at() calls below must get a plain name. */
static void split_last(char *path, char *name, const char *detail)
{
	char *slash = strrchr(path, '/');

	if (slash == NULL || slash[1] == '\0' || strcmp(slash + 1, ".") == 0 ||
	    strcmp(slash + 1, "..") == 0)
		init_die("mount-plan", EINVAL, detail);
	size_t len = strlen(slash + 1);
	if (len > NAME_MAX)
		init_die("mount-plan", ENAMETOOLONG, detail);
	memcpy(name, slash + 1, len + 1);
	slash[1] = '\0';
}

/* True if the target cannot be created by name (trailing '/', ".", "..",
 * "/"): then the whole target is a directory made by mkdir_p. */
static int is_dir_only(const char *path)
{
	size_t len = strlen(path);

	if (len == 0 || path[len - 1] == '/')
		return 1;
	const char *last = strrchr(path, '/');
	last = last != NULL ? last + 1 : path;
	return strcmp(last, ".") == 0 || strcmp(last, "..") == 0;
}

static void create_mount_target(int rootfd, const struct mount_step *m, char *path)
{
	char name[NAME_MAX + 1];
	int as_file = 0;

	if ((m->flags & (MS_BIND | MS_REMOUNT)) == MS_BIND) {
		struct stat st;
		/* A bind source is a host path: the host is trusted. */
		if (stat(m->source, &st) < 0)
			init_die("stat", errno, m->source);
		as_file = !S_ISDIR(st.st_mode);
	}
	if (is_dir_only(path)) {
		close_or_die(mkdir_p(rootfd, path, m->target), m->target);
		return;
	}
	split_last(path, name, m->target);
	int parent = mkdir_p(rootfd, path, m->target);
	if (as_file) {
		int fd = openat(parent, name,
				O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
		if (fd < 0 && errno != EEXIST)
			init_die("mount", errno, m->target);
		if (fd >= 0)
			close_or_die(fd, m->target);
	} else if (mkdirat(parent, name, 0755) < 0 && errno != EEXIST) {
		init_die("mkdir", errno, m->target);
	}
	close_or_die(parent, m->target);
}

static const char *none_if_empty(const char *s)
{
	return s[0] != '\0' ? s : NULL;
}

static void do_mount(int rootfd, const struct mount_step *m)
{
	char path[PATH_MAX];
	char fdp[32];

	copy_path(path, m->target);
	int fd = open_in_root(rootfd, path, O_PATH);
	if (fd < 0 && errno == ENOENT) {
		create_mount_target(rootfd, m, path);
		copy_path(path, m->target);
		fd = open_in_root(rootfd, path, O_PATH);
	}
	if (fd < 0)
		init_die("mount", errno, m->target);
	fd_path(fdp, sizeof fdp, fd);
	if (mount(none_if_empty(m->source), fdp, none_if_empty(m->fstype),
		  (unsigned long)m->flags, none_if_empty(m->data)) < 0)
		init_die("mount", errno, m->target);
	close_or_die(fd, m->target);
	if ((m->flags & (MS_BIND | MS_REMOUNT)) == MS_BIND &&
	    (m->flags & BIND_REMOUNT_FLAGS) != 0)
		remount_bind(rootfd, m, path);
}

static void do_mkdir(int rootfd, const struct mount_step *m)
{
	char path[PATH_MAX];
	char name[NAME_MAX + 1];

	copy_path(path, m->target);
	split_last(path, name, m->target);
	int parent = mkdir_p(rootfd, path, m->target);
	if (mkdirat(parent, name, (mode_t)m->mode) < 0) {
		if (errno != EEXIST)
			init_die("mkdir", errno, m->target);
		/* An existing directory is fine, also behind a symlink in the root. */
		copy_path(path, m->target);
		int fd = open_in_root(rootfd, path, O_PATH | O_DIRECTORY);
		if (fd < 0)
			init_die("mkdir", EEXIST, m->target);
		close_or_die(fd, m->target);
	}
	close_or_die(parent, m->target);
}

static void do_mknod(int rootfd, const struct mount_step *m)
{
	char path[PATH_MAX];
	char name[NAME_MAX + 1];

	copy_path(path, m->target);
	split_last(path, name, m->target);
	int parent = mkdir_p(rootfd, path, m->target);
	if (mknodat(parent, name, (mode_t)m->mode, (dev_t)m->dev) < 0)
		init_die("mknod", errno, m->target);
	close_or_die(parent, m->target);
}

/* An identical existing link is fine: plans may repeat what the image has. */
static int same_link(int parent, const char *name, const char *content)
{
	char buf[PATH_MAX];
	size_t len = strlen(content);
	ssize_t n = readlinkat(parent, name, buf, sizeof buf);

	return n >= 0 && (size_t)n == len && memcmp(buf, content, len) == 0;
}

static void do_symlink(int rootfd, const struct mount_step *m)
{
	char path[PATH_MAX];
	char name[NAME_MAX + 1];

	copy_path(path, m->target);
	split_last(path, name, m->target);
	int parent = mkdir_p(rootfd, path, m->target);
	if (symlinkat(m->source, parent, name) < 0) {
		int err = errno;
		if (err != EEXIST || !same_link(parent, name, m->source))
			init_die("symlink", err, m->target);
	}
	close_or_die(parent, m->target);
}

void mounts_apply(int rootfd, const struct mount_step *steps, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct mount_step *m = &steps[i];

		switch (m->op) {
		case MOP_MOUNT:
			do_mount(rootfd, m);
			break;
		case MOP_MKDIR:
			do_mkdir(rootfd, m);
			break;
		case MOP_MKNOD:
			do_mknod(rootfd, m);
			break;
		case MOP_SYMLINK:
			do_symlink(rootfd, m);
			break;
		case MOP_MASK:
		case MOP_READONLY:
			masks_apply(rootfd, m);
			break;
		default:
			init_die("mount-plan", EINVAL, m->target);
		}
	}
}

/* Paths inside the container's root (docs/protocol.md, "Mount-plan
 * steps"), shared by the mount plan, the masks, the user lookup and the
 * working directory: resolved with openat2(RESOLVE_IN_ROOT), so a symlink
 * in the image cannot lead out of the root. */
#ifndef SIXC_ROOTPATH_H
#define SIXC_ROOTPATH_H

#include "protocol.h"

#include <sys/mount.h>

/* Per-mount flags a bind only honours through a remount. */
#define BIND_REMOUNT_FLAGS \
	(MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC | MS_NOATIME | \
	 MS_NODIRATIME | MS_RELATIME | MS_STRICTATIME)

/* openat2(RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS) with O_CLOEXEC added,
 * retried on EAGAIN. fd or -1 (errno). */
int open_in_root(int rootfd, const char *path, uint64_t flags);

/* "/proc/self/fd/<fd>" into buf: the mount syscalls then act on exactly
 * the object the fd names. */
void fd_path(char *buf, size_t size, int fd);

/* Applies the per-mount flags of m (ro, nosuid, ...) to the bind mount at
 * path by a remount that keeps the flags the mount already has. */
void remount_bind(int rootfd, const struct mount_step *m, const char *path);

#endif

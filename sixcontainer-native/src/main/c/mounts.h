/* The mount-plan executor. Every target is resolved under rootfd with
 * openat2(RESOLVE_IN_ROOT), so a symlink in the image cannot redirect a
 * step to the host. Failures end the init through init_die(). */
#ifndef SIXC_MOUNTS_H
#define SIXC_MOUNTS_H

#include "protocol.h"

/* rootfd: O_PATH|O_DIRECTORY fd of the root after it was bound onto itself. */
void mounts_apply(int rootfd, const struct mount_step *steps, size_t n);

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

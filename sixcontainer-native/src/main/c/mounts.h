/* The mount-plan executor. Every target is resolved under rootfd with
 * openat2(RESOLVE_IN_ROOT), so a symlink in the image cannot redirect a
 * step to the host. Failures end the init through init_die(). */
#ifndef SIXC_MOUNTS_H
#define SIXC_MOUNTS_H

#include "protocol.h"

/* rootfd: O_PATH|O_DIRECTORY fd of the root after it was bound onto itself. */
void mounts_apply(int rootfd, const struct mount_step *steps, size_t n);

#endif

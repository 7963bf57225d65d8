/* Masked and read-only paths (mount-plan ops MASK and READONLY). */
#ifndef SIXC_MASKS_H
#define SIXC_MASKS_H

#include "protocol.h"

/* Executes one MASK or READONLY step; a target that does not exist is
 * skipped, one that is not on procfs or sysfs ends the init. */
void masks_apply(int rootfd, const struct mount_step *m);

#endif

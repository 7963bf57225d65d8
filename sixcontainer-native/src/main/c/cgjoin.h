/* Joining a cgroup through its cgroup.procs file. */
#ifndef SIXC_CGJOIN_H
#define SIXC_CGJOIN_H

/* Moves the calling process into the cgroup of procs_file (a host path, so
 * before any pivot_root or setns into another mount namespace). 0 or -1. */
int cgroup_join(const char *procs_file);

#endif

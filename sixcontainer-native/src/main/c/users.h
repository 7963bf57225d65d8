/* Who the command runs as (docs/protocol.md, USER, GROUPS, USER_NAME,
 * GROUP_NAME): numbers as given, names looked up in the container's own
 * /etc/passwd and /etc/group. */
#ifndef SIXC_USERS_H
#define SIXC_USERS_H

#include "protocol.h"

#include <sys/types.h>

struct identity {
	int switch_user; /* 0: keep the uid and gid, only clear the groups */
	uid_t uid;
	gid_t gid;
	size_t ngroups;
	gid_t groups[SIXC_MAX_GROUPS];
};

/* Must run inside the container's root (after pivot_root, or setns into its
 * mount namespace): every file is opened under "/" with RESOLVE_IN_ROOT, so
 * an image's symlink cannot point the lookup at a host file. Dies through
 * the fd-5 line (step "user") on an unknown name or a bad file. */
void users_resolve(const struct config *cfg, struct identity *out);

#endif

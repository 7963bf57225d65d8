/* Confining the command (docs/protocol.md, "Confinement"): resource limits,
 * capabilities, no_new_privs and the seccomp filter, in the order runc and
 * crun use, around the user switch. Shared by the init and exec modes. */
#ifndef SIXC_SECURITY_H
#define SIXC_SECURITY_H

#include "protocol.h"

/* Still fully privileged: rlimits, oom_score_adj, the bounding set, and
 * (without no_new_privs, which the kernel then requires CAP_SYS_ADMIN for)
 * the seccomp filter. Before the user switch. */
void security_prepare(const struct security *sec);

/* After the user switch and the chdir, right before execve: the permitted,
 * effective and inheritable sets, ambient cleared, no_new_privs, and with it
 * the seccomp filter. */
void security_finish(const struct security *sec);

#endif

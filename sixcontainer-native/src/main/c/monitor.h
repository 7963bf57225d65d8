/* The monitor: clones the init, reports on fd 4, enforces the lifeline,
 * records the exit and (for detached containers) writes the log. */
#ifndef SIXC_MONITOR_H
#define SIXC_MONITOR_H

#include <sys/types.h>

/* Allowed clone flags; CLONE_NEWNS is required (see monitor_check_flags). */
#define SIXC_CLONE_ALLOWED \
	(CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWPID | CLONE_NEWNET | \
	 CLONE_NEWCGROUP)

struct monitor_opts {
	unsigned long clone_flags;
	const char *state_dir; /* where the exit record goes; NULL: none */
	int log;               /* stdout/stderr -> <state_dir>/container.log */
	int detach;            /* the lifeline can be released with 'D' */
	int held_fds;          /* fds SIXC_FD_HELD_FIRST.. kept open until the end */
};

/* NULL if flags are acceptable, else why not. */
const char *monitor_check_flags(unsigned long flags);

/* Returns the monitor's exit code: 0 after exit/signal, 1 after error. */
int monitor_main(const struct monitor_opts *opts);

/* Watches a child (pid, pidfd) and the lifeline until the child ends, then
 * records and reports its end. The same loop serves run and exec. */
int monitor_watch(pid_t pid, int pidfd, const struct monitor_opts *opts);

/* pidfd_open(pid, 0). */
int pidfd_open(pid_t pid);

#endif

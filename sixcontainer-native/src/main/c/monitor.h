/* The monitor: clones the init, reports on fd 4, enforces the lifeline. */
#ifndef SIXC_MONITOR_H
#define SIXC_MONITOR_H

/* Allowed clone flags; CLONE_NEWNS is required (see monitor_check_flags). */
#define SIXC_CLONE_ALLOWED \
	(CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWPID | CLONE_NEWNET | \
	 CLONE_NEWCGROUP)

/* NULL if flags are acceptable, else why not. */
const char *monitor_check_flags(unsigned long flags);

/* Returns the monitor's exit code: 0 after exit/signal, 1 after error. */
int monitor_main(unsigned long clone_flags);

#endif

/* The container's init: everything between clone and execve. */
#ifndef SIXC_INIT_H
#define SIXC_INIT_H

/* clone_flags: the namespaces the init was cloned into.
 * monitor_pidfd: a pidfd of the monitor, to close the PDEATHSIG race. */
__attribute__((noreturn)) void init_main(unsigned long clone_flags, int monitor_pidfd);

#endif

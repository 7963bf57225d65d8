/* Identity of a process across pid reuse: its start time. */
#ifndef SIXC_PROCSTAT_H
#define SIXC_PROCSTAT_H

#include <stdint.h>
#include <sys/types.h>

/* Field 22 of /proc/<pid>/stat (clock ticks after boot); 0 if unreadable. */
uint64_t proc_start_time(pid_t pid);

#endif

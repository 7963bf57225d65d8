/* The exec mode: a new process inside a running container's namespaces
 * and cgroups (docs/protocol.md, "Exec"). */
#ifndef SIXC_ENTER_H
#define SIXC_ENTER_H

#include <stdint.h>
#include <sys/types.h>

/* Enters the namespaces of the init pid (started at start_time, field 22
 * of /proc/pid/stat), forks the command inside, and monitors it like the
 * run mode monitors an init. Returns the helper's exit code. */
int enter_main(pid_t pid, uint64_t start_time);

#endif

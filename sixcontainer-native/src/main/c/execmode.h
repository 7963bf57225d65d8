/* The helper's exec mode (`sixc-helper exec`): a new process inside a
 * running container's namespaces and cgroups (docs/protocol.md, "Exec"). */
#ifndef SIXC_EXECMODE_H
#define SIXC_EXECMODE_H

#include <stdint.h>
#include <sys/types.h>

/* Enters the namespaces of the init pid (started at start_time, field 22
 * of /proc/pid/stat), forks the command inside, and monitors it like the
 * run mode monitors an init. Returns the helper's exit code. */
int execmode_main(pid_t pid, uint64_t start_time);

#endif

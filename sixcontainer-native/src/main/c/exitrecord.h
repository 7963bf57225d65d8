/* The exit record a monitor leaves in the container's state directory, so
 * that the exit of a container nobody watched is never lost. */
#ifndef SIXC_EXITRECORD_H
#define SIXC_EXITRECORD_H

/* Writes "<exit|signal> <n> <unix-nanos>\n" to <state_dir>/exit through a
 * temporary file and rename: readers see the whole record or none. No fsync
 * (docs/state.md): only a power loss, which also ends every container, could
 * leave it torn, and the JVM reads a torn record as none. 0 or -1 (errno). */
int exit_record_write(const char *state_dir, int wait_status);

#endif

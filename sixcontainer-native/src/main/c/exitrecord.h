/* The exit record a monitor leaves in the container's state directory, so
 * that the exit of a container nobody watched is never lost. */
#ifndef SIXC_EXITRECORD_H
#define SIXC_EXITRECORD_H

/* Writes "<exit|signal> <n> <unix-nanos>\n" to <state_dir>/exit through a
 * temporary file, fsync and rename: readers see the whole record or none.
 * 0 or -1 (errno). */
int exit_record_write(const char *state_dir, int wait_status);

#endif

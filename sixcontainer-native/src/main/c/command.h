/* The container's command: the last steps of the init (run mode) and of an
 * exec'd process (exec mode), docs/protocol.md step 7 of the init's
 * sequence: look up the user, confine, switch user, close descriptors,
 * enter the working directory and execve with a PATH lookup. */
#ifndef SIXC_COMMAND_H
#define SIXC_COMMAND_H

#include "protocol.h"

/* setsid(), and with FLAGS bit 2 (fd 0 is a pty slave) TIOCSCTTY on fd 0.
 * Dies through the fd-5 line. */
void command_new_session(const struct config *cfg);

/* Never returns: either the command runs, or the init reports on fd 5
 * and exits 125/126/127. */
__attribute__((noreturn)) void command_exec(const struct config *cfg);

#endif

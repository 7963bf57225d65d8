/* The last step of the init: close fds and execve the command. */
#ifndef SIXC_EXEC_H
#define SIXC_EXEC_H

#include "protocol.h"

/* setsid(), and with FLAGS bit 2 (fd 0 is a pty slave) TIOCSCTTY on fd 0.
 * Dies through the fd-5 line. */
void exec_new_session(const struct config *cfg);

/* Never returns: either the command runs, or the init reports on fd 5
 * and exits 125/126/127. */
__attribute__((noreturn)) void exec_command(const struct config *cfg);

#endif

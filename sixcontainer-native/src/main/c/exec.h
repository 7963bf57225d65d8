/* The last step of the init: close fds and execve the command. */
#ifndef SIXC_EXEC_H
#define SIXC_EXEC_H

#include "protocol.h"

/* fd 0 is a pty slave (docs/protocol.md, FLAGS bit 2): makes it the
 * controlling terminal of a new session. Dies through the fd-5 line. */
void exec_take_controlling_tty(void);

/* Never returns: either the command runs, or the init reports on fd 5
 * and exits 125/126/127. */
__attribute__((noreturn)) void exec_command(const struct config *cfg);

#endif

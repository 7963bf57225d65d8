/* The last step of the init: close fds and execve the command. */
#ifndef SIXC_EXEC_H
#define SIXC_EXEC_H

#include "protocol.h"

/* Never returns: either the command runs, or the init reports on fd 5
 * and exits 125/126/127. */
__attribute__((noreturn)) void exec_command(const struct config *cfg);

#endif

/* The two reporting channels of the protocol: fd 4 (monitor events) and
 * fd 5 (the init's single error line). */
#ifndef SIXC_REPORT_H
#define SIXC_REPORT_H

#include "protocol.h"

/* Writes "<line>\n" to fd 4. 0 or -1 (errno). */
int report_event(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Writes "error <step> <err>" to fd 4 and returns 1, the exit code of a
 * helper that failed. */
int report_error(const char *step, int err);

/* Writes "<step>\t<errno>\t<detail>\n" to fd 5 and _exits with code.
 * detail may be NULL. */
__attribute__((noreturn)) void
report_init_exit(const char *step, int err, const char *detail, int code);

/* The common case: exit 125. */
__attribute__((noreturn)) void
init_die(const char *step, int err, const char *detail);

#endif

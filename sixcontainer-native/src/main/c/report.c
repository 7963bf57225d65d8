#define _GNU_SOURCE
#include "report.h"
#include "util.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define DETAIL_MAX 1024

int report_event(const char *fmt, ...)
{
	char line[128];
	va_list ap;

	va_start(ap, fmt);
	int n = vsnprintf(line, sizeof line - 1, fmt, ap);
	va_end(ap);
	/* Events are short and fixed-form; truncating one would corrupt the stream. */
	if (n < 0 || (size_t)n >= sizeof line - 1)
		return -1;
	line[n] = '\n';
	return write_all(SIXC_FD_EVENTS, line, (size_t)n + 1);
}

int report_error(const char *step, int err)
{
	(void)report_event(SIXC_EVENT_ERROR " %s %d", step, err);
	return 1;
}

void report_init_exit(const char *step, int err, const char *detail, int code)
{
	/* step + errno + 1024 bytes of detail + separators always fit. */
	char line[64 + 16 + DETAIL_MAX + 4];
	int n = snprintf(line, sizeof line, "%.60s\t%d\t", step, err);

	if (n > 0 && (size_t)n < sizeof line) {
		size_t len = (size_t)n;
		size_t dlen = detail != NULL ? strnlen(detail, DETAIL_MAX + 1) : 0;

		if (dlen > DETAIL_MAX) {
			dlen = DETAIL_MAX;
			/* Do not split a UTF-8 sequence: Java decodes the line as UTF-8. */
			while (dlen > 0 && ((unsigned char)detail[dlen] & 0xC0) == 0x80)
				dlen--;
		}
		for (size_t i = 0; i < dlen; i++) {
			char c = detail[i];
			/* Tabs and newlines are the line's own separators. */
			line[len++] = (c == '\t' || c == '\n') ? ' ' : c;
		}
		line[len++] = '\n';
		/* Nothing more can be done if Java is not listening: exit either way. */
		(void)write_all(SIXC_FD_EXEC_STATUS, line, len);
	}
	_exit(code);
}

void init_die(const char *step, int err, const char *detail)
{
	report_init_exit(step, err, detail, SIXC_EXIT_FAILED);
}

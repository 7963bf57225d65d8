/* The log of a detached container: its stdout and stderr, read by the
 * monitor from two pipes and appended to one file in the CRI format
 * "<RFC3339Nano> <stdout|stderr> <F|P> <bytes>\n". F ends a line whose
 * newline was dropped; P is a piece of a longer line (or a last line with
 * no newline), to be joined with what follows. Bytes pass through as they
 * are, so binary output is reconstructed exactly. */
#ifndef SIXC_LOGGER_H
#define SIXC_LOGGER_H

#include <stddef.h>

#define SIXC_LOG_LINE_MAX 16384

struct log_stream {
	int pipe_fd;          /* -1 once EOF was seen */
	const char *name;     /* "stdout" or "stderr" */
	size_t len;           /* bytes pending in buf (no newline among them) */
	char buf[SIXC_LOG_LINE_MAX];
};

/* Reads what the pipe has (one read) and appends every complete line to
 * log_fd (-1: read and drop, once the log could not be written). At EOF
 * flushes the rest as a P entry and closes the pipe. 0, -1 when reading
 * the pipe failed, LOG_WRITE_FAILED when writing the log failed (errno). */
#define LOG_WRITE_FAILED (-2)
int log_stream_pump(struct log_stream *s, int log_fd);

#endif

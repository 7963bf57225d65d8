#define _GNU_SOURCE
#include "logger.h"
#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

static int write_entry_to(int log_fd, const char *stream, char tag, const char *data, size_t len)
{
	struct timespec now;
	struct tm utc;
	char head[64];

	if (clock_gettime(CLOCK_REALTIME, &now) < 0 || gmtime_r(&now.tv_sec, &utc) == NULL)
		return -1;
	size_t n = strftime(head, sizeof head, "%Y-%m-%dT%H:%M:%S", &utc);
	if (n == 0)
		return -1;
	int m = snprintf(head + n, sizeof head - n, ".%09ldZ %s %c ", now.tv_nsec, stream, tag);
	if (m < 0 || (size_t)m >= sizeof head - n)
		return -1;
	/* One write per entry: the file is shared by both streams. */
	char nl = '\n';
	struct iovec iov[3] = {
		{ .iov_base = head, .iov_len = n + (size_t)m },
		{ .iov_base = (void *)data, .iov_len = len },
		{ .iov_base = &nl, .iov_len = 1 },
	};
	size_t total = iov[0].iov_len + len + 1;
	ssize_t w;
	do
		w = writev(log_fd, iov, 3);
	while (w < 0 && errno == EINTR);
	if (w < 0)
		return -1;
	if ((size_t)w != total) {
		/* A short write to a regular file means the disk is full. */
		errno = ENOSPC;
		return -1;
	}
	return 0;
}

static int write_entry(int log_fd, const char *stream, char tag, const char *data, size_t len)
{
	if (log_fd < 0)
		return 0;
	return write_entry_to(log_fd, stream, tag, data, len) < 0 ? LOG_WRITE_FAILED : 0;
}

int log_stream_pump(struct log_stream *s, int log_fd)
{
	ssize_t n;

	do
		n = read(s->pipe_fd, s->buf + s->len, sizeof s->buf - s->len);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		return -1;
	if (n == 0) {
		int rc = s->len > 0 ? write_entry(log_fd, s->name, 'P', s->buf, s->len) : 0;
		s->len = 0;
		if (xclose(s->pipe_fd) < 0)
			rc = -1;
		s->pipe_fd = -1;
		return rc;
	}
	s->len += (size_t)n;
	size_t start = 0;
	for (;;) {
		char *nl = memchr(s->buf + start, '\n', s->len - start);
		if (nl == NULL)
			break;
		size_t line = (size_t)(nl - (s->buf + start));
		if (write_entry(log_fd, s->name, 'F', s->buf + start, line) < 0)
			return LOG_WRITE_FAILED;
		start += line + 1;
	}
	if (start == 0 && s->len == sizeof s->buf) {
		/* A line longer than the buffer goes out in pieces. */
		if (write_entry(log_fd, s->name, 'P', s->buf, s->len) < 0)
			return LOG_WRITE_FAILED;
		start = s->len;
	}
	memmove(s->buf, s->buf + start, s->len - start);
	s->len -= start;
	return 0;
}

#define _GNU_SOURCE
#include "exitrecord.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int exit_record_write(const char *state_dir, int wait_status)
{
	struct timespec now;
	char line[96];

	if (clock_gettime(CLOCK_REALTIME, &now) < 0)
		return -1;
	int n = WIFEXITED(wait_status)
		? snprintf(line, sizeof line, "exit %d %lld%09ld\n", WEXITSTATUS(wait_status),
			   (long long)now.tv_sec, now.tv_nsec)
		: snprintf(line, sizeof line, "signal %d %lld%09ld\n", WTERMSIG(wait_status),
			   (long long)now.tv_sec, now.tv_nsec);
	if (n < 0 || (size_t)n >= sizeof line) {
		errno = EOVERFLOW;
		return -1;
	}
	int dirfd = open(state_dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (dirfd < 0)
		return -1;
	int fd = openat(dirfd, "exit.tmp", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
	int rc = -1;
	if (fd >= 0) {
		rc = write_all(fd, line, (size_t)n) == 0 ? 0 : -1;
		if (xclose(fd) < 0)
			rc = -1;
	}
	if (rc == 0)
		rc = renameat(dirfd, "exit.tmp", dirfd, "exit");
	int saved = errno;
	if (xclose(dirfd) < 0 && rc == 0)
		return -1;
	errno = saved;
	return rc;
}

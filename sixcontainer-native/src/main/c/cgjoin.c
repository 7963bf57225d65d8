#define _GNU_SOURCE
#include "cgjoin.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

int cgroup_join(const char *procs_file)
{
	/* "0" is the writer itself, whatever pid namespace it is in. */
	static const char self[] = "0";
	int fd = open(procs_file, O_WRONLY | O_CLOEXEC | O_NOFOLLOW);

	if (fd < 0)
		return -1;
	int rc = write_all(fd, self, sizeof self - 1);
	int saved = errno;
	if (xclose(fd) < 0 && rc == 0)
		return -1;
	errno = saved;
	return rc;
}

#define _GNU_SOURCE
#include "cgjoin.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/magic.h>
#include <sys/vfs.h>
#include <unistd.h>

int cgroup_join(const char *procs_file)
{
	/* "0" is the writer itself, whatever pid namespace it is in. */
	static const char self[] = "0";
	struct statfs fs;
	int fd = open(procs_file, O_WRONLY | O_CLOEXEC | O_NOFOLLOW);

	if (fd < 0)
		return -1;
	/* Written with every privilege: only ever into a cgroup file system. */
	int rc = fstatfs(fd, &fs);
	if (rc == 0 && fs.f_type != CGROUP_SUPER_MAGIC && fs.f_type != CGROUP2_SUPER_MAGIC) {
		errno = EINVAL;
		rc = -1;
	}
	if (rc == 0)
		rc = write_all(fd, self, sizeof self - 1);
	int saved = errno;
	if (xclose(fd) < 0 && rc == 0)
		return -1;
	errno = saved;
	return rc;
}

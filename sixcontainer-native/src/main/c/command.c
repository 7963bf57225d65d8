#define _GNU_SOURCE
#include "command.h"
#include "report.h"
#include "rootpath.h"
#include "security.h"
#include "users.h"
#include "util.h"

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
	int flags = fcntl(SIXC_FD_EXEC_STATUS, F_GETFD);

	if (flags < 0 || fcntl(SIXC_FD_EXEC_STATUS, F_SETFD, flags | FD_CLOEXEC) < 0)
		init_die("fcntl", errno, "status fd");
	if (close_range(SIXC_FD_STDERR + 1, SIXC_FD_EXEC_STATUS - 1, 0) < 0 ||
	    close_range(SIXC_FD_EXEC_STATUS + 1, ~0U, 0) < 0)
		init_die("close_range", errno, "");
}

/* Every container process leads a session of its own, with or without a
 * terminal (as runc's init does): the caller's terminal, inherited as a
 * std fd, is then no controlling terminal of the container's, and TIOCSTI
 * on it fails with EPERM without CAP_SYS_ADMIN (CVE-2017-5226 class).
 * With FLAGS bit 2, fd 0 is a pty slave that becomes the controlling
 * terminal, so that ^C on the master signals the container's foreground
 * job and /dev/tty opens. */
void command_new_session(const struct config *cfg)
{
	if (setsid() < 0)
		init_die("setsid", errno, "");
	if ((cfg->flags & SIXC_FLAG_CONTROLLING_TTY) != 0 && ioctl(0, TIOCSCTTY, 0) < 0)
		init_die("ioctl", errno, "TIOCSCTTY fd 0");
}

/* Groups first: after setuid the right to change them is gone. Without a
 * user the groups are still cleared: the JVM's must not reach the container. */
static void switch_user(const struct identity *id)
{
	if (setgroups(id->ngroups, id->groups) < 0)
		init_die("setgroups", errno, "");
	if (!id->switch_user)
		return;
	if (setresgid(id->gid, id->gid, id->gid) < 0)
		init_die("setresgid", errno, "");
	if (setresuid(id->uid, id->uid, id->uid) < 0)
		init_die("setresuid", errno, "");
}

/* Resolved inside the root, never through a magic link such as
 * /proc/self/fd/N (a leaked host directory, CVE-2024-21626), and checked to
 * be reachable from the root afterwards. fchdir checks the user's right to
 * enter it, so this comes after the user switch, as in runc. */
static void enter_cwd(const char *cwd)
{
	char buf[PATH_MAX];
	int root = open("/", O_PATH | O_DIRECTORY | O_CLOEXEC);

	if (root < 0)
		init_die("chdir", errno, "/");
	int fd = open_in_root(root, cwd, O_PATH | O_DIRECTORY);
	if (fd < 0)
		init_die("chdir", errno, cwd);
	if (fchdir(fd) < 0)
		init_die("chdir", errno, cwd);
	if (xclose(fd) < 0 || xclose(root) < 0)
		init_die("close", errno, cwd);
	if (getcwd(buf, sizeof buf) == NULL || buf[0] != '/')
		init_die("chdir", errno != 0 ? errno : ENOENT, cwd);
}

void command_exec(const struct config *cfg)
{
	char *const *argv = cfg->argv;
	char *const *envp = cfg->envp;
	const char *file = argv[0];
	char buf[PATH_MAX];
	int seen_eacces = 0;
	static struct identity id;

	/* Still unconfined: no seccomp filter or dropped capability can get
	 * in the way of reading the container's /etc/passwd. */
	users_resolve(cfg, &id);
	security_prepare(&cfg->sec);
	switch_user(&id);
	/* No descriptor of the host is left to be reached through the cwd. */
	close_fds();
	enter_cwd(cfg->cwd != NULL ? cfg->cwd : "/");
	security_finish(&cfg->sec);
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

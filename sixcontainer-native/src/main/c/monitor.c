#define _GNU_SOURCE
#include "monitor.h"
#include "init.h"
#include "report.h"
#include "util.h"

#include <errno.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stddef.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

const char *monitor_check_flags(unsigned long flags)
{
	if ((flags & ~(unsigned long)SIXC_CLONE_ALLOWED) != 0)
		return "clone flags contain bits other than CLONE_NEW{NS,UTS,IPC,PID,NET,CGROUP}";
	/* Without a mount namespace the plan and pivot_root would hit the host. */
	if ((flags & CLONE_NEWNS) == 0)
		return "clone flags lack CLONE_NEWNS";
	return NULL;
}

static int pidfd_open(pid_t pid)
{
	return (int)syscall(SYS_pidfd_open, pid, 0);
}

static int pidfd_kill(int pidfd)
{
	if (syscall(SYS_pidfd_send_signal, pidfd, SIGKILL, NULL, 0) < 0 && errno != ESRCH)
		return -1;
	return 0;
}

static int reap(pid_t pid, int *status)
{
	while (waitpid(pid, status, 0) < 0) {
		if (errno != EINTR)
			return -1;
	}
	return 0;
}

/* A monitor failure after clone: the init must not outlive the report. */
static int fail_after_clone(pid_t pid, const char *step, int err)
{
	int status;

	(void)kill(pid, SIGKILL); /* pid is ours until reaped: no reuse race */
	(void)reap(pid, &status);
	(void)report_event("error %s %d", step, err);
	return 1;
}

/* Java never writes to the lifeline; anything but data means it is gone. */
static int lifeline_broken(void)
{
	char buf[64];
	ssize_t n = read(SIXC_FD_LIFELINE, buf, sizeof buf);

	if (n > 0)
		return 0;
	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return 0;
	return 1;
}

static int watch(pid_t pid, int pidfd)
{
	struct pollfd pfd[2] = {
		{ .fd = SIXC_FD_LIFELINE, .events = POLLIN },
		{ .fd = pidfd, .events = POLLIN },
	};

	for (;;) {
		if (poll(pfd, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			return fail_after_clone(pid, "poll", errno);
		}
		if (pfd[1].revents != 0)
			break;
		if (pfd[0].revents != 0 && lifeline_broken()) {
			if (pidfd_kill(pidfd) < 0)
				return fail_after_clone(pid, "pidfd_send_signal", errno);
			/* Keep waiting for the init only: poll skips negative fds. */
			pfd[0].fd = -1;
		}
	}

	int status;
	if (reap(pid, &status) < 0)
		return fail_after_clone(pid, "waitpid", errno);
	int rc = WIFEXITED(status) ? report_event("exit %d", WEXITSTATUS(status))
				   : report_event("signal %d", WTERMSIG(status));
	return rc < 0 ? 1 : 0;
}

int monitor_main(unsigned long clone_flags)
{
	static const int init_only[] = { 0, 1, 2, SIXC_FD_CONFIG, SIXC_FD_STATUS };
	struct sigaction sa = { .sa_handler = SIG_IGN };

	int self = pidfd_open(getpid());
	if (self < 0)
		return report_event("error pidfd_open %d", errno), 1;

	/* The cgroup namespace is left to the init (see init_main). */
	long ret = syscall(SYS_clone, (clone_flags & ~(unsigned long)CLONE_NEWCGROUP) | SIGCHLD,
			   0, NULL, NULL, 0);
	if (ret < 0)
		return report_event("error clone %d", errno), 1;
	if (ret == 0)
		init_main(clone_flags, self);
	pid_t pid = (pid_t)ret;

	if (xclose(self) < 0)
		return fail_after_clone(pid, "close", errno);
	/* Only here, not before clone: an ignored SIGPIPE would survive execve
	 * into the container. EPIPE on fd 4 is handled where it happens. */
	if (sigaction(SIGPIPE, &sa, NULL) < 0)
		return fail_after_clone(pid, "sigaction", errno);
	int pidfd = pidfd_open(pid);
	if (pidfd < 0)
		return fail_after_clone(pid, "pidfd_open", errno);
	if (report_event("pid %d", (int)pid) < 0)
		return fail_after_clone(pid, "write", errno);
	for (size_t i = 0; i < sizeof init_only / sizeof init_only[0]; i++) {
		if (xclose(init_only[i]) < 0)
			return fail_after_clone(pid, "close", errno);
	}
	return watch(pid, pidfd);
}

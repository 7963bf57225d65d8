#define _GNU_SOURCE
#include "execmode.h"
#include "cgjoin.h"
#include "command.h"
#include "monitor.h"
#include "procstat.h"
#include "protocol.h"
#include "report.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

/* Every namespace a container can have, entered at once through its pidfd
 * (setns(2) with a pidfd, Linux 5.8): one call, no /proc paths to race. */
#define ENTER_NAMESPACES \
	(CLONE_NEWCGROUP | CLONE_NEWIPC | CLONE_NEWUTS | CLONE_NEWNET | CLONE_NEWPID | CLONE_NEWNS)

static struct config cfg;

static int abandon(pid_t child, int pidfd, const char *step, int err)
{
	int status;

	(void)syscall(SYS_pidfd_send_signal, pidfd, SIGKILL, NULL, 0);
	while (waitpid(child, &status, 0) < 0 && errno == EINTR)
		;
	return report_error(step, err);
}

__attribute__((noreturn)) static void run_child(void)
{
	if (prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) < 0)
		init_die("prctl", errno, "PR_SET_PDEATHSIG");
	if (xclose(SIXC_FD_EVENTS) < 0 || xclose(SIXC_FD_LIFELINE) < 0)
		init_die("close", errno, "monitor fds");
	command_new_session(&cfg);
	command_exec(&cfg);
}

int execmode_main(pid_t pid, uint64_t start_time)
{
	static const int child_only[] = {
		SIXC_FD_STDIN, SIXC_FD_STDOUT, SIXC_FD_STDERR, SIXC_FD_EXEC_STATUS,
	};
	int rc = config_read(SIXC_FD_CONFIG, &cfg);

	if (rc != 0)
		return report_error("read-config", rc > 0 ? rc : EINVAL);
	if (xclose(SIXC_FD_CONFIG) < 0)
		return report_error("close", errno);
	int target = pidfd_open(pid);
	if (target < 0)
		return report_error("pidfd_open", errno);
	/* The pidfd names one process for good; its start time says it is the container's. */
	if (proc_start_time(pid) != start_time)
		return report_error("verify-target", ESRCH);
	/* Before setns: the host's /sys/fs/cgroup is not visible from inside. */
	for (size_t i = 0; i < cfg.ncgroups; i++) {
		if (cgroup_join(cfg.cgroups[i]) < 0)
			return report_error("cgroup", errno);
	}
	if (setns(target, ENTER_NAMESPACES) < 0)
		return report_error("setns", errno);
	struct pollfd alive = { .fd = target, .events = POLLIN };
	if (poll(&alive, 1, 0) != 0)
		return report_error("verify-target", ESRCH);
	if (xclose(target) < 0)
		return report_error("close", errno);

	pid_t child = fork();
	if (child < 0)
		return report_error("fork", errno);
	if (child == 0)
		run_child();
	int pidfd = pidfd_open(child);
	if (pidfd < 0) {
		(void)kill(child, SIGKILL);
		return report_error("pidfd_open", errno);
	}
	/* From here on a failure must not leave the child running unsupervised. */
	if (report_event(SIXC_EVENT_PID " %d", (int)child) < 0)
		return abandon(child, pidfd, "write", errno);
	for (size_t i = 0; i < sizeof child_only / sizeof child_only[0]; i++) {
		if (xclose(child_only[i]) < 0)
			return abandon(child, pidfd, "close", errno);
	}
	struct monitor_opts opts = { 0 };
	return monitor_watch(child, pidfd, &opts);
}

#define _GNU_SOURCE
#include "monitor.h"
#include "exitrecord.h"
#include "init.h"
#include "logger.h"
#include "procstat.h"
#include "report.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <string.h>
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

int pidfd_open(pid_t pid)
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
	return report_error(step, err);
}

enum lifeline { LIFELINE_HELD, LIFELINE_BROKEN, LIFELINE_DETACHED };

/* EOF or an error means the JVM is gone. Data is ignored, except the
 * detach byte of a detached container. */
static enum lifeline lifeline_read(int detach)
{
	char buf[64];
	ssize_t n = read(SIXC_FD_LIFELINE, buf, sizeof buf);

	if (n > 0)
		return detach && memchr(buf, SIXC_LIFELINE_DETACH, (size_t)n) != NULL
			? LIFELINE_DETACHED : LIFELINE_HELD;
	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return LIFELINE_HELD;
	return LIFELINE_BROKEN;
}

struct logs {
	int file_fd; /* -1: no log */
	int writable; /* 0 once a write to the log failed */
	struct log_stream out, err;
};

static struct logs logs = { .file_fd = -1, .writable = 1 };

/* The init's mount namespace, held open until the monitor exits: then the
 * namespace (every mount of the container, its overlay among them) is torn
 * down after the exit has been reported, in the monitor's own exit, instead of
 * in the init's, which the monitor's waitpid (and so the JVM) waits for. */
static int held_mount_ns = -1;

/* -1 when the init has died already: there is nothing left to hold then. */
static int hold_mount_namespace(pid_t pid)
{
	char path[64];
	int n = snprintf(path, sizeof path, "/proc/%d/ns/mnt", (int)pid);

	if (n < 0 || (size_t)n >= sizeof path)
		return -1;
	return open(path, O_RDONLY | O_CLOEXEC);
}

enum { P_LIFELINE, P_INIT, P_OUT, P_ERR, P_COUNT };

int monitor_watch(pid_t pid, int pidfd, const struct monitor_opts *opts)
{
	struct pollfd pfd[P_COUNT] = {
		[P_LIFELINE] = { .fd = SIXC_FD_LIFELINE, .events = POLLIN },
		[P_INIT] = { .fd = pidfd, .events = POLLIN },
		[P_OUT] = { .fd = logs.file_fd >= 0 ? logs.out.pipe_fd : -1, .events = POLLIN },
		[P_ERR] = { .fd = logs.file_fd >= 0 ? logs.err.pipe_fd : -1, .events = POLLIN },
	};
	int init_done = 0;
	struct sigaction ignore = { .sa_handler = SIG_IGN };

	/* ^C and ^\ on a terminal the caller shares with the monitor are not the
	 * monitor's to die of: the container leads a session of its own, so the
	 * caller forwards them (sixc's sig-proxy), or dies of them itself and the
	 * lifeline ends the container. */
	if (sigaction(SIGINT, &ignore, NULL) < 0 || sigaction(SIGQUIT, &ignore, NULL) < 0)
		return fail_after_clone(pid, "sigaction", errno);

	/* After the init is gone, keep reading the log pipes to their EOF:
	 * every process of the container died with its init. */
	while (!init_done || pfd[P_OUT].fd >= 0 || pfd[P_ERR].fd >= 0) {
		if (poll(pfd, P_COUNT, -1) < 0) {
			if (errno == EINTR)
				continue;
			return fail_after_clone(pid, "poll", errno);
		}
		for (int i = P_OUT; i <= P_ERR; i++) {
			struct log_stream *s = i == P_OUT ? &logs.out : &logs.err;
			if (pfd[i].fd >= 0 && pfd[i].revents != 0) {
				int rc = log_stream_pump(s, logs.writable ? logs.file_fd : -1);
				/* A full disk must not kill the container or lose its exit
				 * record: stop logging, keep draining the pipes. */
				if (rc == LOG_WRITE_FAILED)
					logs.writable = 0;
				else if (rc < 0)
					return fail_after_clone(pid, "log", errno);
				pfd[i].fd = s->pipe_fd;
			}
		}
		if (pfd[P_INIT].fd >= 0 && pfd[P_INIT].revents != 0) {
			init_done = 1;
			pfd[P_INIT].fd = -1;
			pfd[P_LIFELINE].fd = -1;
		}
		if (pfd[P_LIFELINE].fd >= 0 && pfd[P_LIFELINE].revents != 0) {
			enum lifeline l = lifeline_read(opts->detach);
			if (l == LIFELINE_BROKEN && pidfd_kill(pidfd) < 0)
				return fail_after_clone(pid, "pidfd_send_signal", errno);
			/* Broken: keep waiting for the init only; detached: the JVM may go. */
			if (l != LIFELINE_HELD)
				pfd[P_LIFELINE].fd = -1;
		}
	}

	int status;
	if (reap(pid, &status) < 0)
		return fail_after_clone(pid, "waitpid", errno);
	if (xclose(pidfd) < 0)
		return report_error("close", errno);
	if (logs.file_fd >= 0 && xclose(logs.file_fd) < 0)
		return report_error("close", errno);
	/* The held fds (the sockets that reserve the published host ports) go
	 * before the exit is reported: whoever sees the container ended may bind
	 * its ports again at once. */
	if (opts->held_fds > 0 && close_range(SIXC_FD_HELD_FIRST,
	    (unsigned)(SIXC_FD_HELD_FIRST + opts->held_fds - 1), 0) < 0)
		return report_error("close_range", errno);
	/* The record first: the JVM that would read the event may be long gone.
	 * A state directory that is gone (ENOENT) was removed while the
	 * container ran: nobody reads a record there, but the launcher still
	 * waits for the event. */
	if (opts->state_dir != NULL && exit_record_write(opts->state_dir, status) < 0
	    && errno != ENOENT)
		return report_error("exit-record", errno);
	int rc = WIFEXITED(status) ? report_event(SIXC_EVENT_EXIT " %d", WEXITSTATUS(status))
				   : report_event(SIXC_EVENT_SIGNAL " %d", WTERMSIG(status));
	return rc < 0 ? 1 : 0;
}

/* Pipes for the init's stdout and stderr, and the log file they go to. */
static int open_logs(const char *state_dir, int out[2], int err[2])
{
	char path[4096];
	int n = snprintf(path, sizeof path, "%s/container.log", state_dir);

	if (n < 0 || (size_t)n >= sizeof path) {
		errno = ENAMETOOLONG;
		return -1;
	}
	logs.file_fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0640);
	if (logs.file_fd < 0)
		return -1;
	if (pipe2(out, O_CLOEXEC) < 0 || pipe2(err, O_CLOEXEC) < 0)
		return -1;
	logs.out = (struct log_stream){ .pipe_fd = out[0], .name = "stdout" };
	logs.err = (struct log_stream){ .pipe_fd = err[0], .name = "stderr" };
	return 0;
}

int monitor_main(const struct monitor_opts *opts)
{
	static const int init_only[] = {
		SIXC_FD_STDIN, SIXC_FD_STDOUT, SIXC_FD_STDERR, SIXC_FD_CONFIG, SIXC_FD_EXEC_STATUS,
	};
	struct sigaction sa = { .sa_handler = SIG_IGN };
	int out[2] = { -1, -1 }, err[2] = { -1, -1 };

	if (opts->log && open_logs(opts->state_dir, out, err) < 0)
		return report_error("open-log", errno);
	int self = pidfd_open(getpid());
	if (self < 0)
		return report_error("pidfd_open", errno);

	long ret = syscall(SYS_clone, opts->clone_flags | SIGCHLD, 0, NULL, NULL, 0);
	if (ret < 0)
		return report_error("clone", errno);
	if (ret == 0) {
		if (opts->log && (dup2(out[1], 1) < 0 || dup2(err[1], 2) < 0))
			init_die("dup2", errno, "log pipes");
		init_main(opts->clone_flags, self);
	}
	pid_t pid = (pid_t)ret;

	if (xclose(self) < 0)
		return fail_after_clone(pid, "close", errno);
	if (opts->log && (xclose(out[1]) < 0 || xclose(err[1]) < 0))
		return fail_after_clone(pid, "close", errno);
	/* A detached monitor outlives the JVM; it must not pin the JVM's cwd. */
	if (chdir("/") < 0)
		return fail_after_clone(pid, "chdir", errno);
	/* Only here, not before clone: an ignored SIGPIPE would survive execve
	 * into the container. EPIPE on fd 4 is handled where it happens. */
	if (sigaction(SIGPIPE, &sa, NULL) < 0)
		return fail_after_clone(pid, "sigaction", errno);
	int pidfd = pidfd_open(pid);
	if (pidfd < 0)
		return fail_after_clone(pid, "pidfd_open", errno);
	/* With its start time, read while the init cannot have been reaped: the
	 * JVM need not read /proc after it, when the pid may have been reused. */
	errno = 0;
	uint64_t start_time = proc_start_time(pid);
	if (start_time == 0)
		return fail_after_clone(pid, "start-time", errno != 0 ? errno : EPROTO);
	if (report_event(SIXC_EVENT_PID " %d %llu", (int)pid, (unsigned long long)start_time) < 0)
		return fail_after_clone(pid, "write", errno);
	held_mount_ns = hold_mount_namespace(pid);
	for (size_t i = 0; i < sizeof init_only / sizeof init_only[0]; i++) {
		if (xclose(init_only[i]) < 0)
			return fail_after_clone(pid, "close", errno);
	}
	return monitor_watch(pid, pidfd, opts);
}

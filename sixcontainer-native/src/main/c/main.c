/* sixc-helper: the C half of sixcontainer. See docs/protocol.md. */
#define _GNU_SOURCE
#include "execmode.h"
#include "monitor.h"
#include "protocol.h"
#include "report.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#define USAGE "usage: sixc-helper run <clone-flags> [--state-dir DIR [--log]] [--detach]\n" \
	      "       sixc-helper exec <pid> <start-time>\n" \
	      "       sixc-helper check-config\n"

/* Static: the config holds 100 KiB of pointers. */
static struct config cfg;

__attribute__((noreturn)) static void usage_error(const char *what)
{
	char msg[256];
	int n = snprintf(msg, sizeof msg, "sixc-helper: %s\n" USAGE, what);

	if (n > 0)
		(void)write_all(2, msg, (size_t)n < sizeof msg ? (size_t)n : sizeof msg - 1);
	_exit(2);
}

static int check_config(void)
{
	int rc = config_read(0, &cfg);

	if (rc == 0)
		return write_all(1, "ok\n", 3) < 0 ? 2 : 0;
	const char *reason = config_reason();
	if (write_all(1, "invalid: ", 9) < 0 || write_all(1, reason, strlen(reason)) < 0 ||
	    write_all(1, "\n", 1) < 0)
		return 2;
	return 2;
}

/* The kernel's struct sigaction for rt_sigaction (x86_64 and most others;
 * only SIG_DFL is ever installed, so the restorer is never used). */
struct kernel_sigaction {
	void (*handler)(int);
	unsigned long flags;
	void (*restorer)(void);
	uint64_t mask;
};

/* Ignored signals survive execve, and glibc's posix_spawn (the JVM's)
 * leaves SIGPIPE and its own signals 32 and 33 ignored; a blocked mask
 * survives too. The container should start from the defaults. The raw
 * syscall is used because glibc refuses to touch signals 32 and 33. */
static int reset_signals(void)
{
	sigset_t none;

	for (int sig = 1; sig <= 64; sig++) {
		struct kernel_sigaction old;
		struct kernel_sigaction dfl = { .handler = SIG_DFL };

		if (sig == SIGKILL || sig == SIGSTOP)
			continue;
		if (syscall(SYS_rt_sigaction, sig, NULL, &old, sizeof old.mask) < 0)
			return -1;
		if (old.handler == SIG_IGN &&
		    syscall(SYS_rt_sigaction, sig, &dfl, NULL, sizeof dfl.mask) < 0)
			return -1;
	}
	if (sigemptyset(&none) < 0 || sigprocmask(SIG_SETMASK, &none, NULL) < 0)
		return -1;
	return 0;
}

static void check_protocol_fds(void)
{
	/* Without fd 4 nothing could be reported; that is a caller bug. */
	for (int fd = SIXC_FD_CONFIG; fd <= SIXC_FD_LIFELINE; fd++) {
		if (fcntl(fd, F_GETFD) < 0)
			usage_error("fds 3, 4, 5 and 6 must be open");
	}
}

/* The count of descriptors after the protocol's that the monitor keeps
 * (sockets that reserve the container's published ports): each must be open,
 * or the reservation they stand for would silently not hold. */
static int parse_held_fds(const char *arg)
{
	uint64_t n;

	if (parse_u64_dec(arg, &n) < 0 || n > SIXC_FD_HELD_MAX)
		usage_error("--held-fds needs a count of at most 64");
	for (int fd = SIXC_FD_HELD_FIRST; fd < SIXC_FD_HELD_FIRST + (int)n; fd++) {
		if (fcntl(fd, F_GETFD) < 0)
			usage_error("a held fd named by --held-fds is not open");
	}
	return (int)n;
}

static void parse_run_args(int argc, char **argv, struct monitor_opts *opts)
{
	uint64_t flags;

	if (argc < 3 || parse_u64_dec(argv[2], &flags) < 0 || flags > ULONG_MAX)
		usage_error("clone flags must be a decimal number");
	opts->clone_flags = (unsigned long)flags;
	const char *why = monitor_check_flags(opts->clone_flags);
	if (why != NULL)
		usage_error(why);
	for (int i = 3; i < argc; i++) {
		if (strcmp(argv[i], "--state-dir") == 0 && i + 1 < argc && argv[i + 1][0] == '/')
			opts->state_dir = argv[++i];
		else if (strcmp(argv[i], "--log") == 0)
			opts->log = 1;
		else if (strcmp(argv[i], "--detach") == 0)
			opts->detach = 1;
		else if (strcmp(argv[i], "--held-fds") == 0 && i + 1 < argc)
			opts->held_fds = parse_held_fds(argv[++i]);
		else
			usage_error("unknown run option (or --state-dir without an absolute path)");
	}
	if (opts->log && opts->state_dir == NULL)
		usage_error("--log needs --state-dir");
	/* The log is read to EOF after the init ends: only a PID namespace makes
	 * sure every writer has died with it. */
	if (opts->log && (opts->clone_flags & CLONE_NEWPID) == 0)
		usage_error("--log needs CLONE_NEWPID");
}

static int run(int argc, char **argv)
{
	struct monitor_opts opts = { 0 };

	parse_run_args(argc, argv, &opts);
	check_protocol_fds();
	/* The held fds stay in the monitor for the container's life; the init
	 * closes them with every other fd before execve (command.c). */
	if (close_range((unsigned)(SIXC_FD_HELD_FIRST + opts.held_fds), ~0U, 0) < 0)
		return report_error("close_range", errno);
	if (reset_signals() < 0)
		return report_error("sigaction", errno);
	if (opts.detach) {
		/* The monitor of a detached container outlives the JVM, so it must
		 * not be the JVM's child (a zombie there, or a thread per container
		 * to reap it): the spawned process exits at once and the JVM reaps
		 * it; its child, reparented to the host's reaper, monitors. */
		pid_t child = fork();
		if (child < 0)
			return report_error("fork", errno);
		if (child > 0)
			_exit(0);
	}
	return monitor_main(&opts);
}

static int exec_mode(const char *pid_arg, const char *start_arg)
{
	uint64_t pid, start;

	if (parse_u64_dec(pid_arg, &pid) < 0 || pid == 0 || pid > INT_MAX ||
	    parse_u64_dec(start_arg, &start) < 0)
		usage_error("exec needs a pid and its start time as decimal numbers");
	check_protocol_fds();
	if (close_range(SIXC_FD_LIFELINE + 1, ~0U, 0) < 0)
		return report_error("close_range", errno);
	if (reset_signals() < 0)
		return report_error("sigaction", errno);
	return execmode_main((pid_t)pid, start);
}

int main(int argc, char **argv)
{
	if (argc >= 3 && strcmp(argv[1], "run") == 0)
		return run(argc, argv);
	if (argc == 4 && strcmp(argv[1], "exec") == 0)
		return exec_mode(argv[2], argv[3]);
	if (argc == 2 && strcmp(argv[1], "check-config") == 0) {
		if (close_range(SIXC_FD_LIFELINE + 1, ~0U, 0) < 0)
			usage_error("close_range failed");
		return check_config();
	}
	usage_error(argc < 2 ? "missing mode" : "unknown mode or wrong arguments");
}

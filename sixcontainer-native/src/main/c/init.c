#define _GNU_SOURCE
#include "init.h"
#include "cgjoin.h"
#include "command.h"
#include "mounts.h"
#include "protocol.h"
#include "report.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

/* Static: 100 KiB of pointers has no place on the stack. */
static struct config cfg;

/* PDEATHSIG only covers a monitor that dies after the prctl; a monitor
 * that died before it is seen through its pidfd. getppid() cannot tell,
 * it is 0 inside a new PID namespace. */
static void check_monitor_alive(int monitor_pidfd)
{
	struct pollfd pfd = { .fd = monitor_pidfd, .events = POLLIN };
	int n;

	do
		n = poll(&pfd, 1, 0);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		init_die("poll", errno, "monitor pidfd");
	if (n > 0)
		init_die("prctl", ESRCH, "the monitor exited before PR_SET_PDEATHSIG");
}

static void close_or_die(int fd, const char *what)
{
	if (xclose(fd) < 0)
		init_die("close", errno, what);
}

static void read_config(void)
{
	int rc = config_read(SIXC_FD_CONFIG, &cfg);

	if (rc != 0)
		init_die("read-config", rc > 0 ? rc : 0, config_reason());
	close_or_die(SIXC_FD_CONFIG, "config fd");
}

static void loopback_up(void)
{
	struct ifreq ifr;
	int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);

	if (s < 0)
		init_die("loopback", errno, "socket");
	memset(&ifr, 0, sizeof ifr);
	memcpy(ifr.ifr_name, "lo", sizeof "lo");
	if (ioctl(s, SIOCGIFFLAGS, &ifr) < 0)
		init_die("loopback", errno, "SIOCGIFFLAGS lo");
	ifr.ifr_flags = (short)(ifr.ifr_flags | IFF_UP);
	if (ioctl(s, SIOCSIFFLAGS, &ifr) < 0)
		init_die("loopback", errno, "SIOCSIFFLAGS lo");
	close_or_die(s, "loopback socket");
}

/* Layers are named relative to overlay_dir so that many fit in the one
 * page of options the kernel takes. The overlay lives in this mount
 * namespace only: it goes away with the container, whoever dies first. */
static void mount_overlay(void)
{
	if (chdir(cfg.overlay_dir) < 0)
		init_die("chdir", errno, cfg.overlay_dir);
	if (mount("overlay", cfg.rootfs, "overlay", 0, cfg.overlay_data) < 0)
		init_die("mount", errno, "overlay root");
	if (chdir("/") < 0)
		init_die("chdir", errno, "/");
}

static void setup_root(void)
{
	/* Nothing done below may propagate back to the host. */
	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0)
		init_die("mount", errno, "/");
	/* pivot_root needs the new root to be a mount point. */
	if (cfg.overlay_dir != NULL)
		mount_overlay();
	else if (mount(cfg.rootfs, cfg.rootfs, NULL, MS_BIND | MS_REC, NULL) < 0)
		init_die("mount", errno, cfg.rootfs);
	int rootfd = open(cfg.rootfs, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (rootfd < 0)
		init_die("open", errno, cfg.rootfs);

	/* Modes in the plan are exact (0666 for /dev/null), not umask-filtered. */
	mode_t old_umask = umask(0);
	mounts_apply(rootfd, cfg.mounts, cfg.nmounts);
	(void)umask(old_umask);
	close_or_die(rootfd, "root fd");
}

static void pivot(void)
{
	/* By path, not by the root fd: the plan may have mounted over "/". */
	if (chdir(cfg.rootfs) < 0)
		init_die("chdir", errno, cfg.rootfs);
	if (syscall(SYS_pivot_root, ".", ".") < 0)
		init_die("pivot_root", errno, cfg.rootfs);
	/* The old root is stacked on "." now; detaching it drops every host mount. */
	if (umount2(".", MNT_DETACH) < 0)
		init_die("umount", errno, "old root");
	if (chdir("/") < 0)
		init_die("chdir", errno, "/");
}

/* The JVM attaches the network namespace (veth, address, routes) while the
 * init sets up its root, and says when it is done: one byte 'N' on the first
 * held fd. EOF (the JVM gave up, or died) or anything else fails the launch:
 * the command never runs without its network. */
static void await_network(void)
{
	char b = 0;
	ssize_t n;

	do
		n = read(SIXC_FD_HELD_FIRST, &b, 1);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		init_die("read", errno, "network-ready fd");
	if (n == 0 || b != 'N')
		init_die("network", ECANCELED, "the network namespace was not attached");
	close_or_die(SIXC_FD_HELD_FIRST, "network-ready fd");
}

void init_main(unsigned long clone_flags, int monitor_pidfd)
{
	if (prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) < 0)
		init_die("prctl", errno, "PR_SET_PDEATHSIG");
	check_monitor_alive(monitor_pidfd);
	close_or_die(monitor_pidfd, "monitor pidfd");
	close_or_die(SIXC_FD_EVENTS, "event fd");
	close_or_die(SIXC_FD_LIFELINE, "lifeline fd");
	read_config();
	/* Java has made the cgroups, with every limit and device rule, before
	 * it wrote the config: joined here, they hold before anything of the
	 * container runs. Host paths: before any mount of the plan. */
	for (size_t i = 0; i < cfg.ncgroups; i++) {
		if (cgroup_join(cfg.cgroups[i]) < 0)
			init_die("cgroup", errno, cfg.cgroups[i]);
	}
	/* Only now: a cgroup namespace is rooted where its maker is, and at
	 * clone time that was the monitor's cgroup, not the container's. */
	if ((clone_flags & CLONE_NEWCGROUP) != 0 && unshare(CLONE_NEWCGROUP) < 0)
		init_die("unshare", errno, "CLONE_NEWCGROUP");

	setup_root();

	if (cfg.hostname != NULL) {
		/* Without a UTS namespace this would rename the host. */
		if ((clone_flags & CLONE_NEWUTS) == 0)
			init_die("sethostname", EPERM, "HOSTNAME needs CLONE_NEWUTS");
		if (sethostname(cfg.hostname, strlen(cfg.hostname)) < 0)
			init_die("sethostname", errno, cfg.hostname);
	}
	if ((cfg.flags & SIXC_FLAG_LOOPBACK) != 0)
		loopback_up();
	command_new_session(&cfg);

	pivot();
	if ((cfg.flags & SIXC_FLAG_NETWORK_WAIT) != 0)
		await_network();
	command_exec(&cfg);
}

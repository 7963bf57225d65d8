package io.sixcontainer.internal.launch;

import io.sixcontainer.ContainerSpec;
import io.sixcontainer.LaunchException;
import io.sixcontainer.Namespace;
import io.sixcontainer.Stdio;
import io.sixcontainer.internal.cgroup.CgroupManager;
import io.sixcontainer.internal.tty.PtyMaster;
import io.sixcontainer.ffi.ErrnoException;
import io.sixcontainer.ffi.FdInputStream;
import io.sixcontainer.ffi.Libc;
import io.sixcontainer.ffi.SealedExecutable;
import io.sixcontainer.ffi.Spawn;
import io.sixcontainer.ffi.libc.sched_h;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The Java half of the launch protocol (docs/protocol.md): spawns the helper with the
 * exact descriptor table, learns the init's pid, sends the launch config, and turns a
 * failed setup step into a {@link LaunchException} with nothing left behind.
 */
public final class Launcher {

    private final Path helper;

    /** @param helper the verified helper binary */
    public Launcher(Path helper) {
        this.helper = helper;
    }

    /**
     * Launches {@code spec} as container {@code id}; returns once the command runs.
     *
     * @param stateDir the container's directory: the monitor writes its exit record there,
     *                 and, for a detached container, the log
     * @param overlay  the overlay the init mounts on the spec's rootfs, or null to use the
     *                 rootfs as it is
     */
    public LaunchedProcess launch(ContainerSpec spec, String id, Path stateDir, RootOverlay overlay) {
        // A detached container's output goes to the log through its monitor.
        Stdio out = spec.detached() ? Stdio.discard() : spec.stdout();
        Stdio err = spec.detached() ? Stdio.discard() : spec.stderr();
        // The init's terminal is the host's: the container's devpts does not exist before the init mounts it.
        Descriptors d = spec.tty() ? Descriptors.openTerminal(PtyMaster::open) : Descriptors.open(spec.stdin(), out, err);
        HelperProcess monitor = spawn(d, helperArgs(spec, stateDir), spec.detached());
        CgroupManager[] cgroup = new CgroupManager[1];
        try {
            return handshake(d, monitor, "container " + id, () -> {
                // While the helper starts and clones: the cgroup with its limits and device
                // rules, then the config, which names its cgroup.procs files: the init reads
                // the config to EOF and joins them before it does anything else, so every
                // limit holds before the command runs, with no round trip through this JVM.
                cgroup[0] = CgroupManager.prepare(id, spec.resources(), spec.security());
                writeConfig(d, monitor, configOf(spec, id, d.pty == null ? null : d.pty.slavePath(), overlay, cgroup[0]));
                closeConfig(d);
                MonitorEvent started = awaitPidEvent(monitor);
                if (started.startTime() <= 0) {
                    throw new IllegalStateException("expected the init's start time from the helper, got " + started);
                }
                return new Started(started.value(), started.startTime(), cgroup[0]);
            });
        } catch (RuntimeException e) {
            // handshake() has killed and reaped the init: the cgroup is empty now.
            if (cgroup[0] != null) {
                cgroup[0].remove();
            }
            throw e;
        }
    }

    /**
     * Starts {@code argv} inside the running container whose init is {@code pid} (started at
     * {@code startTime}): same namespaces, and the cgroups whose {@code cgroup.procs} files are given.
     */
    public LaunchedProcess exec(int pid, long startTime, LaunchConfig config, boolean tty, Stdio in, Stdio out,
                                Stdio err) {
        Descriptors d = tty ? Descriptors.openTerminal(() -> PtyMaster.openInContainer(pid, startTime))
                : Descriptors.open(in, out, err);
        if (tty) {
            config.flags(Protocol.FLAG_CONTROLLING_TTY);
        }
        HelperProcess monitor = spawn(d, List.of(helper.toString(), "exec", Integer.toString(pid),
                Long.toString(startTime)), false);
        // The exec helper reads its config before it enters the container, then reports the pid.
        return handshake(d, monitor, "exec in pid " + pid, () -> {
            sendConfig(d, config);
            return new Started(awaitPid(monitor), 0, null);
        });
    }

    private HelperProcess spawn(Descriptors d, List<String> args, boolean newSession) {
        int monitorPid;
        try {
            // argv[0] stays the helper's file name (ps shows it); the image executed is the sealed copy.
            monitorPid = Spawn.spawn(SealedExecutable.pathOf(helper), args, d.childTable(), newSession);
        } catch (ErrnoException e) {
            d.closeChildEnds();
            d.closeParentEnds();
            d.closeMonitorEnds();
            throw new LaunchException("cannot start the helper " + helper + ": " + e.getMessage(),
                    e.call(), e.errno(), helper.toString(), e);
        }
        d.closeChildEnds();
        return new HelperProcess(monitorPid, d.events[0], d.lifeline[1]);
    }

    /** What the first half of a handshake learnt. */
    private record Started(int pid, long startTime, CgroupManager cgroup) {
    }

    private interface Start {
        Started run();
    }

    // Then: the exec status pipe reaches EOF when the command has been exec'd, or carries
    // the step that failed. Any failure kills what was started and closes every descriptor.
    private static LaunchedProcess handshake(Descriptors d, HelperProcess monitor, String what, Start start) {
        try {
            Started started = start.run();
            int execStatusFd = d.execStatus[0];
            d.execStatus[0] = -1;
            String failure = readToEnd(execStatusFd);
            if (!failure.isEmpty()) {
                throw InitFailure.parse(failure);
            }
            return new LaunchedProcess(started.pid(), started.startTime(), started.cgroup(), monitor, d.parentStreams(),
                    d.pty);
        } catch (RuntimeException e) {
            try {
                monitor.abort();
                d.closeParentEnds();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e instanceof LaunchException ? e : new LaunchException(
                    "launch of " + what + " failed: " + e.getMessage(), "launch", 0, what, e);
        }
    }

    private List<String> helperArgs(ContainerSpec spec, Path stateDir) {
        List<String> args = new ArrayList<>(List.of(helper.toString(), "run", Integer.toString(cloneFlags(spec)),
                "--state-dir", stateDir.toString()));
        if (spec.detached()) {
            args.add("--log");
            args.add("--detach");
        }
        return args;
    }

    private static int awaitPid(HelperProcess monitor) {
        return awaitPidEvent(monitor).value();
    }

    private static MonitorEvent awaitPidEvent(HelperProcess monitor) {
        MonitorEvent first = monitor.nextEvent();
        if (first == null) {
            throw new LaunchException("the helper exited before starting the process", "clone", 0, "", null);
        }
        if (first.kind() == Protocol.Event.ERROR) {
            throw new LaunchException("the helper could not start the process: "
                    + ErrnoException.format(first.step(), "", first.value()), first.step(), first.value(), "", null);
        }
        if (first.kind() != Protocol.Event.PID || first.value() <= 0) {
            throw new IllegalStateException("expected a pid from the helper, got " + first);
        }
        return first;
    }

    private static LaunchConfig configOf(ContainerSpec spec, String id, String ttySlave, RootOverlay overlay,
                                         CgroupManager cgroup) {
        LaunchConfig config = new LaunchConfig()
                .rootfs(spec.rootfs().toString())
                .args(spec.command())
                .env(spec.effectiveEnv())
                .cwd(spec.workingDir())
                .mounts(MountPlan.standard(spec.namespaces(), cgroup.hierarchies()))
                .mounts(MountPlan.options(spec, ttySlave))
                .mounts(Confinement.mounts(spec.security()))
                .records(Confinement.records(spec.security()))
                .records(spec.user() != null ? UserRecords.of(spec.user()) : new byte[0])
                .cgroups(cgroup.procsFiles());
        if (overlay != null) {
            config.overlay(overlay.dir().toString(), overlay.options());
        }
        if (spec.namespaces().contains(Namespace.UTS)) {
            config.hostname(spec.hostname() != null ? spec.hostname() : id.substring(0, 12));
        }
        int flags = (spec.namespaces().contains(Namespace.NET) ? Protocol.FLAG_LOOPBACK : 0)
                | (ttySlave != null ? Protocol.FLAG_CONTROLLING_TTY : 0);
        if (flags != 0) {
            config.flags(flags);
        }
        return config;
    }

    private static void sendConfig(Descriptors d, LaunchConfig config) {
        byte[] bytes = config.toBytes();
        try {
            Libc.writeFully(d.config[1], bytes, 0, bytes.length);
        } finally {
            closeConfig(d);
        }
    }

    // A config larger than the pipe's buffer is read by the init as it is written. A helper
    // that failed before its clone closes the pipe (EPIPE): its event says why.
    private static void writeConfig(Descriptors d, HelperProcess monitor, LaunchConfig config) {
        byte[] bytes = config.toBytes();
        try {
            Libc.writeFully(d.config[1], bytes, 0, bytes.length);
        } catch (ErrnoException e) {
            if (e.errno() == io.sixcontainer.ffi.Errno.EPIPE) {
                awaitPid(monitor);
            }
            throw e;
        }
    }

    // EOF on fd 3: the init goes on.
    private static void closeConfig(Descriptors d) {
        int fd = d.config[1];
        d.config[1] = -1;
        Libc.close(fd);
    }

    private static String readToEnd(int fd) {
        try (InputStream in = new FdInputStream(fd)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int cloneFlags(ContainerSpec spec) {
        int flags = 0;
        for (Namespace ns : spec.namespaces()) {
            flags |= switch (ns) {
                case UTS -> sched_h.CLONE_NEWUTS();
                case PID -> sched_h.CLONE_NEWPID();
                case MOUNT -> sched_h.CLONE_NEWNS();
                case IPC -> sched_h.CLONE_NEWIPC();
                case NET -> sched_h.CLONE_NEWNET();
                case CGROUP -> sched_h.CLONE_NEWCGROUP();
            };
        }
        return flags;
    }

    /** Every descriptor of one launch, so that each failure path closes exactly what it must. */
    private static final class Descriptors {
        final StdioEnds[] stdio = new StdioEnds[3];
        int[] config;
        int[] events;
        int[] execStatus;
        int[] lifeline;
        PtyMaster pty;

        /** A pseudo-terminal's slave as the process's stdin, stdout and stderr. */
        static Descriptors openTerminal(java.util.function.Supplier<PtyMaster> terminal) {
            return open(d -> {
                d.pty = terminal.get();
                for (int i = 0; i < 3; i++) {
                    d.stdio[i] = StdioEnds.terminal(d.pty.slave());
                }
            });
        }

        static Descriptors open(Stdio in, Stdio out, Stdio err) {
            return open(d -> {
                d.stdio[0] = StdioEnds.open(in, 0);
                d.stdio[1] = StdioEnds.open(out, 1);
                d.stdio[2] = StdioEnds.open(err, 2);
            });
        }

        private static Descriptors open(java.util.function.Consumer<Descriptors> stdio) {
            Descriptors d = new Descriptors();
            try {
                stdio.accept(d);
                d.config = Libc.pipeCloexec();
                d.events = Libc.pipeCloexec();
                d.execStatus = Libc.pipeCloexec();
                d.lifeline = Libc.pipeCloexec();
                return d;
            } catch (ErrnoException e) {
                d.closeChildEnds();
                d.closeParentEnds();
                d.closeMonitorEnds();
                throw new LaunchException("cannot set up the container's descriptors: " + e.getMessage(),
                        e.call(), e.errno(), e.detail(), e);
            }
        }

        SortedMap<Integer, Integer> childTable() {
            SortedMap<Integer, Integer> t = new TreeMap<>();
            t.put(Protocol.FD_STDIN, stdio[0].childFd());
            t.put(Protocol.FD_STDOUT, stdio[1].childFd());
            t.put(Protocol.FD_STDERR, stdio[2].childFd());
            t.put(Protocol.FD_CONFIG, config[0]);
            t.put(Protocol.FD_EVENTS, events[1]);
            t.put(Protocol.FD_EXEC_STATUS, execStatus[1]);
            t.put(Protocol.FD_LIFELINE, lifeline[0]);
            return t;
        }

        void closeChildEnds() {
            for (StdioEnds s : stdio) {
                if (s != null) {
                    s.closeChildEnd();
                }
            }
            if (pty != null) {
                pty.closeSlave();
            }
            Libc.closeAll(end(config, 0), end(events, 1), end(execStatus, 1), end(lifeline, 0));
        }

        void closeParentEnds() {
            List<Integer> fds = new ArrayList<>();
            for (StdioEnds s : stdio) {
                if (s != null) {
                    fds.add(s.parentFd());
                }
            }
            fds.add(end(config, 1));
            fds.add(end(execStatus, 0));
            try {
                Libc.closeAll(fds.stream().mapToInt(Integer::intValue).toArray());
            } finally {
                if (pty != null) {
                    pty.close();
                }
            }
        }

        /** The ends a {@link HelperProcess} owns once the helper runs. */
        void closeMonitorEnds() {
            Libc.closeAll(end(events, 0), end(lifeline, 1));
        }

        int[] parentStreams() {
            return new int[] {stdio[0].parentFd(), stdio[1].parentFd(), stdio[2].parentFd()};
        }

        private static int end(int[] pipe, int i) {
            return pipe == null ? -1 : pipe[i];
        }
    }
}

package io.sixcontainer.internal.launch;

import io.sixcontainer.LaunchException;
import io.sixcontainer.Namespace;
import io.sixcontainer.Stdio;
import io.sixcontainer.internal.cgroup.CgroupManager;
import io.sixcontainer.internal.plan.LaunchPlan;
import io.sixcontainer.DeviceRule;
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
     * Launches the container {@code plan} describes; returns once its command runs. Its cgroup
     * is made with its limits and device rules while the helper starts and clones; the config
     * names the cgroup.procs files, and the init reads the config to EOF and joins them before
     * it does anything else, so every limit holds before the command runs, with no round trip
     * through this JVM.
     *
     * @param stdin    the container's stdin, and {@code stdout}, {@code stderr}: ignored with a
     *                 terminal, and for a detached container (its output goes to its log)
     * @param stateDir the container's directory: the monitor writes its exit record there,
     *                 and, for a detached container, the log
     */
    public StartedProcess launch(LaunchPlan plan, Stdio stdin, Stdio stdout, Stdio stderr, Path stateDir) {
        return launch(plan, stdin, stdout, stderr, stateDir, new int[0], pid -> { });
    }

    /** What joins the init's network namespace to its network, before the init goes on. */
    @FunctionalInterface
    public interface NetworkAttach {
        /** Gives the network namespace of init {@code pid} its devices, addresses and routes. */
        void attach(int pid);
    }

    /**
     * {@link #launch(LaunchPlan, Stdio, Stdio, Stdio, Path)} with the descriptors the monitor
     * keeps while the container runs ({@code held}, closed here once handed over) and, for a
     * plan on a bridge, the step that attaches the init's network namespace: it runs once the
     * init exists, while the init sets up its root, and the init runs its command only once it
     * has finished (the byte 'N' on the first held fd, {@code FLAG_NETWORK_WAIT}).
     */
    public StartedProcess launch(LaunchPlan plan, Stdio stdin, Stdio stdout, Stdio stderr, Path stateDir, int[] held,
                                 NetworkAttach network) {
        Stdio out = plan.detached() ? Stdio.discard() : stdout;
        Stdio err = plan.detached() ? Stdio.discard() : stderr;
        // The init's terminal is the host's: the container's devpts does not exist before the init mounts it.
        Descriptors d;
        try {
            d = plan.process().tty() ? Descriptors.openTerminal(PtyMaster::open) : Descriptors.open(stdin, out, err);
        } catch (RuntimeException e) {
            Libc.closeAll(held);
            throw e;
        }
        // A bridged init sets up its root while its namespace is attached and waits, before it
        // runs the command, for the byte this pipe carries (its read end is the first held fd).
        int networkReady = -1;
        if (plan.network().bridged()) {
            int[] pipe;
            try {
                pipe = Libc.pipeCloexec();
            } catch (RuntimeException e) {
                d.closeChildEnds();
                d.closeParentEnds();
                d.closeMonitorEnds();
                Libc.closeAll(held);
                throw e;
            }
            int[] withPipe = new int[held.length + 1];
            withPipe[0] = pipe[0];
            System.arraycopy(held, 0, withPipe, 1, held.length);
            held = withPipe;
            networkReady = pipe[1];
        }
        // From here the descriptors close them, with the other child ends, once the helper has them.
        d.held = held;
        MonitorLink monitor;
        try {
            monitor = spawn(d, helperArgs(plan, stateDir, held.length), plan.detached());
        } catch (RuntimeException e) {
            Libc.closeAll(networkReady);
            throw e;
        }
        int ready = networkReady;
        CgroupManager cgroup = CgroupManager.of(plan.cgroups());
        try {
            return handshake(d, monitor, "container " + plan.id(), () -> {
                cgroup.create(plan.resources(), DeviceRule.parseAll(plan.confinement().deviceRules()));
                LaunchConfig config = PlanEncoder.run(plan, d.pty == null ? null : d.pty.slavePath());
                MonitorEvent started;
                writeConfig(d, monitor, config);
                started = awaitPidEvent(monitor);
                if (ready >= 0) {
                    network.attach(started.value());
                    Libc.writeFully(ready, new byte[] {'N'}, 0, 1);
                }
                if (started.startTime() <= 0) {
                    throw new IllegalStateException("expected the init's start time from the helper, got " + started);
                }
                return new Started(started.value(), started.startTime(), cgroup);
            });
        } catch (RuntimeException e) {
            // handshake() has killed and reaped the init: the cgroup is empty now (or was never made).
            cgroup.remove();
            throw e;
        } finally {
            // Closed after the byte, or unsent when a step before it failed (the init then sees EOF).
            Libc.closeAll(ready);
        }
    }

    /**
     * Starts the command {@code config} describes ({@link PlanEncoder#exec}) inside the running
     * container whose init is {@code pid} (started at {@code startTime}).
     */
    public StartedProcess exec(int pid, long startTime, LaunchConfig config, boolean tty, Stdio in, Stdio out,
                                Stdio err) {
        Descriptors d = tty ? Descriptors.openTerminal(() -> PtyMaster.openInContainer(pid, startTime))
                : Descriptors.open(in, out, err);
        MonitorLink monitor = spawn(d, List.of(helper.toString(), "exec", Integer.toString(pid),
                Long.toString(startTime)), false);
        // The exec helper reads its config before it enters the container, then reports the pid.
        return handshake(d, monitor, "exec in pid " + pid, () -> {
            writeConfig(d, monitor, config);
            return new Started(awaitPid(monitor), 0, null);
        });
    }

    private MonitorLink spawn(Descriptors d, List<String> args, boolean newSession) {
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
        return new MonitorLink(monitorPid, d.events[0], d.lifeline[1]);
    }

    /** What the first half of a handshake learnt. */
    private record Started(int pid, long startTime, CgroupManager cgroup) {
    }

    private interface Start {
        Started run();
    }

    // Then: the exec status pipe reaches EOF when the command has been exec'd, or carries
    // the step that failed. Any failure kills what was started and closes every descriptor.
    private static StartedProcess handshake(Descriptors d, MonitorLink monitor, String what, Start start) {
        try {
            Started started = start.run();
            int execStatusFd = d.execStatus[0];
            d.execStatus[0] = -1;
            String failure = readToEnd(execStatusFd);
            if (!failure.isEmpty()) {
                throw InitFailure.parse(failure);
            }
            return new StartedProcess(started.pid(), started.startTime(), started.cgroup(), monitor, d.parentStreams(),
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

    private List<String> helperArgs(LaunchPlan plan, Path stateDir, int held) {
        List<String> args = new ArrayList<>(List.of(helper.toString(), "run", Integer.toString(cloneFlags(plan)),
                "--state-dir", stateDir.toString()));
        if (held > 0) {
            args.add("--held-fds");
            args.add(Integer.toString(held));
        }
        if (plan.detached()) {
            args.add("--log");
            args.add("--detach");
        }
        return args;
    }

    private static int awaitPid(MonitorLink monitor) {
        return awaitPidEvent(monitor).value();
    }

    private static MonitorEvent awaitPidEvent(MonitorLink monitor) {
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

    // Written, then closed: EOF on fd 3 lets the helper go on. A config larger than the pipe's
    // buffer is read as it is written. A helper that failed before reading it closes the pipe
    // (EPIPE): its event says why.
    private static void writeConfig(Descriptors d, MonitorLink monitor, LaunchConfig config) {
        byte[] bytes = config.toBytes();
        try {
            Libc.writeFully(d.config[1], bytes, 0, bytes.length);
        } catch (ErrnoException e) {
            if (e.errno() == io.sixcontainer.ffi.Errno.EPIPE) {
                awaitPid(monitor);
            }
            throw e;
        } finally {
            int fd = d.config[1];
            d.config[1] = -1;
            Libc.close(fd);
        }
    }

    private static String readToEnd(int fd) {
        try (InputStream in = new FdInputStream(fd)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int cloneFlags(LaunchPlan plan) {
        int flags = 0;
        for (Namespace ns : plan.namespaces()) {
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
        int[] held = new int[0];
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
            for (int i = 0; i < held.length; i++) {
                t.put(Protocol.FD_HELD_FIRST + i, held[i]);
            }
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
            Libc.closeAll(held);
            held = new int[0];
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

        /** The ends a {@link MonitorLink} owns once the helper runs. */
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

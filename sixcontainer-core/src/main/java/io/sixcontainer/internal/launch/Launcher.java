package io.sixcontainer.internal.launch;

import io.sixcontainer.Container;
import io.sixcontainer.ContainerSpec;
import io.sixcontainer.LaunchException;
import io.sixcontainer.Namespace;
import io.sixcontainer.ffi.ErrnoException;
import io.sixcontainer.ffi.FdInputStream;
import io.sixcontainer.ffi.Libc;
import io.sixcontainer.ffi.Spawn;
import io.sixcontainer.ffi.libc.sched_h;
import io.sixcontainer.internal.tty.PtyMaster;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

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
     * {@code onExit} is called on the reaper thread after the container has ended.
     */
    public Container launch(ContainerSpec spec, String id, Consumer<Container> onExit) {
        Descriptors d = Descriptors.open(spec);
        int monitorPid;
        try {
            monitorPid = Spawn.spawn(helper.toString(),
                    List.of(helper.toString(), "run", Integer.toString(cloneFlags(spec))), d.childTable(), false);
        } catch (ErrnoException e) {
            d.closeChildEnds();
            d.closeParentEnds();
            d.closeMonitorEnds();
            throw new LaunchException("cannot start the helper " + helper + ": " + e.getMessage(),
                    e.call(), e.errno(), helper.toString(), e);
        }
        d.closeChildEnds();
        HelperProcess monitor = new HelperProcess(monitorPid, d.events[0], d.lifeline[1]);
        try {
            int initPid = awaitInitPid(monitor);
            int configFd = d.config[1];
            d.config[1] = -1;
            sendConfig(configFd, spec, id, d.pty == null ? null : d.pty.slavePath());
            int execStatusFd = d.execStatus[0];
            d.execStatus[0] = -1;
            String failure = readToEnd(execStatusFd);
            if (!failure.isEmpty()) {
                throw InitFailure.parse(failure);
            }
            return new AttachedContainer(id, initPid, monitor, d.parentStreams(), d.pty, onExit);
        } catch (RuntimeException e) {
            try {
                monitor.abort();
                d.closeParentEnds();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e instanceof LaunchException ? e : new LaunchException(
                    "launch of container " + id + " failed: " + e.getMessage(), "launch", 0, id, e);
        }
    }

    private static int awaitInitPid(HelperProcess monitor) {
        MonitorEvent first = monitor.nextEvent();
        if (first == null) {
            throw new LaunchException("the helper exited before starting the container", "clone", 0, "", null);
        }
        if (first.kind().equals("error")) {
            throw new LaunchException("the helper could not start the container: "
                    + ErrnoException.format(first.step(), "", first.value()), first.step(), first.value(), "", null);
        }
        if (!first.kind().equals("pid") || first.value() <= 0) {
            throw new IllegalStateException("expected the init's pid from the helper, got " + first);
        }
        return first.value();
    }

    private static void sendConfig(int fd, ContainerSpec spec, String id, String ttySlave) {
        LaunchConfig config = new LaunchConfig()
                .rootfs(spec.rootfs().toString())
                .args(spec.command())
                .env(spec.effectiveEnv())
                .cwd(spec.workingDir())
                .mounts(MountPlan.standard(spec.namespaces()))
                .mounts(MountPlan.options(spec, ttySlave));
        if (spec.namespaces().contains(Namespace.UTS)) {
            config.hostname(spec.hostname() != null ? spec.hostname() : id.substring(0, 12));
        }
        int flags = (spec.namespaces().contains(Namespace.NET) ? LaunchConfig.FLAG_LOOPBACK_UP : 0)
                | (ttySlave != null ? LaunchConfig.FLAG_CONTROLLING_TTY : 0);
        if (flags != 0) {
            config.flags(flags);
        }
        byte[] bytes = config.toBytes();
        try {
            Libc.writeFully(fd, bytes, 0, bytes.length);
        } finally {
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

    static int cloneFlags(ContainerSpec spec) {
        int flags = 0;
        for (Namespace ns : spec.namespaces()) {
            flags |= switch (ns) {
                case UTS -> sched_h.CLONE_NEWUTS();
                case PID -> sched_h.CLONE_NEWPID();
                case MOUNT -> sched_h.CLONE_NEWNS();
                case IPC -> sched_h.CLONE_NEWIPC();
                case NET -> sched_h.CLONE_NEWNET();
            };
        }
        return flags;
    }

    /** Every descriptor of one launch, so that each failure path closes exactly what it must. */
    private static final class Descriptors {
        final StdioEnds[] stdio = new StdioEnds[3];
        PtyMaster pty;
        int[] config;
        int[] events;
        int[] execStatus;
        int[] lifeline;

        static Descriptors open(ContainerSpec spec) {
            Descriptors d = new Descriptors();
            try {
                if (spec.tty()) {
                    d.pty = PtyMaster.open();
                    d.stdio[0] = StdioEnds.terminal(d.pty.slave());
                    d.stdio[1] = StdioEnds.terminal(d.pty.slave());
                    d.stdio[2] = StdioEnds.terminal(d.pty.slave());
                } else {
                    d.stdio[0] = StdioEnds.open(spec.stdin(), 0);
                    d.stdio[1] = StdioEnds.open(spec.stdout(), 1);
                    d.stdio[2] = StdioEnds.open(spec.stderr(), 2);
                }
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
            for (int i = 0; i < 3; i++) {
                t.put(i, stdio[i].childFd());
            }
            t.put(3, config[0]);
            t.put(4, events[1]);
            t.put(5, execStatus[1]);
            t.put(6, lifeline[0]);
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

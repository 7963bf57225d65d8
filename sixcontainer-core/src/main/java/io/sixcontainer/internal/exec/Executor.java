package io.sixcontainer.internal.exec;

import io.sixcontainer.ContainerException;
import io.sixcontainer.ExecProcess;
import io.sixcontainer.ExecResult;
import io.sixcontainer.ExecSpec;
import io.sixcontainer.ExitStatus;
import io.sixcontainer.Stdio;
import io.sixcontainer.internal.launch.LaunchConfig;
import io.sixcontainer.internal.launch.Launcher;
import io.sixcontainer.internal.launch.MonitoredProcess;
import io.sixcontainer.internal.launch.OutputCollector;
import io.sixcontainer.internal.launch.UserRecords;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs commands inside running containers through the helper's exec mode: the container's
 * namespaces (entered through a pidfd of its init, checked against its start time), its
 * cgroups, its environment plus the exec's additions — never the host's.
 */
public final class Executor {

    private final Launcher launcher;

    /** @param launcher spawns the helper */
    public Executor(Launcher launcher) {
        this.launcher = launcher;
    }

    /**
     * Starts {@code spec} in the container whose init is {@code pid}/{@code startTime}.
     *
     * @param containerEnv the container's environment as KEY=VALUE
     * @param containerCwd the container's working directory
     * @param confinement  the container's confinement records (null for none: a record from before them)
     * @param containerUser the container's user records, used when {@code spec} names no user (null: root)
     */
    public ExecProcess exec(String label, int pid, long startTime, List<String> containerEnv, String containerCwd,
                            byte[] confinement, byte[] containerUser, ExecSpec spec) {
        LaunchConfig config = new LaunchConfig()
                .rootfs("/")  // unused by the exec mode; the container's root is entered with its mount namespace
                .args(spec.command())
                .envStrings(merge(containerEnv, spec.env()))
                .cwd(spec.workingDir() != null ? spec.workingDir() : containerCwd)
                .cgroups(CgroupMembership.procsFiles(pid));
        byte[] user = spec.user() != null ? UserRecords.of(spec.user()) : containerUser;
        if (user != null) {
            config.records(user);
        }
        if (confinement != null) {
            config.records(confinement);
        }
        MonitoredProcess p = new MonitoredProcess(label,
                launcher.exec(pid, startTime, config, spec.tty(), spec.stdin(), spec.stdout(), spec.stderr()),
                status -> status);
        p.follow(() -> { });
        return new ExecHandle(p);
    }

    /** Runs {@code spec} to completion, collecting its output; kills it after {@code timeout}. */
    public ExecResult execAndCollect(String label, int pid, long startTime, List<String> containerEnv,
                                     String containerCwd, byte[] confinement, byte[] containerUser, ExecSpec spec,
                                     Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        ExecSpec captured = spec.toBuilder().stdout(Stdio.pipe()).stderr(Stdio.pipe()).build();
        try (ExecProcess p = exec(label, pid, startTime, containerEnv, containerCwd, confinement, containerUser,
                captured)) {
            OutputCollector out = OutputCollector.start(p.stdout(), "stdout-" + label);
            OutputCollector err = OutputCollector.start(p.stderr(), "stderr-" + label);
            ExitStatus status = p.waitFor(timeout).orElseGet(() -> {
                p.kill();
                p.waitFor();
                throw new ContainerException("exec of " + spec.command() + " in " + label
                        + " did not end within " + timeout + " and was killed");
            });
            // A background child of the command may hold the pipes: wait only the time left.
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            String what = "exec of " + spec.command() + " in " + label;
            return new ExecResult(status, out.text(left, what), err.text(left, what));
        }
    }

    private static List<String> merge(List<String> base, Map<String, String> additions) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String kv : base) {
            int eq = kv.indexOf('=');
            env.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        env.putAll(additions);
        List<String> out = new ArrayList<>();
        env.forEach((k, v) -> out.add(k + "=" + v));
        return out;
    }
}

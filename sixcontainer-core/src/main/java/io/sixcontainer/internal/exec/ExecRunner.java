package io.sixcontainer.internal.exec;

import io.sixcontainer.ContainerException;
import io.sixcontainer.ExecProcess;
import io.sixcontainer.ExecResult;
import io.sixcontainer.ExecSpec;
import io.sixcontainer.ExitStatus;
import io.sixcontainer.Stdio;
import io.sixcontainer.internal.launch.LaunchConfig;
import io.sixcontainer.internal.launch.Launcher;
import io.sixcontainer.internal.launch.WatchedProcess;
import io.sixcontainer.internal.launch.OutputCollector;
import io.sixcontainer.internal.launch.PlanEncoder;
import io.sixcontainer.internal.plan.LaunchPlan;
import java.time.Duration;

/**
 * Runs commands inside running containers through the helper's exec mode: the container's
 * namespaces (entered through a pidfd of its init, checked against its start time), its
 * cgroups, its environment plus the exec's additions — never the host's.
 */
public final class ExecRunner {

    private final Launcher launcher;

    /** @param launcher spawns the helper */
    public ExecRunner(Launcher launcher) {
        this.launcher = launcher;
    }

    /**
     * Starts {@code spec} in the container of {@code plan} whose init is {@code pid}/{@code startTime}:
     * its environment plus the exec's, its working directory and user unless the spec names
     * others, its confinement and exactly its cgroups.
     */
    public ExecProcess exec(String label, int pid, long startTime, LaunchPlan plan, ExecSpec spec) {
        LaunchConfig config = PlanEncoder.exec(plan, spec);
        WatchedProcess p = new WatchedProcess(label,
                launcher.exec(pid, startTime, config, spec.tty(), spec.stdin(), spec.stdout(), spec.stderr()),
                status -> status);
        p.follow(() -> { });
        return new ExecHandle(p);
    }

    /** Runs {@code spec} to completion, collecting its output; kills it after {@code timeout}. */
    public ExecResult execAndCollect(String label, int pid, long startTime, LaunchPlan plan, ExecSpec spec,
                                     Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        ExecSpec captured = spec.toBuilder().stdout(Stdio.pipe()).stderr(Stdio.pipe()).build();
        try (ExecProcess p = exec(label, pid, startTime, plan, captured)) {
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
}

package io.sixcontainer.internal.lifecycle;

import io.sixcontainer.ExitStatus;
import io.sixcontainer.ResourceUsage;
import io.sixcontainer.internal.cgroup.CgroupManager;
import io.sixcontainer.internal.launch.StartedProcess;
import io.sixcontainer.internal.launch.WatchedProcess;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/** A container attached to this JVM: its init is followed by a {@link WatchedProcess}; it dies with the JVM. */
final class AttachedHandle extends ContainerHandle {

    private final WatchedProcess init;
    private final CgroupManager cgroup;
    private final boolean autoRemove;
    private volatile ResourceUsage finalUsage;

    AttachedHandle(String id, String name, boolean autoRemove, StartedProcess process, ContainerControl ops) {
        super(id, name, ops);
        this.autoRemove = autoRemove;
        this.cgroup = process.cgroup();
        this.init = new WatchedProcess("container-" + id.substring(0, 12), process, this::ended);
    }

    // The init is reaped, so its PID namespace and every process in it are gone.
    private ExitStatus ended(ExitStatus status) {
        finalUsage = cgroup.usage();
        boolean oom = cgroup.oomKilled();
        cgroup.remove();
        return status != null && oom ? status.withOomKilled(true) : status;
    }

    @Override
    public ResourceUsage resourceUsage() {
        ResourceUsage done = finalUsage;
        return done != null ? done : cgroup.usage();
    }

    /** Whether it is removed as soon as it has exited. */
    boolean autoRemove() {
        return autoRemove;
    }

    /** Starts following the init; {@code onExit} runs once it has ended. */
    void follow(Consumer<AttachedHandle> onExit) {
        init.follow(() -> onExit.accept(this));
    }

    @Override
    public int pid() {
        return isRunning() ? init.pid() : 0;
    }

    @Override
    public ExitStatus waitFor() {
        return init.waitFor();
    }

    @Override
    public Optional<ExitStatus> waitFor(Duration timeout) {
        return init.waitFor(timeout);
    }

    @Override
    public boolean isRunning() {
        return init.isRunning();
    }

    @Override
    public void kill() {
        init.kill();
    }

    @Override
    public void resizeTty(int columns, int rows) {
        init.resizeTty(columns, rows);
    }

    @Override
    public OutputStream stdin() {
        return require(init.stdin(), "stdin");
    }

    @Override
    public InputStream stdout() {
        return require(init.stdout(), "stdout");
    }

    @Override
    public InputStream stderr() {
        return require(init.stderr(), "stderr");
    }

    private <T> T require(T stream, String streamName) {
        if (stream == null) {
            throw noPipe(streamName);
        }
        return stream;
    }

    @Override
    public void close() {
        try {
            init.close();
        } finally {
            ops.removeIfPresent(id);
        }
    }
}

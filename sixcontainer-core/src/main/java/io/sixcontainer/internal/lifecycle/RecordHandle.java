package io.sixcontainer.internal.lifecycle;

import io.sixcontainer.ExitStatus;
import java.time.Duration;
import java.util.Optional;

/** A handle on a container this JVM does not own: detached, or launched by another JVM. */
final class RecordHandle extends ContainerHandle {

    RecordHandle(String id, String name, ContainerControl ops) {
        super(id, name, ops);
    }

    @Override
    public int pid() {
        return info().pid();
    }

    @Override
    public ExitStatus waitFor() {
        return ops.awaitExit(id, null).orElseThrow();
    }

    @Override
    public Optional<ExitStatus> waitFor(Duration timeout) {
        return ops.awaitExit(id, timeout);
    }

    @Override
    public boolean isRunning() {
        return info().status() == io.sixcontainer.ContainerStatus.RUNNING;
    }

    @Override
    public void kill() {
        try {
            kill(io.sixcontainer.ffi.libc.signal_h.SIGKILL());
        } catch (io.sixcontainer.ContainerException notRunning) {
            // already ended: nothing to kill
        }
    }

    @Override
    public io.sixcontainer.ResourceUsage resourceUsage() {
        return ops.usage(id);
    }

    @Override
    public void close() {
        // A handle only: the container lives on.
    }
}

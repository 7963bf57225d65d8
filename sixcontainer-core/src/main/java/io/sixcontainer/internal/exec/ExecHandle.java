package io.sixcontainer.internal.exec;

import io.sixcontainer.ExecProcess;
import io.sixcontainer.ExitStatus;
import io.sixcontainer.internal.launch.WatchedProcess;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Optional;

/** An exec'd command, followed through its helper like a container's init. */
final class ExecHandle implements ExecProcess {

    private final WatchedProcess process;

    ExecHandle(WatchedProcess process) {
        this.process = process;
    }

    @Override
    public int pid() {
        return process.pid();
    }

    @Override
    public ExitStatus waitFor() {
        return process.waitFor();
    }

    @Override
    public Optional<ExitStatus> waitFor(Duration timeout) {
        return process.waitFor(timeout);
    }

    @Override
    public boolean isRunning() {
        return process.isRunning();
    }

    @Override
    public void kill() {
        process.kill();
    }

    @Override
    public void resizeTty(int columns, int rows) {
        process.resizeTty(columns, rows);
    }

    @Override
    public OutputStream stdin() {
        return require(process.stdin(), "stdin");
    }

    @Override
    public InputStream stdout() {
        return require(process.stdout(), "stdout");
    }

    @Override
    public InputStream stderr() {
        return require(process.stderr(), "stderr");
    }

    private static <T> T require(T stream, String name) {
        if (stream == null) {
            throw new IllegalStateException(name + " of this exec is not a pipe (see Stdio.pipe())");
        }
        return stream;
    }

    @Override
    public void close() {
        process.close();
    }
}

package io.sixcontainer.internal.lifecycle;

import io.sixcontainer.Container;
import io.sixcontainer.ContainerInfo;
import io.sixcontainer.ExecProcess;
import io.sixcontainer.ExecResult;
import io.sixcontainer.ExecSpec;
import io.sixcontainer.ExitStatus;
import io.sixcontainer.LogEntry;
import io.sixcontainer.LogQuery;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/** What every container handle does the same way: through the recorded state, by id. */
abstract class ContainerHandle implements Container {

    protected final String id;
    protected final String name;
    protected final ContainerControl ops;

    ContainerHandle(String id, String name, ContainerControl ops) {
        this.id = id;
        this.name = name;
        this.ops = ops;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ContainerInfo info() {
        return ops.info(id);
    }

    @Override
    public java.util.Optional<String> launchPlan() {
        return ops.planJson(id);
    }

    @Override
    public void kill(int signal) {
        ops.signal(id, signal);
    }

    @Override
    public ExitStatus stop(Duration grace) {
        ops.stop(id, grace);
        return waitFor();
    }

    @Override
    public io.sixcontainer.ImageInfo commit(String imageName, java.util.List<String> command) {
        return ops.commit(id, imageName, command);
    }

    @Override
    public void remove(boolean force) {
        ops.remove(id, force);
    }

    @Override
    public ExecProcess exec(ExecSpec spec) {
        return ops.exec(id, spec);
    }

    @Override
    public ExecResult execAndCollect(ExecSpec spec, Duration timeout) {
        return ops.execAndCollect(id, spec, timeout);
    }

    @Override
    public List<LogEntry> logs(LogQuery query) {
        return ops.logs(id, query);
    }

    @Override
    public void followLogs(LogQuery query, Consumer<LogEntry> sink) {
        ops.followLogs(id, query, sink);
    }

    @Override
    public OutputStream stdin() {
        throw noPipe("stdin");
    }

    @Override
    public InputStream stdout() {
        throw noPipe("stdout");
    }

    @Override
    public InputStream stderr() {
        throw noPipe("stderr");
    }

    protected IllegalStateException noPipe(String stream) {
        return new IllegalStateException(stream + " of container " + name + " is not a pipe of this handle"
                + " (see Stdio.pipe(); only the launching JVM has the pipes of an attached container)");
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{id=" + id.substring(0, 12) + ", name=" + name + "}";
    }
}

package io.sixcontainer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One process to start: its argv (run directly, never through a shell), environment,
 * working directory, user, standard streams and whether it gets a terminal. Immutable,
 * built fluently and validated when built. A {@link ContainerSpec} holds one for the
 * container's command and an {@link ExecSpec} one for a command run in a running container;
 * both builders also take every field directly.
 *
 * <pre>{@code
 * ProcessSpec p = ProcessSpec.builder().command("sh", "-c", "id").env("A", "1")
 *         .user(User.parse("1000:1000")).build();
 * ContainerSpec spec = ContainerSpec.builder().rootfs(rootfs).process(p).build();
 * }</pre>
 *
 * <p>Unset fields mean "the default of where it runs": an empty command is the image's
 * (a container without an image, and an exec, require one); a null working directory or
 * user is the image's (for a container) or the container's (for an exec).
 */
public final class ProcessSpec {

    private final List<String> command;
    private final Map<String, String> env;
    private final String workingDir;
    private final User user;
    private final Stdio stdin;
    private final Stdio stdout;
    private final Stdio stderr;
    private final boolean tty;

    private ProcessSpec(ProcessSpec p, String workingDir) {
        this.command = p.command;
        this.env = p.env;
        this.workingDir = workingDir;
        this.user = p.user;
        this.stdin = p.stdin;
        this.stdout = p.stdout;
        this.stderr = p.stderr;
        this.tty = p.tty;
    }

    private ProcessSpec(ProcessFields<?> b) {
        this.command = List.copyOf(b.command);
        this.env = Collections.unmodifiableMap(new LinkedHashMap<>(b.env));
        this.workingDir = b.workingDir;
        this.user = b.user;
        this.stdin = b.stdin;
        this.stdout = b.stdout;
        this.stderr = b.stderr;
        this.tty = b.tty;
    }

    /** The spec of a builder's fields, validated. */
    static ProcessSpec of(ProcessFields<?> fields) {
        ProcessSpec p = new ProcessSpec(fields);
        ProcessChecks.process(p);
        return p;
    }

    /** A builder with the defaults: no command, no environment, stdin discarded, stdout and stderr inherited. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this spec's values, to derive a changed copy. */
    public Builder toBuilder() {
        return new Builder().process(this);
    }

    /** The command and its arguments, each one argv entry; empty for the default (an image's). */
    public List<String> command() {
        return command;
    }

    /** The environment as given, in the order set. */
    public Map<String, String> env() {
        return env;
    }

    /** The working directory (absolute), or null for the default. */
    public String workingDir() {
        return workingDir;
    }

    /** Who the process runs as (user, group and supplementary groups), or null for the default. */
    public User user() {
        return user;
    }

    /** Where stdin comes from. */
    public Stdio stdin() {
        return stdin;
    }

    /** Where stdout goes. */
    public Stdio stdout() {
        return stdout;
    }

    /** Where stderr goes. */
    public Stdio stderr() {
        return stderr;
    }

    /** Whether the process gets a pseudo-terminal as stdin, stdout, stderr and controlling terminal. */
    public boolean tty() {
        return tty;
    }

    /** This spec, or a copy with working directory {@code dir} (absolute, checked) when it has none. */
    ProcessSpec withDefaultWorkingDir(String dir) {
        return workingDir != null ? this : new ProcessSpec(this, dir);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProcessSpec p && command.equals(p.command) && env.equals(p.env)
                && Objects.equals(workingDir, p.workingDir) && Objects.equals(user, p.user) && stdin.equals(p.stdin)
                && stdout.equals(p.stdout) && stderr.equals(p.stderr) && tty == p.tty;
    }

    @Override
    public int hashCode() {
        return Objects.hash(command, env, workingDir, user, stdin, stdout, stderr, tty);
    }

    @Override
    public String toString() {
        return "ProcessSpec{command=" + command + ", workingDir=" + workingDir + (user != null ? ", user=" + user : "")
                + ", stdio=" + stdin.kind() + "/" + stdout.kind() + "/" + stderr.kind() + ", tty=" + tty + "}";
    }

    /** Fluent builder of {@link ProcessSpec}: the setters of every process field; {@link #build()} validates. */
    public static final class Builder extends ProcessFields<Builder> {

        private Builder() {
        }

        /**
         * Validates and builds: at most 4096 arguments and variables, no NUL and at most
         * 65535 bytes in any string, a non-empty program name, variable names without
         * {@code =}, an absolute working directory, an existing stdin file.
         *
         * @throws InvalidSpecException naming the first bad value
         */
        public ProcessSpec build() {
            return buildProcess();
        }
    }
}

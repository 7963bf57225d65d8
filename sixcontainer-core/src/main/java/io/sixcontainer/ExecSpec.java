package io.sixcontainer;

import java.util.List;
import java.util.Map;

/**
 * A command to run inside a running container ({@link Container#exec}): argv run directly
 * (never through a shell), environment additions on top of the container's own, an optional
 * working directory and user, and standard streams as for a launch.
 *
 * <pre>{@code
 * ExecResult r = container.execAndCollect(ExecSpec.of("cat", "/etc/hostname"), Duration.ofSeconds(5));
 * }</pre>
 */
public final class ExecSpec {

    private final ProcessSpec process;

    private ExecSpec(ProcessSpec process) {
        this.process = process;
    }

    /** A spec that runs {@code argv} with the defaults. */
    public static ExecSpec of(String... argv) {
        return builder().command(argv).build();
    }

    /** A builder: stdin discarded, stdout and stderr inherited, the container's working directory and user. */
    public static Builder builder() {
        return new Builder();
    }

    /** The command and its arguments. */
    public List<String> command() {
        return process.command();
    }

    /** Variables added to (or replacing) the container's environment. */
    public Map<String, String> env() {
        return process.env();
    }

    /** The working directory inside the container, or null for the container's. */
    public String workingDir() {
        return process.workingDir();
    }

    /** Who the command runs as, or null for the container's user. */
    public User user() {
        return process.user();
    }

    /** Where stdin comes from. */
    public Stdio stdin() {
        return process.stdin();
    }

    /** Where stdout goes. */
    public Stdio stdout() {
        return process.stdout();
    }

    /** Where stderr goes. */
    public Stdio stderr() {
        return process.stderr();
    }

    /**
     * Whether the command gets a pseudo-terminal as stdin, stdout and stderr (and as its
     * controlling terminal, in a session of its own).
     */
    public boolean tty() {
        return process.tty();
    }

    /** The command and how it runs: argv, environment additions, working directory, user, stdio, terminal. */
    public ProcessSpec process() {
        return process;
    }

    /** A builder holding this spec's values. */
    public Builder toBuilder() {
        return new Builder().process(process);
    }

    /** Fluent builder of {@link ExecSpec}: the process setters; {@link #build()} validates. */
    public static final class Builder extends ProcessFields<Builder> {

        private Builder() {
        }

        /**
         * Validates and builds (as {@link ProcessSpec.Builder#build()} does; a command is required).
         *
         * @throws InvalidSpecException naming the first bad value
         */
        public ExecSpec build() {
            ProcessSpec p = buildProcess();
            ProcessChecks.requireCommand(p);
            return new ExecSpec(p);
        }
    }
}

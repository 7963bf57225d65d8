package io.sixcontainer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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

    private final List<String> command;
    private final Map<String, String> env;
    private final String workingDir;
    private final User user;
    private final Stdio stdin;
    private final Stdio stdout;
    private final Stdio stderr;
    private final boolean tty;

    private ExecSpec(Builder b) {
        this.tty = b.tty;
        this.command = List.copyOf(b.command);
        this.env = Collections.unmodifiableMap(new LinkedHashMap<>(b.env));
        this.workingDir = b.workingDir;
        this.user = b.user;
        this.stdin = b.stdin;
        this.stdout = b.stdout;
        this.stderr = b.stderr;
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
        return command;
    }

    /** Variables added to (or replacing) the container's environment. */
    public Map<String, String> env() {
        return env;
    }

    /** The working directory inside the container, or null for the container's. */
    public String workingDir() {
        return workingDir;
    }

    /** Who the command runs as, or null for the container's user. */
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

    /**
     * Whether the command gets a pseudo-terminal as stdin, stdout and stderr (and as its
     * controlling terminal, in a session of its own).
     */
    public boolean tty() {
        return tty;
    }

    /** A builder holding this spec's values. */
    public Builder toBuilder() {
        Builder b = new Builder().command(command).env(env).workingDir(workingDir).stdin(stdin).stdout(stdout).stderr(stderr);
        b.user = user;
        b.tty = tty;
        return b;
    }

    /** Fluent builder of {@link ExecSpec}; {@link #build()} validates. */
    public static final class Builder {
        private List<String> command = List.of();
        private final Map<String, String> env = new LinkedHashMap<>();
        private String workingDir;
        private User user;
        private Stdio stdin = Stdio.discard();
        private Stdio stdout = Stdio.inherit();
        private Stdio stderr = Stdio.inherit();
        private boolean tty;

        private Builder() {
        }

        /**
         * A pseudo-terminal instead of the stdio settings: {@link ExecProcess#stdin()} writes
         * to it, {@link ExecProcess#stdout()} reads everything it prints (stderr included).
         */
        public Builder tty(boolean tty) {
            this.tty = tty;
            return this;
        }

        /** The command and its arguments, each one argv entry. Required. */
        public Builder command(String... argv) {
            return command(List.of(argv));
        }

        /** The command and its arguments, each one argv entry. Required. */
        public Builder command(List<String> argv) {
            this.command = List.copyOf(argv);
            return this;
        }

        /** Adds or replaces one variable of the container's environment. */
        public Builder env(String key, String value) {
            env.put(Objects.requireNonNull(key, "env key"), Objects.requireNonNull(value, "env value of " + key));
            return this;
        }

        /** Adds every variable of {@code vars}. */
        public Builder env(Map<String, String> vars) {
            vars.forEach(this::env);
            return this;
        }

        /** The working directory inside the container (absolute); default: the container's. */
        public Builder workingDir(String dir) {
            this.workingDir = dir;
            return this;
        }

        /**
         * Who the command runs as (names are looked up in the container's own
         * {@code /etc/passwd} and {@code /etc/group} when it starts); default: the container's user.
         */
        public Builder user(User user) {
            this.user = user;
            return this;
        }

        /**
         * Runs the command as exactly {@code uid}, {@code gid} and {@code supplementaryGroups}
         * (none: the supplementary groups are cleared).
         *
         * @throws InvalidSpecException naming a negative id, or too many groups
         */
        public Builder user(int uid, int gid, int... supplementaryGroups) {
            return user(User.of(uid, gid, supplementaryGroups));
        }

        /** Where stdin comes from; default {@link Stdio#discard()}. */
        public Builder stdin(Stdio stdin) {
            this.stdin = Objects.requireNonNull(stdin, "stdin");
            return this;
        }

        /** Where stdout goes; default {@link Stdio#inherit()}. */
        public Builder stdout(Stdio stdout) {
            this.stdout = Objects.requireNonNull(stdout, "stdout");
            return this;
        }

        /** Where stderr goes; default {@link Stdio#inherit()}. */
        public Builder stderr(Stdio stderr) {
            this.stderr = Objects.requireNonNull(stderr, "stderr");
            return this;
        }

        /**
         * Validates and builds.
         *
         * @throws InvalidSpecException naming the first bad value
         */
        public ExecSpec build() {
            SpecChecks.command(command);
            SpecChecks.env(env);
            if (workingDir != null) {
                SpecChecks.workingDir(workingDir);
            }
            SpecChecks.stdinFile(stdin);
            return new ExecSpec(this);
        }
    }
}

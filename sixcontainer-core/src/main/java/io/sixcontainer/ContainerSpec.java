package io.sixcontainer;

import io.sixcontainer.internal.launch.TmpfsOptions;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What to run and how: an immutable description of a container, built fluently and
 * validated when built.
 *
 * <pre>{@code
 * ContainerSpec spec = ContainerSpec.builder()
 *         .rootfs(runtime.busyboxRootfs())
 *         .command("sh", "-c", "echo hello from $(hostname)")
 *         .hostname("demo")
 *         .env("GREETING", "hi")
 *         .build();
 * }</pre>
 *
 * <p>The environment is exactly what is given, plus {@code PATH} (a standard search path)
 * and {@code HOME=/root} when not given: the host's environment is never inherited.
 */
public final class ContainerSpec {

    /** The {@code PATH} a container gets when the spec sets none. */
    public static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    // A private copy of the builder that made this spec: never handed out, never changed.
    private final Builder v;

    private ContainerSpec(Builder b) {
        this.v = b.copy();
    }

    /**
     * A builder with the defaults: all five namespaces, stdin discarded, stdout and stderr
     * inherited, attached, a generated name.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this spec's values, to derive a changed copy. */
    public Builder toBuilder() {
        return v.copy();
    }

    /** The container's name, or null for a generated one. */
    public String name() {
        return v.name;
    }

    /** Whether the container outlives the launching JVM, its output going to its log. */
    public boolean detached() {
        return v.detached;
    }

    /** Whether the container's record is removed as soon as it has exited. */
    public boolean autoRemove() {
        return v.autoRemove;
    }

    /** The host directory that becomes the container's {@code /} as it is, or null when an image is used. */
    public Path rootfs() {
        return v.rootfs;
    }

    /** The image whose layers, under a write layer of the container's own, become {@code /}; or null. */
    public String image() {
        return v.image;
    }

    /** The volumes, in mount order. */
    public List<Volume> volumes() {
        return Collections.unmodifiableList(v.volumes);
    }

    /** The command and its arguments, run directly (never through a shell). */
    public List<String> command() {
        return v.command;
    }

    /** The environment as given (without the defaults added at launch). */
    public Map<String, String> env() {
        return Collections.unmodifiableMap(v.env);
    }

    /** The environment the command gets: the given one plus the {@code PATH}/{@code HOME} defaults. */
    public Map<String, String> effectiveEnv() {
        Map<String, String> all = new LinkedHashMap<>(v.env);
        all.putIfAbsent("PATH", DEFAULT_PATH);
        all.putIfAbsent("HOME", "/root");
        return Collections.unmodifiableMap(all);
    }

    /** The working directory inside the container, or null for the image's (else {@code /}). */
    public String workingDir() {
        return v.workingDir;
    }

    /** The hostname, or null for the default (the first 12 characters of the container id). */
    public String hostname() {
        return v.hostname;
    }

    /** The namespaces the container gets a new instance of. */
    public Set<Namespace> namespaces() {
        return Collections.unmodifiableSet(v.namespaces);
    }

    /** Where the container's stdin comes from. */
    public Stdio stdin() {
        return v.stdin;
    }

    /** Where the container's stdout goes. */
    public Stdio stdout() {
        return v.stdout;
    }

    /** Where the container's stderr goes. */
    public Stdio stderr() {
        return v.stderr;
    }

    /** The resource limits, applied through the container's own cgroup. */
    public Resources resources() {
        return v.resources;
    }

    /**
     * Whether the container gets a pseudo-terminal: its stdin, stdout and stderr are then the
     * terminal, which is also its controlling terminal and {@code /dev/console}.
     */
    public boolean tty() {
        return v.tty;
    }

    /** Whether the container's {@code /} is mounted read-only (its {@code /dev}, {@code /proc} and tmpfs mounts stay writable). */
    public boolean readOnlyRootfs() {
        return v.readOnlyRootfs;
    }

    /** The tmpfs mounts: target path inside the container to its options (see {@link Builder#tmpfs}). */
    public Map<String, String> tmpfs() {
        return Collections.unmodifiableMap(v.tmpfs);
    }

    /** How the container's processes are confined; default {@link Security#defaults()}. */
    public Security security() {
        return v.security;
    }

    /** Who the command runs as, or null for the image's user (root when the image names none or there is no image). */
    public User user() {
        return v.user;
    }

    @Override
    public String toString() {
        return "ContainerSpec{" + (v.image != null ? "image=" + v.image : "rootfs=" + v.rootfs) + ", command="
                + v.command + ", workingDir=" + v.workingDir + ", hostname=" + v.hostname + ", namespaces="
                + v.namespaces + ", resources=" + v.resources + ", tty=" + v.tty + ", readOnlyRootfs="
                + v.readOnlyRootfs + ", tmpfs=" + v.tmpfs + ", volumes=" + v.volumes + ", security=" + v.security
                + (v.user != null ? ", user=" + v.user : "") + "}";
    }

    /** Fluent builder of {@link ContainerSpec}; {@link #build()} validates. */
    public static final class Builder {
        private Path rootfs;
        private String image;
        private List<Volume> volumes = new java.util.ArrayList<>();
        private List<String> command = List.of();
        private Map<String, String> env = new LinkedHashMap<>();
        private String workingDir;
        private String hostname;
        private Set<Namespace> namespaces = EnumSet.allOf(Namespace.class);
        private Stdio stdin = Stdio.discard();
        private Stdio stdout = Stdio.inherit();
        private Stdio stderr = Stdio.inherit();
        private String name;
        private boolean detached;
        private boolean autoRemove;
        private Resources resources = Resources.none();
        private boolean tty;
        private boolean readOnlyRootfs;
        private Map<String, String> tmpfs = new LinkedHashMap<>();
        private Security security = Security.defaults();
        private User user;

        private Builder() {
        }

        private Builder copy() {
            Builder c = new Builder();
            c.rootfs = rootfs;
            c.image = image;
            c.volumes = new java.util.ArrayList<>(volumes);
            c.command = command;
            c.env = new LinkedHashMap<>(env);
            c.workingDir = workingDir;
            c.hostname = hostname;
            c.namespaces = EnumSet.copyOf(namespaces);
            c.stdin = stdin;
            c.stdout = stdout;
            c.stderr = stderr;
            c.name = name;
            c.detached = detached;
            c.autoRemove = autoRemove;
            c.resources = resources;
            c.tty = tty;
            c.readOnlyRootfs = readOnlyRootfs;
            c.tmpfs = new LinkedHashMap<>(tmpfs);
            c.security = security;
            c.user = user;
            return c;
        }

        /** A unique name (1-128 of {@code [a-zA-Z0-9_.-]}); default: a generated one. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * Detached: the container outlives this JVM; {@code launch} returns once its command
         * runs, and its stdout and stderr go to its log ({@link Container#logs}). Its stdin is
         * {@code /dev/null}; the stdio settings of the spec must stay at their defaults.
         */
        public Builder detached(boolean detached) {
            this.detached = detached;
            return this;
        }

        /** Remove the container's record as soon as it has exited (docker's {@code --rm}). */
        public Builder autoRemove(boolean autoRemove) {
            this.autoRemove = autoRemove;
            return this;
        }

        /**
         * A host directory that becomes {@code /} as it is: the container writes into it
         * directly (read-only with {@link #readOnlyRootfs}). One of this and {@link #image}.
         */
        public Builder rootfs(Path rootfs) {
            this.rootfs = rootfs;
            this.image = null;
            return this;
        }

        /**
         * An image ({@code NAME[:TAG]}, an id, or the built-ins {@code busybox} and
         * {@code host}) whose layers, under the container's own write layer, become {@code /}.
         * Its command, environment and working directory are the defaults of this spec. One of
         * this and {@link #rootfs}.
         */
        public Builder image(String image) {
            this.image = image;
            this.rootfs = null;
            return this;
        }

        /** Adds a volume (mounted in the order added, after the standard mounts). */
        public Builder volume(Volume volume) {
            volumes.add(Objects.requireNonNull(volume, "volume"));
            return this;
        }

        /** The command and arguments, each element one argv entry (never split on spaces). Required. */
        public Builder command(String... argv) {
            return command(List.of(argv));
        }

        /** The command and arguments, each element one argv entry. Required. */
        public Builder command(List<String> argv) {
            this.command = List.copyOf(argv);
            return this;
        }

        /** Sets one environment variable. */
        public Builder env(String key, String value) {
            env.put(Objects.requireNonNull(key, "env key"), Objects.requireNonNull(value, "env value of " + key));
            return this;
        }

        /** Adds every variable of {@code vars}. */
        public Builder env(Map<String, String> vars) {
            vars.forEach(this::env);
            return this;
        }

        /** Removes every variable set so far. */
        public Builder clearEnv() {
            env.clear();
            return this;
        }

        /** The working directory inside the container (absolute); default the image's, else {@code /}. */
        public Builder workingDir(String dir) {
            this.workingDir = dir;
            return this;
        }

        /** The hostname; default: the first 12 characters of the container id. */
        public Builder hostname(String hostname) {
            this.hostname = hostname;
            return this;
        }

        /** Exactly these namespaces (MOUNT and PID are required). */
        public Builder namespaces(Set<Namespace> namespaces) {
            this.namespaces = namespaces.isEmpty() ? EnumSet.noneOf(Namespace.class) : EnumSet.copyOf(namespaces);
            return this;
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

        /** The resource limits; default {@link Resources#none()}. */
        public Builder resources(Resources resources) {
            this.resources = Objects.requireNonNull(resources, "resources");
            return this;
        }

        /**
         * Gives the container a pseudo-terminal (default: none). Its stdin, stdout and stderr
         * are then the terminal whatever {@link #stdin}, {@link #stdout} and {@link #stderr}
         * say; {@link Container#stdin()} writes to it and {@link Container#stdout()} reads
         * everything the container prints; {@link Container#resizeTty} sets its size.
         */
        public Builder tty(boolean tty) {
            this.tty = tty;
            return this;
        }

        /** Mounts the container's {@code /} read-only (default: writable). */
        public Builder readOnlyRootfs(boolean readOnly) {
            this.readOnlyRootfs = readOnly;
            return this;
        }

        /**
         * Mounts a new tmpfs at {@code target} (an absolute path inside the container).
         * {@code options} is a comma-separated list as in {@code docker run --tmpfs}: the flags
         * {@code ro rw nosuid suid nodev dev noexec exec} and tmpfs options such as
         * {@code size=64m} or {@code mode=1777}; empty means {@code nosuid,nodev,noexec}.
         */
        public Builder tmpfs(String target, String options) {
            tmpfs.put(Objects.requireNonNull(target, "tmpfs target"), Objects.requireNonNull(options, "tmpfs options"));
            return this;
        }

        /** The confinement: capabilities, seccomp, masked paths, limits; default {@link Security#defaults()}. */
        public Builder security(Security security) {
            this.security = Objects.requireNonNull(security, "security");
            return this;
        }

        /**
         * Who the command runs as (names are looked up in the container's own
         * {@code /etc/passwd} and {@code /etc/group}); default the image's user, else {@link User#root()}. Any other
         * user than root holds capabilities only in its bounding set.
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

        /**
         * Validates and builds.
         *
         * @throws InvalidSpecException naming the first bad value
         */
        public ContainerSpec build() {
            if (image != null) {
                SpecChecks.image(image);
            } else {
                rootfs = SpecChecks.rootfs(rootfs);
            }
            if (image == null || !command.isEmpty()) {
                SpecChecks.command(command);
            }
            SpecChecks.env(env);
            if (workingDir != null) {
                SpecChecks.workingDir(workingDir);
            } else if (image == null) {
                workingDir = "/";
            }
            SpecChecks.namespacesAndHostname(namespaces, hostname);
            if (name != null) {
                io.sixcontainer.internal.state.NameRegistry.validate(name);
            }
            SpecChecks.detachedStdio(detached, tty, stdin, stdout, stderr);
            tmpfs.forEach((target, options) -> TmpfsOptions.parse(target, options));
            SpecChecks.stdinFile(stdin);
            return new ContainerSpec(this);
        }
    }
}

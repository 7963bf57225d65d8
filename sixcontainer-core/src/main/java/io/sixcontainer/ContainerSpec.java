package io.sixcontainer;

import io.sixcontainer.internal.launch.TmpfsOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

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

    private static final Pattern HOSTNAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,62})?");

    private final Path rootfs;
    private final String image;
    private final List<Volume> volumes;
    private final List<String> command;
    private final Map<String, String> env;
    private final String workingDir;
    private final String hostname;
    private final Set<Namespace> namespaces;
    private final Stdio stdin;
    private final Stdio stdout;
    private final Stdio stderr;
    private final String name;
    private final boolean detached;
    private final boolean autoRemove;
    private final Resources resources;
    private final boolean tty;
    private final boolean readOnlyRootfs;
    private final Map<String, String> tmpfs;
    private final Security security;
    private final User user;

    private ContainerSpec(Builder b) {
        this.name = b.name;
        this.detached = b.detached;
        this.autoRemove = b.autoRemove;
        this.rootfs = b.rootfs;
        this.image = b.image;
        this.volumes = List.copyOf(b.volumes);
        this.command = List.copyOf(b.command);
        this.env = Collections.unmodifiableMap(new LinkedHashMap<>(b.env));
        this.workingDir = b.workingDir;
        this.hostname = b.hostname;
        this.namespaces = Collections.unmodifiableSet(EnumSet.copyOf(b.namespaces));
        this.stdin = b.stdin;
        this.stdout = b.stdout;
        this.stderr = b.stderr;
        this.resources = b.resources;
        this.tty = b.tty;
        this.readOnlyRootfs = b.readOnlyRootfs;
        this.tmpfs = Collections.unmodifiableMap(new LinkedHashMap<>(b.tmpfs));
        this.security = b.security;
        this.user = b.user;
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
        Builder b = new Builder();
        b.rootfs = rootfs;
        b.image = image;
        b.volumes.addAll(volumes);
        b.command = command;
        b.env.putAll(env);
        b.workingDir = workingDir;
        b.hostname = hostname;
        b.namespaces = EnumSet.copyOf(namespaces);
        b.stdin = stdin;
        b.stdout = stdout;
        b.stderr = stderr;
        b.name = name;
        b.detached = detached;
        b.autoRemove = autoRemove;
        b.resources = resources;
        b.tty = tty;
        b.readOnlyRootfs = readOnlyRootfs;
        b.tmpfs.putAll(tmpfs);
        b.security = security;
        b.user = user;
        return b;
    }

    /** The container's name, or null for a generated one. */
    public String name() {
        return name;
    }

    /** Whether the container outlives the launching JVM, its output going to its log. */
    public boolean detached() {
        return detached;
    }

    /** Whether the container's record is removed as soon as it has exited. */
    public boolean autoRemove() {
        return autoRemove;
    }

    /** The host directory that becomes the container's {@code /} as it is, or null when an image is used. */
    public Path rootfs() {
        return rootfs;
    }

    /** The image whose layers, under a write layer of the container's own, become {@code /}; or null. */
    public String image() {
        return image;
    }

    /** The volumes, in mount order. */
    public List<Volume> volumes() {
        return volumes;
    }

    /** The command and its arguments, run directly (never through a shell). */
    public List<String> command() {
        return command;
    }

    /** The environment as given (without the defaults added at launch). */
    public Map<String, String> env() {
        return env;
    }

    /** The environment the command gets: the given one plus the {@code PATH}/{@code HOME} defaults. */
    public Map<String, String> effectiveEnv() {
        Map<String, String> all = new LinkedHashMap<>(env);
        all.putIfAbsent("PATH", DEFAULT_PATH);
        all.putIfAbsent("HOME", "/root");
        return Collections.unmodifiableMap(all);
    }

    /** The working directory inside the container, or null for the image's (else {@code /}). */
    public String workingDir() {
        return workingDir;
    }

    /** The hostname, or null for the default (the first 12 characters of the container id). */
    public String hostname() {
        return hostname;
    }

    /** The namespaces the container gets a new instance of. */
    public Set<Namespace> namespaces() {
        return namespaces;
    }

    /** Where the container's stdin comes from. */
    public Stdio stdin() {
        return stdin;
    }

    /** Where the container's stdout goes. */
    public Stdio stdout() {
        return stdout;
    }

    /** Where the container's stderr goes. */
    public Stdio stderr() {
        return stderr;
    }

    /** The resource limits, applied through the container's own cgroup. */
    public Resources resources() {
        return resources;
    }

    /**
     * Whether the container gets a pseudo-terminal: its stdin, stdout and stderr are then the
     * terminal, which is also its controlling terminal and {@code /dev/console}.
     */
    public boolean tty() {
        return tty;
    }

    /** Whether the container's {@code /} is mounted read-only (its {@code /dev}, {@code /proc} and tmpfs mounts stay writable). */
    public boolean readOnlyRootfs() {
        return readOnlyRootfs;
    }

    /** The tmpfs mounts: target path inside the container to its options (see {@link Builder#tmpfs}). */
    public Map<String, String> tmpfs() {
        return tmpfs;
    }

    /** How the container's processes are confined; default {@link Security#defaults()}. */
    public Security security() {
        return security;
    }

    /** Who the command runs as, or null for {@link User#root()} (the image's user is not applied). */
    public User user() {
        return user;
    }

    @Override
    public String toString() {
        return "ContainerSpec{" + (image != null ? "image=" + image : "rootfs=" + rootfs) + ", command=" + command + ", workingDir=" + workingDir
                + ", hostname=" + hostname + ", namespaces=" + namespaces + ", resources=" + resources + ", tty=" + tty
                + ", readOnlyRootfs=" + readOnlyRootfs + ", tmpfs=" + tmpfs + ", volumes=" + volumes + ", security="
                + security + (user != null ? ", user=" + user : "") + "}";
    }

    /** Fluent builder of {@link ContainerSpec}; {@link #build()} validates. */
    public static final class Builder {
        private Path rootfs;
        private String image;
        private final List<Volume> volumes = new java.util.ArrayList<>();
        private List<String> command = List.of();
        private final Map<String, String> env = new LinkedHashMap<>();
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
        private final Map<String, String> tmpfs = new LinkedHashMap<>();
        private Security security = Security.defaults();
        private User user;

        private Builder() {
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
         * {@code /etc/passwd} and {@code /etc/group}); default {@link User#root()}. Any other
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
            validateRootfs();
            if (image == null || !command.isEmpty()) {
                SpecChecks.command(command);
            }
            SpecChecks.env(env);
            if (workingDir != null) {
                SpecChecks.workingDir(workingDir);
            } else if (image == null) {
                workingDir = "/";
            }
            validateNamespacesAndHostname();
            if (name != null) {
                io.sixcontainer.internal.state.NameRegistry.validate(name);
            }
            if (detached && tty) {
                throw new InvalidSpecException("a detached container cannot have a terminal: its output goes to its log");
            }
            if (detached && (stdin.kind() != Stdio.Kind.DISCARD || stdout.kind() != Stdio.Kind.INHERIT
                    || stderr.kind() != Stdio.Kind.INHERIT)) {
                throw new InvalidSpecException("a detached container's output goes to its log and its stdin is"
                        + " /dev/null: leave stdin/stdout/stderr at their defaults (got " + stdin.kind() + "/"
                        + stdout.kind() + "/" + stderr.kind() + ")");
            }
            tmpfs.forEach((target, options) -> TmpfsOptions.parse(target, options));
            if (stdin.kind() == Stdio.Kind.FILE && !Files.isRegularFile(stdin.file())) {
                throw new InvalidSpecException("stdin file does not exist: " + stdin.file());
            }
            return new ContainerSpec(this);
        }

        private void validateRootfs() {
            if (image != null) {
                SpecChecks.string("image", image);
                if (image.isEmpty()) {
                    throw new InvalidSpecException("image name is empty");
                }
                return;
            }
            if (rootfs == null) {
                throw new InvalidSpecException("a rootfs directory or an image is required");
            }
            rootfs = rootfs.toAbsolutePath().normalize();
            SpecChecks.string("rootfs", rootfs.toString());
            if (!Files.isDirectory(rootfs)) {
                throw new InvalidSpecException("rootfs is not a directory: " + rootfs);
            }
        }

        private void validateNamespacesAndHostname() {
            if (!namespaces.contains(Namespace.MOUNT) || !namespaces.contains(Namespace.PID)) {
                throw new InvalidSpecException("namespaces must include MOUNT and PID: " + namespaces);
            }
            if (hostname != null) {
                if (!HOSTNAME.matcher(hostname).matches()) {
                    throw new InvalidSpecException("invalid hostname '" + hostname
                            + "': 1-63 letters, digits, '.' or '-', starting with a letter or digit");
                }
                if (!namespaces.contains(Namespace.UTS)) {
                    throw new InvalidSpecException("hostname '" + hostname + "' needs the UTS namespace");
                }
            }
        }
    }
}

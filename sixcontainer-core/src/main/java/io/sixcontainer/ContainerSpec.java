package io.sixcontainer;

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

    // A private copy of the builder that made this spec (its container fields): never handed out, never changed.
    private final Builder v;
    private final ProcessSpec process;

    private ContainerSpec(Builder b, ProcessSpec process) {
        this.v = b.copy();
        this.process = process;
    }

    /**
     * A builder with the defaults: all six namespaces, network {@link Network#none()}, stdin discarded, stdout and stderr
     * inherited, attached, a generated name.
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Whether {@code name} is a valid container name: 1-128 of {@code [a-zA-Z0-9_.-]},
     * starting with a letter or digit (what {@link Builder#name} requires).
     */
    public static boolean isValidName(String name) {
        return SpecChecks.validName(name);
    }

    /** A builder holding this spec's values, to derive a changed copy. */
    public Builder toBuilder() {
        return v.copy().process(process);
    }

    /** The container's command and how it runs: argv, environment, working directory, user, stdio, terminal. */
    public ProcessSpec process() {
        return process;
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

    /** Whether {@link ContainerRuntime#launch} pulls the image first. */
    public PullPolicy pullPolicy() {
        return v.pullPolicy;
    }

    /** The volumes, in mount order. */
    public List<Volume> volumes() {
        return Collections.unmodifiableList(v.volumes);
    }

    /** The command and its arguments, run directly (never through a shell). */
    public List<String> command() {
        return process.command();
    }

    /** The environment as given (without the defaults added at launch). */
    public Map<String, String> env() {
        return process.env();
    }

    /** The environment the command gets: the given one plus the {@code PATH}/{@code HOME} defaults. */
    public Map<String, String> effectiveEnv() {
        Map<String, String> all = new LinkedHashMap<>(process.env());
        all.putIfAbsent("PATH", DEFAULT_PATH);
        all.putIfAbsent("HOME", "/root");
        return Collections.unmodifiableMap(all);
    }

    /** The working directory inside the container, or null for the image's (else {@code /}). */
    public String workingDir() {
        return process.workingDir();
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
        return process.stdin();
    }

    /** Where the container's stdout goes. */
    public Stdio stdout() {
        return process.stdout();
    }

    /** Where the container's stderr goes. */
    public Stdio stderr() {
        return process.stderr();
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
        return process.tty();
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
        return process.user();
    }

    /** The network it is on ({@link Network#host()} when the namespaces lack NET); default {@link Network#none()}. */
    public Network network() {
        return v.network;
    }

    /** More names the container has on its bridge network, beside its name and hostname. */
    public List<String> networkAliases() {
        return List.copyOf(v.aliases);
    }

    /** Its ports reachable at host ports, in the order given. */
    public List<PublishedPort> publishedPorts() {
        return List.copyOf(v.ports);
    }

    /** Names added to its {@code /etc/hosts}: name to IPv4 address. */
    public Map<String, String> extraHosts() {
        return Collections.unmodifiableMap(v.extraHosts);
    }

    /** The name servers of its {@code /etc/resolv.conf}; empty for the host's (loopback ones left out). */
    public List<String> dnsServers() {
        return List.copyOf(v.dns);
    }

    @Override
    public String toString() {
        return "ContainerSpec{" + (v.image != null ? "image=" + v.image : "rootfs=" + v.rootfs) + ", command="
                + command() + ", workingDir=" + workingDir() + ", hostname=" + v.hostname + ", namespaces="
                + v.namespaces + ", resources=" + v.resources + ", tty=" + tty() + ", readOnlyRootfs="
                + v.readOnlyRootfs + ", tmpfs=" + v.tmpfs + ", volumes=" + v.volumes + ", security=" + v.security
                + (user() != null ? ", user=" + user() : "") + ", network=" + v.network
                + (v.ports.isEmpty() ? "" : ", ports=" + v.ports) + "}";
    }

    /** Fluent builder of {@link ContainerSpec}: its own fields and the process setters; {@link #build()} validates. */
    public static final class Builder extends ProcessFields<Builder> {
        private Path rootfs;
        private String image;
        private PullPolicy pullPolicy = PullPolicy.IF_MISSING;
        private List<Volume> volumes = new java.util.ArrayList<>();
        private String hostname;
        private Set<Namespace> namespaces = EnumSet.allOf(Namespace.class);
        private String name;
        private boolean detached;
        private boolean autoRemove;
        private Resources resources = Resources.none();
        private boolean readOnlyRootfs;
        private Map<String, String> tmpfs = new LinkedHashMap<>();
        private Security security = Security.defaults();
        private Network network = Network.none();
        private List<String> aliases = new java.util.ArrayList<>();
        private List<PublishedPort> ports = new java.util.ArrayList<>();
        private Map<String, String> extraHosts = new LinkedHashMap<>();
        private List<String> dns = new java.util.ArrayList<>();

        private Builder() {
        }

        private Builder copy() {
            Builder c = new Builder();
            c.rootfs = rootfs;
            c.image = image;
            c.pullPolicy = pullPolicy;
            c.volumes = new java.util.ArrayList<>(volumes);
            c.hostname = hostname;
            c.namespaces = EnumSet.copyOf(namespaces);
            c.name = name;
            c.detached = detached;
            c.autoRemove = autoRemove;
            c.resources = resources;
            c.readOnlyRootfs = readOnlyRootfs;
            c.tmpfs = new LinkedHashMap<>(tmpfs);
            c.security = security;
            c.network = network;
            c.aliases = new java.util.ArrayList<>(aliases);
            c.ports = new java.util.ArrayList<>(ports);
            c.extraHosts = new LinkedHashMap<>(extraHosts);
            c.dns = new java.util.ArrayList<>(dns);
            return c;
        }

        /** When the image is pulled from its registry; default {@link PullPolicy#IF_MISSING}. */
        public Builder pullPolicy(PullPolicy policy) {
            this.pullPolicy = java.util.Objects.requireNonNull(policy, "policy");
            return this;
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
         * An image (a reference such as {@code postgres:16} or {@code ghcr.io/org/app@sha256:...},
         * an id, or the built-ins {@code busybox} and {@code host}) whose layers, under the
         * container's own write layer, become {@code /}; pulled from its registry when the
         * store lacks it (see {@link #pullPolicy(PullPolicy)}). Its command, environment and
         * working directory are the defaults of this spec. One of this and {@link #rootfs}.
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

        /** The resource limits; default {@link Resources#none()}. */
        public Builder resources(Resources resources) {
            this.resources = Objects.requireNonNull(resources, "resources");
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
         * The network: {@link Network#host()} also drops the NET namespace, the others add it.
         * Default {@link Network#none()}.
         */
        public Builder network(Network network) {
            this.network = Objects.requireNonNull(network, "network");
            if (network.mode() == Network.Mode.HOST) {
                namespaces.remove(Namespace.NET);
            } else {
                namespaces.add(Namespace.NET);
            }
            return this;
        }

        /** Adds a name other containers of its bridge network reach it by. */
        public Builder networkAlias(String alias) {
            aliases.add(Objects.requireNonNull(alias, "network alias"));
            return this;
        }

        /** Publishes a port (needs a bridge network); see {@link PublishedPort#parse} for docker's syntax. */
        public Builder publish(PublishedPort port) {
            ports.add(Objects.requireNonNull(port, "published port"));
            return this;
        }

        /** Adds {@code name} with IPv4 address {@code ip} to its {@code /etc/hosts} (docker's {@code --add-host}). */
        public Builder addHost(String name, String ip) {
            extraHosts.put(Objects.requireNonNull(name, "host name"), Objects.requireNonNull(ip, "host address"));
            return this;
        }

        /** Adds a name server (IPv4) to its {@code /etc/resolv.conf}, instead of the host's. */
        public Builder dns(String server) {
            dns.add(Objects.requireNonNull(server, "dns server"));
            return this;
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
            ProcessSpec p = buildProcess();
            if (image == null) {
                ProcessChecks.requireCommand(p);
                p = p.withDefaultWorkingDir("/");
            }
            SpecChecks.namespacesAndHostname(namespaces, hostname);
            if (name != null) {
                SpecChecks.name(name);
            }
            SpecChecks.detachedStdio(detached, p);
            tmpfs.forEach(TmpfsMount::parse);
            network = NetworkChecks.effective(network, namespaces);
            NetworkChecks.check(network, aliases, ports, extraHosts, dns);
            return new ContainerSpec(this, p);
        }
    }
}

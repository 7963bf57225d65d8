package io.sixcontainer;

import io.sixcontainer.internal.security.SeccompArch;
import io.sixcontainer.internal.security.SeccompProfile;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How a container's processes are confined: capabilities, {@code no_new_privs}, masked and
 * read-only kernel paths, a seccomp filter, resource limits, the OOM score and the devices it
 * may use. The {@linkplain #defaults() defaults} equal Docker's; processes started with
 * {@link Container#exec} get the same confinement.
 *
 * <pre>{@code
 * Security s = Security.builder().capDrop("ALL").capAdd("NET_BIND_SERVICE")
 *         .rlimit("NOFILE", 4096, 4096).build();
 * }</pre>
 *
 * <p>A non-root user gets the capabilities only in its bounding set, never in its effective
 * or permitted sets (as {@code execve} by a non-root user would give it, and as Docker does).
 */
public final class Security {

    /** A soft and hard limit; {@link #UNLIMITED} for none. */
    public record Rlimit(long soft, long hard) {
    }

    /** The value of an {@link Rlimit} without a limit ({@code RLIM_INFINITY}). */
    public static final long UNLIMITED = -1;

    private static final List<String> MASKED = List.of("/proc/acpi", "/proc/asound", "/proc/interrupts",
            "/proc/kcore", "/proc/keys", "/proc/latency_stats", "/proc/sched_debug", "/proc/scsi",
            "/proc/timer_list", "/proc/timer_stats", "/sys/firmware", "/sys/devices/virtual/powercap");
    private static final List<String> READ_ONLY = List.of("/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys",
            "/proc/sysrq-trigger");
    private static final Set<String> DOCKER_CAPABILITIES = Set.of("CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID",
            "CAP_FOWNER", "CAP_MKNOD", "CAP_NET_RAW", "CAP_SETGID", "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP",
            "CAP_NET_BIND_SERVICE", "CAP_SYS_CHROOT", "CAP_KILL", "CAP_AUDIT_WRITE");
    private static final Set<String> ALL_CAPABILITIES = Stream.of(Capability.values()).map(Capability::name)
            .collect(Collectors.toUnmodifiableSet());
    // The most device cgroup rules: their cgroup v2 program (8 instructions a rule at most) fits BPF_MAXINSNS.
    private static final int MAX_DEVICE_RULES = 500;
    private static final Security DEFAULTS = new Builder().build();
    private static final Security PRIVILEGED = new Builder().privileged().build();

    private final Set<String> capabilities;
    private final boolean noNewPrivileges;
    private final List<String> maskedPaths;
    private final List<String> readonlyPaths;
    private final String seccompProfile;
    private final Map<String, Rlimit> rlimits;
    private final Integer oomScoreAdj;
    private final List<String> deviceCgroupRules;

    private Security(Builder b) {
        this.capabilities = Collections.unmodifiableSet(new TreeSet<>(b.capabilities));
        this.noNewPrivileges = b.noNewPrivileges;
        this.maskedPaths = List.copyOf(b.maskedPaths);
        this.readonlyPaths = List.copyOf(b.readonlyPaths);
        this.seccompProfile = b.seccompProfile;
        this.rlimits = Collections.unmodifiableMap(new LinkedHashMap<>(b.rlimits));
        this.oomScoreAdj = b.oomScoreAdj;
        this.deviceCgroupRules = List.copyOf(b.deviceCgroupRules);
    }

    /**
     * Docker's defaults: its 14 capabilities, {@code no_new_privs}, the masked and read-only
     * {@code /proc} and {@code /sys} paths, the default seccomp profile, {@code NOFILE}
     * 1024:1024, the OOM score adjustment of the launching process, and Docker's device
     * allow-list (see {@link #deviceCgroupRules()}).
     */
    public static Security defaults() {
        return DEFAULTS;
    }

    /**
     * Everything off, like {@code docker run --privileged}: every capability, no
     * {@code no_new_privs}, nothing masked or read-only, no seccomp filter, every device
     * ({@code a *:* rwm}) as far as the host allows it. The resource limits stay at their
     * defaults. The container still has its own namespaces and only the default device nodes
     * (it may make others with mknod).
     */
    public static Security privileged() {
        return PRIVILEGED;
    }

    /** A builder starting from the {@linkplain #defaults() defaults}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.capabilities.clear();
        b.capabilities.addAll(capabilities);
        b.noNewPrivileges = noNewPrivileges;
        b.maskedPaths = maskedPaths;
        b.readonlyPaths = readonlyPaths;
        b.seccompProfile = seccompProfile;
        b.rlimits.clear();
        b.rlimits.putAll(rlimits);
        b.oomScoreAdj = oomScoreAdj;
        b.deviceCgroupRules = deviceCgroupRules;
        return b;
    }

    /** The capabilities (names like {@code CAP_NET_RAW}): bounding, permitted and effective sets. */
    public Set<String> capabilities() {
        return capabilities;
    }

    /** Whether {@code no_new_privs} is set: no setuid binary or file capability raises privileges. */
    public boolean noNewPrivileges() {
        return noNewPrivileges;
    }

    /** Paths covered by an empty read-only directory or a null device (only on procfs or sysfs). */
    public List<String> maskedPaths() {
        return maskedPaths;
    }

    /** Paths made read-only (only on procfs or sysfs). */
    public List<String> readonlyPaths() {
        return readonlyPaths;
    }

    /** The seccomp profile in Docker's JSON format, or empty when unconfined. */
    public Optional<String> seccompProfile() {
        return Optional.ofNullable(seccompProfile);
    }

    /** Resource limits by name ({@code NOFILE}, {@code NPROC}, ...), as {@code setrlimit} sets them. */
    public Map<String, Rlimit> rlimits() {
        return rlimits;
    }

    /** The {@code oom_score_adj} (-1000..1000), or empty to inherit the launching process's. */
    public OptionalInt oomScoreAdj() {
        return oomScoreAdj == null ? OptionalInt.empty() : OptionalInt.of(oomScoreAdj);
    }

    /**
     * The devices the container's processes may open for reading ({@code r}) or writing
     * ({@code w}) or make with mknod ({@code m}), in the kernel's {@code devices.allow} format
     * ({@code c 1:3 rwm}: type {@code c}, {@code b} or {@code a}, major and minor number or
     * {@code *}, access); everything else is refused with {@code EPERM}, whatever the
     * permissions of the node. Default: Docker's list, mknod of any device plus full access to
     * null, zero, full, random, urandom, tty, console, ptmx, the pty slaves and tun ({@code c 1:3,
     * 1:5, 1:7, 1:8, 1:9, 5:0, 5:1, 5:2, 136:*, 10:200}). Enforced by the cgroup: the v1
     * {@code devices} controller, or a device program on cgroup v2.
     */
    public List<String> deviceCgroupRules() {
        return deviceCgroupRules;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Security s && capabilities.equals(s.capabilities) && noNewPrivileges == s.noNewPrivileges
                && maskedPaths.equals(s.maskedPaths) && readonlyPaths.equals(s.readonlyPaths)
                && Objects.equals(seccompProfile, s.seccompProfile) && rlimits.equals(s.rlimits)
                && Objects.equals(oomScoreAdj, s.oomScoreAdj) && deviceCgroupRules.equals(s.deviceCgroupRules);
    }

    @Override
    public int hashCode() {
        return Objects.hash(capabilities, noNewPrivileges, maskedPaths, readonlyPaths, seccompProfile, rlimits,
                oomScoreAdj, deviceCgroupRules);
    }

    @Override
    public String toString() {
        String seccomp = seccompProfile == null ? "unconfined"
                : seccompProfile.equals(SeccompProfile.defaultJson()) ? "default" : "custom";
        return "Security{capabilities=" + capabilities + ", noNewPrivileges=" + noNewPrivileges + ", maskedPaths="
                + maskedPaths + ", readonlyPaths=" + readonlyPaths + ", seccomp=" + seccomp + ", rlimits=" + rlimits
                + ", oomScoreAdj=" + oomScoreAdj + ", deviceCgroupRules="
                + (deviceCgroupRules.equals(DeviceRule.DOCKER_DEFAULT) ? "default" : deviceCgroupRules) + "}";
    }

    /** Fluent builder of {@link Security}; {@link #build()} validates. */
    public static final class Builder {
        private final Set<String> capabilities = new TreeSet<>(DOCKER_CAPABILITIES);
        private boolean noNewPrivileges = true;
        private List<String> maskedPaths = MASKED;
        private List<String> readonlyPaths = READ_ONLY;
        private String seccompProfile = SeccompProfile.defaultJson();
        private final Map<String, Rlimit> rlimits = new LinkedHashMap<>(Map.of("NOFILE", new Rlimit(1024, 1024)));
        private Integer oomScoreAdj;
        private List<String> deviceCgroupRules = DeviceRule.DOCKER_DEFAULT;

        private Builder() {
        }

        /** Turns every default off, as {@link Security#privileged()} describes. */
        public Builder privileged() {
            capabilities.addAll(ALL_CAPABILITIES);
            noNewPrivileges = false;
            maskedPaths = List.of();
            readonlyPaths = List.of();
            seccompProfile = null;
            deviceCgroupRules = List.of(DeviceRule.ALLOW_ALL);
            return this;
        }

        /** Exactly these capabilities ({@code NET_ADMIN} or {@code CAP_NET_ADMIN}; {@code ALL}). */
        public Builder capabilities(Collection<String> names) {
            capabilities.clear();
            names.forEach(this::capAdd);
            return this;
        }

        /** Adds capabilities ({@code NET_ADMIN} or {@code CAP_NET_ADMIN}); {@code ALL} adds every one. */
        public Builder capAdd(String... names) {
            for (String n : names) {
                if (Objects.requireNonNull(n, "capability").equalsIgnoreCase("ALL")) {
                    capabilities.addAll(ALL_CAPABILITIES);
                } else {
                    capabilities.add(Capability.of(n).name());
                }
            }
            return this;
        }

        /** Removes capabilities; {@code ALL} removes every one (add some back afterwards with {@link #capAdd}). */
        public Builder capDrop(String... names) {
            for (String n : names) {
                if (Objects.requireNonNull(n, "capability").equalsIgnoreCase("ALL")) {
                    capabilities.clear();
                } else {
                    capabilities.remove(Capability.of(n).name());
                }
            }
            return this;
        }

        /** Sets or clears {@code no_new_privs} (default: set). */
        public Builder noNewPrivileges(boolean on) {
            this.noNewPrivileges = on;
            return this;
        }

        /** Replaces the masked paths (absolute, under {@code /proc} or {@code /sys}). */
        public Builder maskedPaths(List<String> paths) {
            this.maskedPaths = List.copyOf(paths);
            return this;
        }

        /** Replaces the read-only paths (absolute, under {@code /proc} or {@code /sys}). */
        public Builder readonlyPaths(List<String> paths) {
            this.readonlyPaths = List.copyOf(paths);
            return this;
        }

        /** The default seccomp profile (Docker's). */
        public Builder seccompDefault() {
            this.seccompProfile = SeccompProfile.defaultJson();
            return this;
        }

        /** No seccomp filter. */
        public Builder seccompUnconfined() {
            this.seccompProfile = null;
            return this;
        }

        /** A seccomp profile in Docker's JSON format (as {@code --security-opt seccomp=FILE} reads). */
        public Builder seccompProfile(String json) {
            this.seccompProfile = Objects.requireNonNull(json, "seccomp profile");
            return this;
        }

        /**
         * Sets a resource limit, like {@code docker run --ulimit}: {@code name} as in
         * {@code RLIMIT_NOFILE} with or without the prefix, any case; {@link #UNLIMITED} for none.
         */
        public Builder rlimit(String name, long soft, long hard) {
            rlimits.put(RlimitName.of(name).name(), new Rlimit(soft, hard));
            return this;
        }

        /** The container's {@code oom_score_adj}, -1000..1000 (default: the launching process's). */
        public Builder oomScoreAdj(int adj) {
            this.oomScoreAdj = adj;
            return this;
        }

        /**
         * Allows more devices, like {@code docker run --device-cgroup-rule}: each rule in the
         * format of {@link Security#deviceCgroupRules()}, e.g. {@code c 10:229 rwm} for
         * {@code /dev/fuse}; {@code a *:* rwm} allows every device. At most 500 rules in all
         * (unless one allows every device).
         */
        public Builder deviceCgroupRule(String... rules) {
            List<String> all = new java.util.ArrayList<>(deviceCgroupRules);
            for (String r : rules) {
                all.add(Objects.requireNonNull(r, "device cgroup rule"));
            }
            deviceCgroupRules = List.copyOf(all);
            return this;
        }

        /**
         * Validates and builds (also compiles the seccomp profile and the device rules, so a bad one fails here).
         *
         * @throws InvalidSpecException naming the first bad value
         */
        public Security build() {
            for (List<String> paths : List.of(maskedPaths, readonlyPaths)) {
                paths.forEach(Builder::checkKernelPath);
            }
            rlimits.forEach(Builder::checkRlimit);
            if (oomScoreAdj != null && (oomScoreAdj < -1000 || oomScoreAdj > 1000)) {
                throw new InvalidSpecException("oomScoreAdj " + oomScoreAdj + " is not in -1000..1000");
            }
            if (seccompProfile != null) {
                // On an architecture without a table the launch refuses the filter, never this.
                SeccompArch arch = SeccompArch.find(System.getProperty("os.arch", "")).orElse(SeccompArch.X86_64);
                SeccompProfile.parse(seccompProfile, capabilities, arch).compile();
            }
            List<DeviceRule> devices = DeviceRule.parseAll(deviceCgroupRules);
            if (!DeviceRule.allowsAll(devices) && devices.size() > MAX_DEVICE_RULES) {
                throw new InvalidSpecException(devices.size() + " device cgroup rules; at most " + MAX_DEVICE_RULES);
            }
            return new Security(this);
        }

        // -1 is RLIM_INFINITY, the largest value: compare unsigned, as the kernel does.
        private static void checkRlimit(String name, Rlimit r) {
            if (r.soft() < UNLIMITED || r.hard() < UNLIMITED) {
                throw new InvalidSpecException("rlimit " + name + " " + r.soft() + ":" + r.hard()
                        + ": values are -1 (unlimited) or not negative");
            }
            if (Long.compareUnsigned(r.soft(), r.hard()) > 0) {
                throw new InvalidSpecException("rlimit " + name + " " + r.soft() + ":" + r.hard()
                        + ": the soft limit is above the hard limit");
            }
        }

        private static void checkKernelPath(String p) {
            SpecChecks.string("masked or read-only path", p);
            if (!(p.startsWith("/proc/") || p.startsWith("/sys/")) || p.contains("/../") || p.endsWith("/..")
                    || p.contains("/./") || p.endsWith("/") || p.contains("//")) {
                throw new InvalidSpecException("masked or read-only path '" + p
                        + "' is not a normalized absolute path under /proc or /sys");
            }
        }
    }
}

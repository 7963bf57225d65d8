package io.sixcontainer;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resource limits of a container, enforced through its own cgroup (v1 or v2, whichever
 * the host uses) before its command runs. Immutable; built fluently and validated when
 * built. Every limit is optional; {@link #none()} sets none.
 *
 * <pre>{@code
 * Resources limits = Resources.builder()
 *         .memory(Resources.parseSize("256m"))
 *         .cpus(1.5)
 *         .pidsMax(100)
 *         .build();
 * }</pre>
 */
public final class Resources {

    /** The smallest memory limit accepted (Docker's minimum too): 6 MiB. */
    public static final long MIN_MEMORY = 6L << 20;
    /** The cgroup, relative to the launching process's own, that holds each container's cgroup. */
    public static final String DEFAULT_CGROUP_PARENT = "sixcontainer";
    /** The CFS period a {@link Builder#cpus(double)} limit is expressed in, in microseconds. */
    public static final long CPU_PERIOD_MICROS = 100_000;

    private static final long MIN_SHARES = 2;
    private static final long MAX_SHARES = 262_144;
    // The kernel refuses a CFS quota under 1 ms.
    private static final long MIN_QUOTA_MICROS = 1_000;
    private static final long MAX_PIDS = 4_194_304;
    private static final Pattern CPU_LIST = Pattern.compile("\\d{1,4}(-\\d{1,4})?(,\\d{1,4}(-\\d{1,4})?)*");
    // Segments never start with '.', so "." and ".." cannot climb out of the parent.
    private static final Pattern CGROUP_PARENT = Pattern.compile("/?[A-Za-z0-9_][A-Za-z0-9_.-]*(/[A-Za-z0-9_][A-Za-z0-9_.-]*)*");
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(?:([kmgtp])(?:i?b)?|b)?");

    private static final Resources NONE = new Resources(new Builder());

    private final OptionalLong memory;
    private final OptionalLong memorySwap;
    private final OptionalLong cpuShares;
    private final OptionalDouble cpus;
    private final Optional<String> cpusetCpus;
    private final Optional<String> cpusetMems;
    private final OptionalLong pidsMax;
    private final String cgroupParent;

    private Resources(Builder b) {
        this.memory = b.memory;
        this.memorySwap = b.memorySwap;
        this.cpuShares = b.cpuShares;
        this.cpus = b.cpus;
        this.cpusetCpus = b.cpusetCpus;
        this.cpusetMems = b.cpusetMems;
        this.pidsMax = b.pidsMax;
        this.cgroupParent = b.cgroupParent;
    }

    /** No limits at all: the container shares the host's resources like any process. */
    public static Resources none() {
        return NONE;
    }

    /** A builder with no limits set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these limits, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.memory = memory;
        b.memorySwap = memorySwap;
        b.cpuShares = cpuShares;
        b.cpus = cpus;
        b.cpusetCpus = cpusetCpus;
        b.cpusetMems = cpusetMems;
        b.pidsMax = pidsMax;
        b.cgroupParent = cgroupParent;
        return b;
    }

    /**
     * Parses a size the way {@code docker run -m} does: a number with an optional binary
     * unit {@code k}, {@code m}, {@code g}, {@code t} or {@code p} (case-insensitive, an
     * optional {@code b} or {@code ib} after it), e.g. {@code 512k}, {@code 100m},
     * {@code 1.5g}, {@code 4096}.
     *
     * @return the size in bytes
     * @throws InvalidSpecException naming {@code text} when it is not such a size or does not fit a long
     */
    public static long parseSize(String text) {
        Objects.requireNonNull(text, "size");
        Matcher m = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new InvalidSpecException("invalid size '" + text + "': expected a number with an optional unit"
                    + " k, m, g, t or p, e.g. 100m");
        }
        int power = m.group(2) == null ? 0 : 1 + "kmgtp".indexOf(m.group(2));
        BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(1024).pow(power));
        try {
            return bytes.setScale(0, java.math.RoundingMode.DOWN).longValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidSpecException("size '" + text + "' is too large");
        }
    }

    /**
     * The cgroup v2 {@code cpu.weight} for cgroup v1 {@code cpu.shares}, by the conversion
     * runc (1.3.2 and later) and crun use: a quadratic in log2(shares) that maps the
     * minimum, default and maximum exactly (2 → 1, 1024 → 100, 262144 → 10000).
     */
    public static long cpuWeightOfShares(long shares) {
        if (shares <= MIN_SHARES) {
            return 1;
        }
        if (shares >= MAX_SHARES) {
            return 10_000;
        }
        double l = Math.log(shares) / Math.log(2);
        double exponent = (l * l + 125 * l) / 612.0 - 7.0 / 34.0;
        return (long) Math.ceil(Math.pow(10, exponent));
    }

    /** True when no limit is set. */
    public boolean isEmpty() {
        return memory.isEmpty() && memorySwap.isEmpty() && cpuShares.isEmpty() && cpus.isEmpty()
                && cpusetCpus.isEmpty() && cpusetMems.isEmpty() && pidsMax.isEmpty();
    }

    /** The memory limit in bytes. */
    public OptionalLong memory() {
        return memory;
    }

    /** The limit of memory plus swap in bytes; -1 means unlimited swap. */
    public OptionalLong memorySwap() {
        return memorySwap;
    }

    /** The relative cpu share (v1 {@code cpu.shares}, 2..262144; default of a group is 1024). */
    public OptionalLong cpuShares() {
        return cpuShares;
    }

    /** The cgroup v2 {@code cpu.weight} equivalent of {@link #cpuShares()}. */
    public OptionalLong cpuWeight() {
        return cpuShares.isPresent() ? OptionalLong.of(cpuWeightOfShares(cpuShares.getAsLong())) : OptionalLong.empty();
    }

    /** How many cpus' worth of time the container may use, e.g. 1.5. */
    public OptionalDouble cpus() {
        return cpus;
    }

    /** The CFS quota in microseconds per {@link #CPU_PERIOD_MICROS} that {@link #cpus()} amounts to. */
    public OptionalLong cpuQuotaMicros() {
        return cpus.isPresent() ? OptionalLong.of(Math.round(cpus.getAsDouble() * CPU_PERIOD_MICROS))
                : OptionalLong.empty();
    }

    /** The cpus the container may run on, in the kernel's list format, e.g. {@code 0-2,4}. */
    public Optional<String> cpusetCpus() {
        return cpusetCpus;
    }

    /** The memory nodes the container may allocate from, e.g. {@code 0}. */
    public Optional<String> cpusetMems() {
        return cpusetMems;
    }

    /** The most processes and threads the container may have at once. */
    public OptionalLong pidsMax() {
        return pidsMax;
    }

    /**
     * Where the container's cgroup (named by its id) is made: a relative path is under the
     * launching process's own cgroup (in each v1 hierarchy), an absolute one under the root.
     */
    public String cgroupParent() {
        return cgroupParent;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Resources r && cgroupParent.equals(r.cgroupParent) && memory.equals(r.memory) && memorySwap.equals(r.memorySwap)
                && cpuShares.equals(r.cpuShares) && cpus.equals(r.cpus) && cpusetCpus.equals(r.cpusetCpus)
                && cpusetMems.equals(r.cpusetMems) && pidsMax.equals(r.pidsMax);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cgroupParent, memory, memorySwap, cpuShares, cpus, cpusetCpus, cpusetMems, pidsMax);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Resources{");
        memory.ifPresent(v -> s.append("memory=").append(v).append(' '));
        memorySwap.ifPresent(v -> s.append("memorySwap=").append(v).append(' '));
        cpuShares.ifPresent(v -> s.append("cpuShares=").append(v).append(' '));
        cpus.ifPresent(v -> s.append("cpus=").append(v).append(' '));
        cpusetCpus.ifPresent(v -> s.append("cpusetCpus=").append(v).append(' '));
        cpusetMems.ifPresent(v -> s.append("cpusetMems=").append(v).append(' '));
        pidsMax.ifPresent(v -> s.append("pidsMax=").append(v).append(' '));
        if (!cgroupParent.equals(DEFAULT_CGROUP_PARENT)) {
            s.append("cgroupParent=").append(cgroupParent);
        }
        return s.toString().strip() + "}";
    }

    /** Fluent builder of {@link Resources}; {@link #build()} validates. */
    public static final class Builder {
        private OptionalLong memory = OptionalLong.empty();
        private OptionalLong memorySwap = OptionalLong.empty();
        private OptionalLong cpuShares = OptionalLong.empty();
        private OptionalDouble cpus = OptionalDouble.empty();
        private Optional<String> cpusetCpus = Optional.empty();
        private Optional<String> cpusetMems = Optional.empty();
        private OptionalLong pidsMax = OptionalLong.empty();
        private String cgroupParent = DEFAULT_CGROUP_PARENT;

        private Builder() {
        }

        /** The memory limit in bytes, at least {@link #MIN_MEMORY} (see {@link #parseSize(String)}). */
        public Builder memory(long bytes) {
            this.memory = OptionalLong.of(bytes);
            return this;
        }

        /**
         * The limit of memory plus swap in bytes, at least {@link #memory(long)}; -1 for
         * unlimited swap. Needs a memory limit. Equal to the memory limit means no swap.
         */
        public Builder memorySwap(long bytes) {
            this.memorySwap = OptionalLong.of(bytes);
            return this;
        }

        /** The relative cpu share, 2..262144 (converted to {@code cpu.weight} on cgroup v2). */
        public Builder cpuShares(long shares) {
            this.cpuShares = OptionalLong.of(shares);
            return this;
        }

        /** How many cpus' worth of time the container may use, at least 0.01, e.g. 1.5. */
        public Builder cpus(double cpus) {
            this.cpus = OptionalDouble.of(cpus);
            return this;
        }

        /** The cpus the container may run on, e.g. {@code 0-2,4}. */
        public Builder cpusetCpus(String cpus) {
            this.cpusetCpus = Optional.of(Objects.requireNonNull(cpus, "cpusetCpus"));
            return this;
        }

        /** The memory nodes the container may allocate from, e.g. {@code 0}. */
        public Builder cpusetMems(String mems) {
            this.cpusetMems = Optional.of(Objects.requireNonNull(mems, "cpusetMems"));
            return this;
        }

        /** The most processes and threads the container may have at once, at least 1. */
        public Builder pidsMax(long max) {
            this.pidsMax = OptionalLong.of(max);
            return this;
        }

        /** Where the container's cgroup is made; default {@link #DEFAULT_CGROUP_PARENT} (see {@link Resources#cgroupParent()}). */
        public Builder cgroupParent(String parent) {
            this.cgroupParent = Objects.requireNonNull(parent, "cgroupParent");
            return this;
        }

        /**
         * Validates and builds.
         *
         * @throws InvalidSpecException naming the first bad value
         */
        public Resources build() {
            memory.ifPresent(m -> require(m >= MIN_MEMORY, "memory limit " + m + " bytes is below the minimum of "
                    + MIN_MEMORY + " (6m)"));
            memorySwap.ifPresent(s -> {
                require(memory.isPresent(), "memorySwap " + s + " needs a memory limit too");
                require(s == -1 || s >= memory.getAsLong(), "memorySwap " + s
                        + " is below the memory limit " + memory.getAsLong() + " (it counts memory plus swap)");
            });
            cpuShares.ifPresent(s -> require(s >= MIN_SHARES && s <= MAX_SHARES,
                    "cpuShares " + s + " is outside " + MIN_SHARES + ".." + MAX_SHARES));
            cpus.ifPresent(c -> require(Double.isFinite(c) && c * CPU_PERIOD_MICROS >= MIN_QUOTA_MICROS
                    && c <= 1_000_000, "cpus " + c + " is not a number of cpus from 0.01 up"));
            cpusetCpus.ifPresent(c -> checkList("cpusetCpus", c));
            cpusetMems.ifPresent(m -> checkList("cpusetMems", m));
            pidsMax.ifPresent(p -> require(p >= 1 && p <= MAX_PIDS, "pidsMax " + p + " is outside 1.." + MAX_PIDS));
            require(CGROUP_PARENT.matcher(cgroupParent).matches(),
                    "cgroupParent '" + cgroupParent + "' is not a cgroup path like sixcontainer or /ci/jobs");
            return new Resources(this);
        }

        private static void checkList(String what, String list) {
            require(CPU_LIST.matcher(list).matches(), what + " '" + list
                    + "' is not a list like 0-2,4 (numbers and ascending ranges, comma-separated)");
            for (String part : list.split(",")) {
                String[] ends = part.split("-");
                require(ends.length == 1 || Integer.parseInt(ends[0]) <= Integer.parseInt(ends[1]),
                        what + " '" + list + "' has a descending range " + part);
            }
        }

        private static void require(boolean ok, String message) {
            if (!ok) {
                throw new InvalidSpecException(message);
            }
        }
    }
}

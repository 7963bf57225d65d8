package io.sixcontainer;

import java.time.Duration;
import java.util.Objects;

/**
 * What a container has used so far, read from its cgroup: the most memory it held at
 * once and the cpu time of all its processes. Available while it runs and after it ended
 * (then the final values, read just before its cgroup was removed).
 *
 * @param memoryPeakBytes the highest memory charge of the container's cgroup, in bytes
 *                        (cgroup v1 {@code memory.max_usage_in_bytes}, v2 {@code memory.peak};
 *                        both include the page cache the container caused); 0 when the kernel
 *                        does not report it
 * @param cpuUser         cpu time spent in user mode by all its processes
 * @param cpuSystem       cpu time spent in the kernel on their behalf
 */
public record ResourceUsage(long memoryPeakBytes, Duration cpuUser, Duration cpuSystem) {

    /** Validates. */
    public ResourceUsage {
        Objects.requireNonNull(cpuUser, "cpuUser");
        Objects.requireNonNull(cpuSystem, "cpuSystem");
        if (memoryPeakBytes < 0 || cpuUser.isNegative() || cpuSystem.isNegative()) {
            throw new IllegalArgumentException("negative usage: " + memoryPeakBytes + ", " + cpuUser + ", " + cpuSystem);
        }
    }

    /** User plus system cpu time. */
    public Duration cpuTotal() {
        return cpuUser.plus(cpuSystem);
    }
}

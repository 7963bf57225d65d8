package io.sixcontainer;

import java.util.Arrays;
import java.util.Locale;

/**
 * The resource limits of {@code setrlimit(2)} ({@code sys/resource.h}), in the kernel's order:
 * {@link #number()} is the {@code RLIMIT_*} number. {@link Security.Builder#rlimit} names a
 * limit by one of these constants' names ({@code NOFILE}); this enum is the one list of them,
 * which the builder checks names against and the launch turns into numbers.
 */
public enum RlimitName {
    // Index = RLIMIT_* number: keep the kernel's order.
    CPU, FSIZE, DATA, STACK, CORE, RSS, NPROC, NOFILE, MEMLOCK, AS, LOCKS, SIGPENDING, MSGQUEUE, NICE, RTPRIO, RTTIME;

    /** The {@code RLIMIT_*} number ({@code RLIMIT_CPU} is 0). */
    public int number() {
        return ordinal();
    }

    /**
     * The limit named {@code name}: {@code NOFILE} for {@code nofile}, {@code RLIMIT_NOFILE}, ...
     *
     * @throws InvalidSpecException naming {@code name} if no limit has it
     */
    public static RlimitName of(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        String bare = upper.startsWith("RLIMIT_") ? upper.substring(7) : upper;
        for (RlimitName r : values()) {
            if (r.name().equals(bare)) {
                return r;
            }
        }
        throw new InvalidSpecException("unknown resource limit '" + name + "'; known: " + Arrays.toString(values()));
    }
}

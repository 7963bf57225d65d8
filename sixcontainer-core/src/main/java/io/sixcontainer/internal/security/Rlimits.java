package io.sixcontainer.internal.security;

import io.sixcontainer.InvalidSpecException;
import io.sixcontainer.Security;
import java.util.List;
import java.util.Locale;

/** Resource limit names (sys/resource.h) and their numbers. */
public final class Rlimits {

    /** Index = RLIMIT_* number. */
    private static final List<String> NAMES = List.of("CPU", "FSIZE", "DATA", "STACK", "CORE", "RSS", "NPROC",
            "NOFILE", "MEMLOCK", "AS", "LOCKS", "SIGPENDING", "MSGQUEUE", "NICE", "RTPRIO", "RTTIME");

    private Rlimits() {
    }

    /**
     * {@code NOFILE} for {@code nofile}, {@code RLIMIT_NOFILE}, ...
     *
     * @throws InvalidSpecException for an unknown name
     */
    public static String canonical(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        String bare = upper.startsWith("RLIMIT_") ? upper.substring(7) : upper;
        if (!NAMES.contains(bare)) {
            throw new InvalidSpecException("unknown resource limit '" + name + "'; known: " + NAMES);
        }
        return bare;
    }

    /** The RLIMIT_* number of a canonical name. */
    public static int number(String name) {
        return NAMES.indexOf(name);
    }

    /**
     * Checks a limit: values are {@link Security#UNLIMITED} or non-negative, soft at most hard.
     *
     * @throws InvalidSpecException naming the limit
     */
    public static void check(String name, Security.Rlimit r) {
        if (r.soft() < Security.UNLIMITED || r.hard() < Security.UNLIMITED) {
            throw new InvalidSpecException("rlimit " + name + " " + r.soft() + ":" + r.hard()
                    + ": values are -1 (unlimited) or not negative");
        }
        // -1 is RLIM_INFINITY, the largest value: compare unsigned, as the kernel does.
        if (Long.compareUnsigned(r.soft(), r.hard()) > 0) {
            throw new InvalidSpecException("rlimit " + name + " " + r.soft() + ":" + r.hard()
                    + ": the soft limit is above the hard limit");
        }
    }
}

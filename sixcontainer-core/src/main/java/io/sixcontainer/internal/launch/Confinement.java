package io.sixcontainer.internal.launch;

import io.sixcontainer.RlimitName;
import io.sixcontainer.Security;
import io.sixcontainer.internal.security.Capabilities;
import io.sixcontainer.internal.security.SeccompArch;
import io.sixcontainer.internal.security.SeccompProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link Security} in the protocol's terms: the confinement records (tags 20-24), which
 * the init and every exec'd process apply, and the mask and read-only steps of the mount plan.
 */
public final class Confinement {

    private Confinement() {
    }

    // Compiling the seccomp profile (parse Docker's JSON, emit BPF) was ~1/4 of a launch's Java
    // CPU time; the records depend on nothing but the Security value, this kernel and arch.
    private static final int CACHED = 16;
    private static final Map<Security, byte[]> CACHE = new ConcurrentHashMap<>();

    /** The encoded records, as {@link LaunchConfig#records} appends them (also kept for exec). */
    public static byte[] records(Security s) {
        byte[] cached = CACHE.get(s);
        if (cached == null) {
            cached = encode(s);
            if (CACHE.size() >= CACHED) {
                CACHE.clear();
            }
            CACHE.put(s, cached);
        }
        return cached.clone();
    }

    private static byte[] encode(Security s) {
        LaunchConfig c = new LaunchConfig();
        long caps = Capabilities.mask(s.capabilities());
        c.capabilities(caps, caps, caps, 0);
        if (s.noNewPrivileges()) {
            c.noNewPrivileges();
        }
        s.seccompProfile().ifPresent(json -> c.seccomp(SeccompProfile.parse(json, s.capabilities(),
                SeccompArch.running()).compile()));
        s.rlimits().forEach((name, r) -> c.rlimit(RlimitName.valueOf(name).number(), r.soft(), r.hard()));
        s.oomScoreAdj().ifPresent(c::oomScoreAdj);
        return c.payload();
    }

    /** Steps after the standard plan, once /proc and /sys are mounted. */
    static List<MountStep> mounts(Security s) {
        List<MountStep> steps = new ArrayList<>();
        s.maskedPaths().forEach(p -> steps.add(MountStep.mask(p)));
        s.readonlyPaths().forEach(p -> steps.add(MountStep.readOnly(p)));
        return List.copyOf(steps);
    }
}

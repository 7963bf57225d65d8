package io.sixcontainer.internal.launch;

import io.sixcontainer.RlimitName;
import io.sixcontainer.internal.plan.ConfinementPlan;
import io.sixcontainer.internal.security.Capabilities;
import io.sixcontainer.internal.security.SeccompArch;
import io.sixcontainer.internal.security.SeccompProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link ConfinementPlan} in the protocol's terms: the confinement records (tags 20-24),
 * which the init and every exec'd process apply, and the mask and read-only steps of the mount plan.
 */
final class Confinement {

    private Confinement() {
    }

    // Compiling the seccomp profile (parse Docker's JSON, emit BPF) was ~1/4 of a launch's Java
    // CPU time; the records depend on nothing but the plan's values, this kernel and arch.
    private static final int CACHED = 16;
    private static final Map<ConfinementPlan, byte[]> CACHE = new ConcurrentHashMap<>();

    /** The encoded records, as {@link LaunchConfig#records} appends them. */
    static byte[] records(ConfinementPlan c) {
        byte[] cached = CACHE.get(c);
        if (cached == null) {
            cached = encode(c);
            if (CACHE.size() >= CACHED) {
                CACHE.clear();
            }
            CACHE.put(c, cached);
        }
        return cached;
    }

    private static byte[] encode(ConfinementPlan s) {
        LaunchConfig c = new LaunchConfig();
        Set<String> capabilities = Set.copyOf(s.capabilities());
        long caps = Capabilities.mask(capabilities);
        c.capabilities(caps, caps, caps, 0);
        if (s.noNewPrivileges()) {
            c.noNewPrivileges();
        }
        String profile = switch (s.seccomp()) {
            case DEFAULT -> SeccompProfile.defaultJson();
            case CUSTOM -> s.seccompProfile();
            case UNCONFINED -> null;
        };
        if (profile != null) {
            c.seccomp(SeccompProfile.parse(profile, capabilities, SeccompArch.running()).compile());
        }
        s.rlimits().forEach((name, r) -> c.rlimit(RlimitName.valueOf(name).number(), r.soft(), r.hard()));
        if (s.oomScoreAdj() != null) {
            c.oomScoreAdj(s.oomScoreAdj());
        }
        return c.payload();
    }

    /** Steps after the standard plan, once /proc and /sys are mounted. */
    static List<MountStep> mounts(ConfinementPlan s) {
        List<MountStep> steps = new ArrayList<>();
        s.maskedPaths().forEach(p -> steps.add(MountStep.mask(p)));
        s.readonlyPaths().forEach(p -> steps.add(MountStep.readOnly(p)));
        return List.copyOf(steps);
    }
}

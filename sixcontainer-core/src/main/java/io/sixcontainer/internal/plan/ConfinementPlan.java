package io.sixcontainer.internal.plan;

import io.sixcontainer.Security;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the container's processes are confined (a {@link Security} as values): the init and
 * every exec'd process get the same. Stored as settings, not as the encoded records the
 * helper reads, so that the state on disk does not depend on the wire format.
 *
 * @param capabilities    the capability names it holds
 * @param noNewPrivileges whether {@code no_new_privs} is set
 * @param seccomp         which seccomp filter
 * @param seccompProfile  the profile (Docker's JSON) when {@code seccomp} is CUSTOM, else null
 * @param maskedPaths     paths covered (procfs, sysfs)
 * @param readonlyPaths   paths made read-only (procfs, sysfs)
 * @param rlimits         resource limits by name
 * @param oomScoreAdj     its oom_score_adj, or null for the launcher's
 * @param deviceRules     the device cgroup rules beyond the defaults
 */
public record ConfinementPlan(List<String> capabilities, boolean noNewPrivileges, Seccomp seccomp,
                              String seccompProfile, List<String> maskedPaths, List<String> readonlyPaths,
                              Map<String, Security.Rlimit> rlimits, Integer oomScoreAdj, List<String> deviceRules) {

    /** The seccomp filter a container gets. */
    public enum Seccomp {
        /** Docker's default profile. */
        DEFAULT,
        /** None. */
        UNCONFINED,
        /** The profile given. */
        CUSTOM
    }

    public ConfinementPlan {
        capabilities = List.copyOf(capabilities);
        maskedPaths = List.copyOf(maskedPaths);
        readonlyPaths = List.copyOf(readonlyPaths);
        rlimits = Collections.unmodifiableMap(new LinkedHashMap<>(rlimits));
        deviceRules = List.copyOf(deviceRules);
        if ((seccomp == Seccomp.CUSTOM) != (seccompProfile != null)) {
            throw new IllegalArgumentException("a seccomp profile goes with CUSTOM, and only with it: " + seccomp);
        }
    }
}

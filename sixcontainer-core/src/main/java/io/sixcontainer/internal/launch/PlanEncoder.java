package io.sixcontainer.internal.launch;

import io.sixcontainer.ContainerException;
import io.sixcontainer.ExecSpec;
import io.sixcontainer.Namespace;
import io.sixcontainer.User;
import io.sixcontainer.internal.cgroup.CgroupPlacement;
import io.sixcontainer.internal.plan.LaunchPlan;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link LaunchPlan} as the config the helper reads on fd 3 (docs/protocol.md): for the
 * init of the container, or for a command exec'd into it. The only place a plan meets the wire format.
 */
public final class PlanEncoder {

    private PlanEncoder() {
    }

    /** The init's config; {@code ttySlave} is the host path of its terminal, or null. */
    static LaunchConfig run(LaunchPlan plan, String ttySlave) {
        LaunchConfig config = new LaunchConfig()
                .rootfs(plan.root().rootfs().toString())
                .args(plan.process().args())
                .env(plan.process().env())
                .cwd(plan.process().workingDir())
                .mounts(plan.systemMounts());
        if (ttySlave != null) {
            config.mounts(List.of(MountPlan.console(ttySlave)));
        }
        config.mounts(plan.userMounts())
                .mounts(Confinement.mounts(plan.confinement()))
                .records(Confinement.records(plan.confinement()))
                .cgroups(plan.cgroups().procsFiles());
        user(config, plan.process().user());
        if (plan.root().overlay()) {
            config.overlay(plan.root().overlayDir().toString(), plan.root().overlayOptions());
        }
        if (plan.hostname() != null) {
            config.hostname(plan.hostname());
        }
        int flags = (plan.namespaces().contains(Namespace.NET) ? Protocol.FLAG_LOOPBACK : 0)
                | (ttySlave != null ? Protocol.FLAG_CONTROLLING_TTY : 0)
                | (plan.network().bridged() ? Protocol.FLAG_NETWORK_WAIT : 0);
        if (flags != 0) {
            config.flags(flags);
        }
        return config;
    }

    /**
     * The config of {@code spec} exec'd into the container of {@code plan}: its environment
     * with the exec's additions, its working directory and user unless the exec names others,
     * its confinement, and exactly its cgroups.
     *
     * @throws ContainerException if one of the container's cgroups is gone: the command would
     *                            run without its limits, so it does not run
     */
    public static LaunchConfig exec(LaunchPlan plan, ExecSpec spec) {
        Map<String, String> env = new LinkedHashMap<>(plan.process().env());
        env.putAll(spec.env());
        LaunchConfig config = new LaunchConfig()
                .rootfs("/")  // unused by the exec mode; the container's root is entered with its mount namespace
                .args(spec.command())
                .env(env)
                .cwd(spec.workingDir() != null ? spec.workingDir() : plan.process().workingDir())
                .cgroups(cgroupsToJoin(plan));
        user(config, spec.user() != null ? spec.user() : plan.process().user());
        config.records(Confinement.records(plan.confinement()));
        if (spec.tty()) {
            config.flags(Protocol.FLAG_CONTROLLING_TTY);
        }
        return config;
    }

    private static List<String> cgroupsToJoin(LaunchPlan plan) {
        List<CgroupPlacement.Placed> cgroups = plan.cgroups().cgroups();
        if (cgroups.isEmpty()) {
            throw new ContainerException("container " + plan.id().substring(0, 12) + " records no cgroup: exec refused");
        }
        for (CgroupPlacement.Placed c : cgroups) {
            if (!Files.isDirectory(c.dir())) {
                throw new ContainerException("the cgroup " + c.dir() + " of container " + plan.id().substring(0, 12)
                        + " is gone: exec refused (it would run without the container's limits)");
            }
        }
        return plan.cgroups().procsFiles();
    }

    // USER and GROUPS when every part is a number, else USER_NAME and GROUP_NAME for the helper
    // to look up in the container's own files.
    private static void user(LaunchConfig config, User u) {
        if (u == null) {
            return;
        }
        if (u.numeric()) {
            config.user(Integer.parseInt(u.user()), Integer.parseInt(u.group().orElseThrow()));
            List<Integer> gids = u.supplementaryGroups().stream().map(Integer::valueOf).toList();
            if (!gids.isEmpty()) {
                config.groups(gids);
            }
        } else {
            config.userName(u.user(), u.group().orElse(null));
            u.supplementaryGroups().forEach(config::groupName);
        }
    }
}

package io.sixcontainer.internal.plan;

import io.sixcontainer.ContainerSpec;
import io.sixcontainer.InvalidSpecException;
import io.sixcontainer.Namespace;
import io.sixcontainer.Security;
import io.sixcontainer.Stdio;
import io.sixcontainer.User;
import io.sixcontainer.internal.cgroup.CgroupLayout;
import io.sixcontainer.internal.image.ImageConfig;
import io.sixcontainer.internal.image.ImageRecord;
import io.sixcontainer.internal.launch.MountPlan;
import io.sixcontainer.internal.security.SeccompProfile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the {@link LaunchPlan} of a container: the one place where a spec, the image's
 * config and the runtime root turn into what the container runs, every default applied.
 * Creates nothing (the cgroup, the workspace and the state directory come later).
 */
public final class LaunchPlanner {

    private LaunchPlanner() {
    }

    /**
     * The plan of container {@code id} for {@code spec}.
     *
     * @param image the image {@code spec} names (resolved under the image lock), or null for a rootfs
     * @param root  what becomes {@code /}: {@code spec}'s rootfs, or the image's overlay
     * @param network  its network as leased and reserved ({@link io.sixcontainer.internal.net.ContainerNetworks#reserve})
     * @param stateDir its state directory, where its {@code /etc/hosts}, hostname and resolv.conf are
     * @throws InvalidSpecException when the image's defaults leave it without a command or name a bad user
     */
    public static LaunchPlan plan(String id, ContainerSpec spec, ImageRecord image, RootMount root, NetworkPlan network,
                                  Path stateDir) {
        ImageConfig config = image != null ? image.config : null;
        ProcessPlan process = process(spec, config);
        String hostname = !spec.namespaces().contains(Namespace.UTS) ? null
                : spec.hostname() != null ? spec.hostname() : id.substring(0, 12);
        var cgroups = CgroupLayout.host().placementFor(id, spec.resources());
        return new LaunchPlan(id, image != null ? new ImageLayers(spec.image(), image.id, image.layers) : null, root,
                process, spec.namespaces(), hostname, MountPlan.standard(spec.namespaces(), cgroups),
                MountPlan.options(spec, stateDir), confinement(spec.security()), spec.resources(), cgroups, network,
                spec.detached(), spec.autoRemove());
    }

    // The image's entrypoint, command, environment, working directory and user for what the spec leaves unset.
    private static ProcessPlan process(ContainerSpec spec, ImageConfig image) {
        List<String> args = new ArrayList<>(image != null ? image.entrypoint() : List.of());
        args.addAll(!spec.command().isEmpty() || image == null ? spec.command() : image.cmd());
        if (args.isEmpty()) {
            throw new InvalidSpecException("no command given and image " + spec.image() + " has no default command");
        }
        Map<String, String> env = new LinkedHashMap<>();
        if (image != null) {
            for (String kv : image.env()) {
                int eq = kv.indexOf('=');
                if (eq > 0) {
                    env.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
            }
        }
        env.putAll(spec.env());
        env.putIfAbsent("PATH", ContainerSpec.DEFAULT_PATH);
        env.putIfAbsent("HOME", "/root");
        String cwd = spec.workingDir() != null ? spec.workingDir()
                : image != null && image.workingDir() != null && !image.workingDir().isEmpty() ? image.workingDir() : "/";
        User user = spec.user();
        if (user == null && image != null && !image.user().isEmpty()) {
            try {
                user = User.parse(image.user());
            } catch (InvalidSpecException e) {
                throw new InvalidSpecException("image " + spec.image() + " names a bad user: " + e.getMessage());
            }
        }
        Stdio.Kind out = spec.detached() ? Stdio.Kind.DISCARD : spec.stdout().kind();
        Stdio.Kind err = spec.detached() ? Stdio.Kind.DISCARD : spec.stderr().kind();
        return new ProcessPlan(args, env, cwd, user, spec.tty(),
                List.of(spec.stdin().kind().name(), out.name(), err.name()));
    }

    /** {@code s} as plan values. */
    public static ConfinementPlan confinement(Security s) {
        String profile = s.seccompProfile().orElse(null);
        ConfinementPlan.Seccomp seccomp = profile == null ? ConfinementPlan.Seccomp.UNCONFINED
                : profile.equals(SeccompProfile.defaultJson()) ? ConfinementPlan.Seccomp.DEFAULT
                : ConfinementPlan.Seccomp.CUSTOM;
        return new ConfinementPlan(List.copyOf(s.capabilities()), s.noNewPrivileges(), seccomp,
                seccomp == ConfinementPlan.Seccomp.CUSTOM ? profile : null, s.maskedPaths(), s.readonlyPaths(),
                s.rlimits(), s.oomScoreAdj().isPresent() ? s.oomScoreAdj().getAsInt() : null, s.deviceCgroupRules());
    }

    /** The root of a container that runs {@code rootfs} as it is. */
    public static RootMount rootfs(Path rootfs) {
        return new RootMount(rootfs, null, null);
    }
}

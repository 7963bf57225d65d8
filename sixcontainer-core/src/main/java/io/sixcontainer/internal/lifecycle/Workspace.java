package io.sixcontainer.internal.lifecycle;

import io.sixcontainer.ContainerException;
import io.sixcontainer.ContainerSpec;
import io.sixcontainer.InvalidSpecException;
import io.sixcontainer.User;
import io.sixcontainer.Volume;
import io.sixcontainer.internal.image.ImageConfig;
import io.sixcontainer.internal.image.ImageRecord;
import io.sixcontainer.internal.launch.RootOverlay;
import io.sixcontainer.internal.security.KernelVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A container's root made from an image: the image's layers as overlay lower dirs and the
 * container's own {@code upper} and {@code work} dirs in its state directory, mounted by the
 * init on {@code mnt} in the runtime root. Removing the state directory removes every change.
 */
final class Workspace {

    static final String UPPER = "upper";
    static final String WORK = "work";
    // One mount point for every container: the init mounts the overlay on it in its own mount
    // namespace, so the host only ever sees an empty directory. A directory per container
    // cost an rmdir per removal, which on a file system mounted with discard waits for the
    // disk (measured here: 0.2-1.4 ms each).
    static final String MOUNT_POINT = "mnt";
    // No sync of the upper file system (the host's, whole) when the overlay goes with the
    // container's last process, and fsync inside a no-op: a container's writable layer is as
    // ephemeral as the container, which no crash survives (docs/state.md; CRI-O does the same,
    // podman for --rm). Linux 5.10 and newer.
    private static final boolean VOLATILE = KernelVersion.runningAtLeast(5, 10);

    private Workspace() {
    }

    /** {@code spec} with the image's defaults for what it leaves unset: command, environment, working dir, user. */
    static ContainerSpec withImageDefaults(ContainerSpec spec, ImageRecord image) {
        ImageConfig c = image.config;
        List<String> command = new ArrayList<>(c.entrypoint());
        command.addAll(spec.command().isEmpty() ? c.cmd() : spec.command());
        if (command.isEmpty()) {
            throw new InvalidSpecException("no command given and image " + spec.image() + " has no default command");
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (String kv : c.env()) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
                env.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
        }
        env.putAll(spec.env());
        String cwd = spec.workingDir() != null ? spec.workingDir()
                : c.workingDir() != null && !c.workingDir().isEmpty() ? c.workingDir() : "/";
        ContainerSpec.Builder b = spec.toBuilder().command(command).clearEnv().env(env).workingDir(cwd);
        if (spec.user() == null && !c.user().isEmpty()) {
            try {
                b.user(User.parse(c.user()));
            } catch (InvalidSpecException e) {
                throw new InvalidSpecException("image " + spec.image() + " names a bad user: " + e.getMessage());
            }
        }
        return b.build();
    }

    /** Creates the write layer in {@code stateDir}; returns the overlay to mount on {@link #launchSpec}'s rootfs. */
    static RootOverlay create(Path root, Path stateDir, List<Path> lowerDirs) {
        try {
            // The root of the merged view takes the upper dir's mode: make it the image's.
            Path upper = Files.createDirectory(stateDir.resolve(UPPER));
            Files.setPosixFilePermissions(upper, Files.getPosixFilePermissions(lowerDirs.getFirst()));
            Files.createDirectory(stateDir.resolve(WORK));
            Files.createDirectories(root.resolve(MOUNT_POINT));
        } catch (IOException e) {
            throw new ContainerException("cannot create the workspace in " + stateDir + ": " + e.getMessage(), e);
        }
        StringBuilder lower = new StringBuilder();
        for (Path dir : lowerDirs) {
            lower.append(lower.isEmpty() ? "" : ":").append(relative(root, dir));
        }
        // Directory renames copy (EXDEV) instead of leaving redirect xattrs a commit could not read.
        String options = "lowerdir=" + lower + ",upperdir=" + relative(root, stateDir.resolve(UPPER))
                + ",workdir=" + relative(root, stateDir.resolve(WORK)) + ",redirect_dir=off,index=off,metacopy=off"
                + (VOLATILE ? ",volatile" : "");
        if (options.length() > RootOverlay.MAX_OPTIONS) {
            throw new ContainerException("the image has too many layers (" + lowerDirs.size()
                    + ") for one overlay mount: its options are " + options.length() + " bytes, at most "
                    + RootOverlay.MAX_OPTIONS);
        }
        return new RootOverlay(root, options);
    }

    /** The spec the launcher runs: the image's defaults applied, the shared mount point as rootfs. */
    static ContainerSpec launchSpec(ContainerSpec withDefaults, Path root) {
        return withDefaults.toBuilder().rootfs(root.resolve(MOUNT_POINT)).build();
    }

    /** The container's changes to its image. */
    static Path upper(Path stateDir) {
        return stateDir.resolve(UPPER);
    }

    /** Checks each volume's source, creating those the spec asks to create. */
    static void prepareVolumes(ContainerSpec spec) {
        for (Volume v : spec.volumes()) {
            if (Files.exists(v.source())) {
                continue;
            }
            if (!v.createSource()) {
                throw new ContainerException("volume source does not exist: " + v.source()
                        + " (create it, or ask for it to be created)");
            }
            try {
                Files.createDirectories(v.source());
            } catch (IOException e) {
                throw new ContainerException("cannot create volume source " + v.source() + ": " + e.getMessage(), e);
            }
        }
    }

    // Relative to the root, so that many layers fit in one page of options; the paths under
    // the root are hex ids and fixed names, with no ',' or ':' that options would split on.
    private static String relative(Path root, Path dir) {
        if (dir.startsWith(root)) {
            return root.relativize(dir).toString();
        }
        String s = dir.toString();
        if (s.contains(",") || s.contains(":") || s.contains("\\")) {
            throw new ContainerException("cannot use " + s + " as an overlay layer: ',', ':' and '\\\\' split options");
        }
        return s;
    }
}

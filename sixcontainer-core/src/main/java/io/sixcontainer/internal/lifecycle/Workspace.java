package io.sixcontainer.internal.lifecycle;

import io.sixcontainer.ContainerException;
import io.sixcontainer.ContainerSpec;
import io.sixcontainer.Volume;
import io.sixcontainer.internal.plan.RootMount;
import io.sixcontainer.internal.security.KernelVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
    // The helper's bound on the overlay's options (SIXC_MAX_OVERLAY_DATA, NUL included).
    private static final int MAX_OVERLAY_OPTIONS = 4095;

    private Workspace() {
    }

    /**
     * The root of a container made from an image: the overlay of {@code lowerDirs} under the
     * write layer in {@code stateDir}, mounted on the shared mount point. Creates nothing.
     */
    static RootMount root(Path root, Path stateDir, List<Path> lowerDirs) {
        StringBuilder lower = new StringBuilder();
        for (Path dir : lowerDirs) {
            lower.append(lower.isEmpty() ? "" : ":").append(relative(root, dir));
        }
        // Directory renames copy (EXDEV) instead of leaving redirect xattrs a commit could not read.
        String options = "lowerdir=" + lower + ",upperdir=" + relative(root, stateDir.resolve(UPPER))
                + ",workdir=" + relative(root, stateDir.resolve(WORK)) + ",redirect_dir=off,index=off,metacopy=off"
                + (VOLATILE ? ",volatile" : "");
        if (options.length() > MAX_OVERLAY_OPTIONS) {
            throw new ContainerException("the image has too many layers (" + lowerDirs.size()
                    + ") for one overlay mount: its options are " + options.length() + " bytes, at most "
                    + MAX_OVERLAY_OPTIONS);
        }
        return new RootMount(root.resolve(MOUNT_POINT), root, options);
    }

    /** Creates the write layer in {@code stateDir}, with the mode of the image's top layer {@code top}. */
    static void create(Path root, Path stateDir, Path top) {
        try {
            // The root of the merged view takes the upper dir's mode: make it the image's.
            Path upper = Files.createDirectory(stateDir.resolve(UPPER));
            Files.setPosixFilePermissions(upper, Files.getPosixFilePermissions(top));
            Files.createDirectory(stateDir.resolve(WORK));
            Files.createDirectories(root.resolve(MOUNT_POINT));
        } catch (IOException e) {
            throw new ContainerException("cannot create the workspace in " + stateDir + ": " + e.getMessage(), e);
        }
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

package io.sixcontainer.internal.plan;

import java.nio.file.Path;

/**
 * What becomes the container's {@code /}.
 *
 * @param rootfs         the host directory the init makes its root: a rootfs used as it is, or
 *                       the mount point of the image's overlay
 * @param overlayDir     the directory the overlay options' relative paths start from, or null
 *                       for a rootfs bound onto itself
 * @param overlayOptions the overlay's mount options (lower, upper and work dirs), or null
 */
public record RootMount(Path rootfs, Path overlayDir, String overlayOptions) {

    /** Whether the root is an overlay on an image. */
    public boolean overlay() {
        return overlayDir != null;
    }
}

package io.sixcontainer.internal.launch;

import java.nio.file.Path;

/**
 * The overlay the init mounts as a container's root, inside the container's own mount
 * namespace (so it goes away with the container, whoever dies first).
 *
 * @param dir     the directory the relative paths in {@code options} start from
 * @param options overlayfs mount options ({@code lowerdir=...,upperdir=...,workdir=...}),
 *                under the kernel's one page
 */
public record RootOverlay(Path dir, String options) {

    /** The kernel takes one page of mount options, the terminating NUL included. */
    public static final int MAX_OPTIONS = 4095;
}

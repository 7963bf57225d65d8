package io.sixcontainer;

/** How {@link ContainerRuntime#exportImage} writes an image. */
public enum ExportFormat {
    /** One tar of the image's whole root filesystem, layers flattened (what {@code docker export} writes). */
    ROOTFS_TAR,
    /**
     * An OCI image layout with the image's layers and config: a directory, or a tar of one
     * when the path ends in {@code .tar} (what skopeo and umoci read).
     */
    OCI_LAYOUT
}

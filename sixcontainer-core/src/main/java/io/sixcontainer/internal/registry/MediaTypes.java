package io.sixcontainer.internal.registry;

import java.util.Set;

/** The media types of the OCI image spec and of docker's schema 2 that a pull meets. */
final class MediaTypes {

    static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    static final String DOCKER_SCHEMA1 = "application/vnd.docker.distribution.manifest.v1+json";
    static final String DOCKER_SCHEMA1_SIGNED = "application/vnd.docker.distribution.manifest.v1+prettyjws";

    /** What a manifest request accepts, best first. */
    static final String ACCEPT = String.join(", ", OCI_INDEX, DOCKER_LIST, OCI_MANIFEST, DOCKER_MANIFEST);

    static final Set<String> CONFIGS = Set.of("application/vnd.oci.image.config.v1+json",
            "application/vnd.docker.container.image.v1+json");

    /** Layer types whose blobs are (possibly compressed) tars; the compression is read from the bytes. */
    static final Set<String> LAYERS = Set.of("application/vnd.oci.image.layer.v1.tar",
            "application/vnd.oci.image.layer.v1.tar+gzip", "application/vnd.oci.image.layer.v1.tar+zstd",
            "application/vnd.docker.image.rootfs.diff.tar.gzip", "application/vnd.docker.image.rootfs.diff.tar");

    static final Set<String> FOREIGN_LAYERS = Set.of("application/vnd.docker.image.rootfs.foreign.diff.tar.gzip",
            "application/vnd.oci.image.layer.nondistributable.v1.tar",
            "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip",
            "application/vnd.oci.image.layer.nondistributable.v1.tar+zstd");

    private MediaTypes() {
    }

    static boolean isIndex(String type) {
        return OCI_INDEX.equals(type) || DOCKER_LIST.equals(type);
    }

    static boolean isManifest(String type) {
        return OCI_MANIFEST.equals(type) || DOCKER_MANIFEST.equals(type);
    }

    static boolean isSchema1(String type) {
        return DOCKER_SCHEMA1.equals(type) || DOCKER_SCHEMA1_SIGNED.equals(type);
    }
}

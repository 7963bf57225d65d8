package io.sixcontainer.internal.image;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An image as stored ({@code images/<id>.json}): its layers, bottom to top, as diff ids
 * ({@code sha256:<hex>} of each uncompressed layer tar, also the name of the layer's
 * directory), and the defaults it gives containers. Mutable for {@link ImageRecordJson} only.
 */
public final class ImageRecord {

    /** The id: {@code sha256:<hex>} of the image's canonical config. */
    public String id;
    /** When the image was made. */
    public Instant created;
    /** Diff ids, bottom layer first. */
    public List<String> layers = new ArrayList<>();
    /** Container defaults. */
    public ImageConfig config = ImageConfig.empty();
    /** {@code NAME@sha256:<hex>} of the registry manifests it was pulled as (canonical names). */
    public List<String> repoDigests = new ArrayList<>();
    /** For a built-in image: {@code busybox} or {@code host}; null otherwise. */
    public String builtin;

    /** The hex part of the id. */
    public String hex() {
        return id.substring(id.indexOf(':') + 1);
    }
}

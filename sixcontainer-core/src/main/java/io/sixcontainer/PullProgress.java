package io.sixcontainer;

/**
 * What a pull reports of one layer while it runs ({@link PullOptions#progress}).
 *
 * @param layer the layer's blob digest, {@code sha256:<hex>}
 * @param state where the layer is
 * @param done  bytes of the blob received so far
 * @param total the blob's size in bytes
 */
public record PullProgress(String layer, State state, long done, long total) {

    /** The steps of a layer. */
    public enum State {
        /** Waiting for a download slot. */
        WAITING,
        /** The store has this layer already: nothing to download. */
        EXISTS,
        /** Bytes are arriving (and being verified and unpacked as they come). */
        DOWNLOADING,
        /** The connection dropped; the download goes on from {@code done}. */
        RESUMING,
        /** Downloaded, verified and unpacked. */
        DONE
    }

    /** The first 12 hex digits of the digest, as docker shows a layer. */
    public String shortLayer() {
        return layer.startsWith("sha256:") && layer.length() >= 19 ? layer.substring(7, 19) : layer;
    }
}

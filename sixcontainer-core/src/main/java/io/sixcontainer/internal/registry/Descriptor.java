package io.sixcontainer.internal.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.sixcontainer.ImageException;
import java.util.regex.Pattern;

/**
 * An OCI content descriptor: what a manifest says of a blob. Checked before use: the digest
 * becomes part of a URL and a file name.
 *
 * @param mediaType the blob's media type
 * @param digest    {@code sha256:<hex>}
 * @param size      its length in bytes
 */
record Descriptor(String mediaType, String digest, long size) {

    private static final Pattern SHA256 = Pattern.compile("sha256:[0-9a-f]{64}");

    static Descriptor of(JsonNode node, String what) {
        String digest = node.path("digest").asText("");
        if (!SHA256.matcher(digest).matches()) {
            throw new ImageException(what + " has an unsupported or malformed digest '" + shorten(digest) + "'");
        }
        long size = node.path("size").asLong(-1);
        if (!node.path("size").isIntegralNumber() || size < 0) {
            throw new ImageException(what + " " + digest + " has no valid size");
        }
        return new Descriptor(node.path("mediaType").asText(""), digest, size);
    }

    private static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}

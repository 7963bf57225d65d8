package io.sixcontainer.internal.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Image ids: {@code sha256:<hex>} of a canonical JSON of the image's layers and config. */
final class ImageIds {

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private ImageIds() {
    }

    static String idOf(List<String> diffIds, ImageConfig config) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("layers", diffIds);
        content.put("env", config.env());
        content.put("entrypoint", config.entrypoint());
        content.put("cmd", config.cmd());
        content.put("workingDir", config.workingDir());
        // Only when set: the ids of images without a user stay what they were before users.
        if (!config.user().isEmpty()) {
            content.put("user", config.user());
        }
        if (!config.labels().isEmpty()) {
            content.put("labels", config.labels());
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(CANONICAL.writeValueAsBytes(content));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

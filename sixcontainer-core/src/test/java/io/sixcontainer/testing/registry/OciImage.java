package io.sixcontainer.testing.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;

/**
 * An OCI image written into an OCI layout directory the way a build tool writes one (blobs,
 * {@code index.json}, {@code oci-layout}), for skopeo to push: layers gzip-, zstd- or not
 * compressed, a config with env, cmd, labels and exposed ports, a platform; several images
 * become one multi-platform index.
 */
public final class OciImage {

    /** How a layer blob is compressed. */
    public enum Compression { GZIP, ZSTD, NONE }

    /** A blob written: its digest and size. */
    public record Blob(String digest, long size, String mediaType) {
    }

    /** What {@link #writeTo} wrote: the manifest and config blobs and the layers'. */
    public record Written(Blob manifest, Blob config, List<Blob> layers, List<String> diffIds) {
    }

    static final ObjectMapper JSON = new ObjectMapper();
    private final List<byte[]> layers = new ArrayList<>();
    private final List<Compression> compressions = new ArrayList<>();
    private final Map<String, String> labels = new LinkedHashMap<>();
    private final List<String> env = new ArrayList<>(List.of("PATH=/bin"));
    private List<String> cmd = List.of("sh");
    private String os = "linux";
    private String architecture = "amd64";
    private String variant;

    public OciImage layer(byte[] tar, Compression compression) {
        layers.add(tar);
        compressions.add(compression);
        return this;
    }

    public OciImage layer(LayerTar tar) {
        return layer(tar.bytes(), Compression.GZIP);
    }

    public OciImage env(String entry) {
        env.add(entry);
        return this;
    }

    public OciImage cmd(String... argv) {
        cmd = List.of(argv);
        return this;
    }

    public OciImage label(String key, String value) {
        labels.put(key, value);
        return this;
    }

    public OciImage platform(String os, String architecture, String variant) {
        this.os = os;
        this.architecture = architecture;
        this.variant = variant;
        return this;
    }

    /** Writes this image into the layout {@code dir} (created if missing) under {@code tag}. */
    public Written writeTo(Path dir, String tag) {
        Written w = writeBlobs(dir);
        writeIndexJson(dir, w.manifest(), tag);
        return w;
    }

    /**
     * Writes {@code images} as one OCI image index under {@code tag}.
     *
     * @return the index blob
     */
    public static Blob writeIndex(Path dir, String tag, OciImage... images) {
        ObjectNode index = JSON.createObjectNode().put("schemaVersion", 2)
                .put("mediaType", "application/vnd.oci.image.index.v1+json");
        ArrayNode manifests = index.putArray("manifests");
        for (OciImage image : images) {
            Written w = image.writeBlobs(dir);
            manifests.add(descriptor(w.manifest()).set("platform", image.platformJson()));
        }
        Blob blob = blob(dir, json(index), "application/vnd.oci.image.index.v1+json");
        writeIndexJson(dir, blob, tag);
        return blob;
    }

    private Written writeBlobs(Path dir) {
        List<Blob> layerBlobs = new ArrayList<>();
        List<String> diffIds = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            byte[] tar = layers.get(i);
            diffIds.add("sha256:" + sha256(tar));
            Compression c = compressions.get(i);
            layerBlobs.add(blob(dir, compress(tar, c), switch (c) {
                case GZIP -> "application/vnd.oci.image.layer.v1.tar+gzip";
                case ZSTD -> "application/vnd.oci.image.layer.v1.tar+zstd";
                case NONE -> "application/vnd.oci.image.layer.v1.tar";
            }));
        }
        ObjectNode config = platformJson();
        ObjectNode cfg = config.putObject("config");
        env.forEach(cfg.putArray("Env")::add);
        cmd.forEach(cfg.putArray("Cmd")::add);
        labels.forEach(cfg.putObject("Labels")::put);
        cfg.putObject("ExposedPorts").putObject("80/tcp");
        ObjectNode rootfs = config.putObject("rootfs").put("type", "layers");
        diffIds.forEach(rootfs.putArray("diff_ids")::add);
        Blob configBlob = blob(dir, json(config), "application/vnd.oci.image.config.v1+json");
        ObjectNode manifest = JSON.createObjectNode().put("schemaVersion", 2)
                .put("mediaType", "application/vnd.oci.image.manifest.v1+json");
        manifest.set("config", descriptor(configBlob));
        ArrayNode ls = manifest.putArray("layers");
        layerBlobs.forEach(b -> ls.add(descriptor(b)));
        Blob manifestBlob = blob(dir, json(manifest), "application/vnd.oci.image.manifest.v1+json");
        return new Written(manifestBlob, configBlob, layerBlobs, diffIds);
    }

    private ObjectNode platformJson() {
        ObjectNode p = JSON.createObjectNode().put("architecture", architecture).put("os", os);
        if (variant != null) {
            p.put("variant", variant);
        }
        return p;
    }

    private static void writeIndexJson(Path dir, Blob target, String tag) {
        ObjectNode index = JSON.createObjectNode().put("schemaVersion", 2);
        ObjectNode d = descriptor(target);
        d.putObject("annotations").put("org.opencontainers.image.ref.name", tag);
        index.putArray("manifests").add(d);
        try {
            Files.write(dir.resolve("index.json"), json(index));
            Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode descriptor(Blob b) {
        return JSON.createObjectNode().put("mediaType", b.mediaType()).put("digest", b.digest()).put("size", b.size());
    }

    static Blob blob(Path dir, byte[] data, String mediaType) {
        String hex = sha256(data);
        try {
            Path blobs = Files.createDirectories(dir.resolve("blobs/sha256"));
            Files.write(blobs.resolve(hex), data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Blob("sha256:" + hex, data.length, mediaType);
    }

    static byte[] json(Object node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code tar} gzip-compressed, as a layer blob. */
    public static byte[] compressedLayer(byte[] tar) {
        return compress(tar, Compression.GZIP);
    }

    static byte[] compress(byte[] tar, Compression c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream z = switch (c) {
            case GZIP -> new GzipCompressorOutputStream(out);
            case ZSTD -> new ZstdCompressorOutputStream(out);
            case NONE -> out;
        }) {
            z.write(tar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

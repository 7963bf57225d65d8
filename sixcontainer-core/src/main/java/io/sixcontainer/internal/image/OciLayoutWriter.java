package io.sixcontainer.internal.image;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sixcontainer.ImageException;
import io.sixcontainer.internal.state.StateStore;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * Writes an image as an OCI image layout (https://github.com/opencontainers/image-spec): layer
 * blobs as tar+gzip with OCI whiteouts, the config (with {@code rootfs.diff_ids} of the
 * uncompressed layers), the manifest, {@code index.json} and {@code oci-layout}. The layout is
 * built in a temporary sibling of the destination and renamed into place, so a failure leaves
 * nothing at the destination.
 */
public final class OciLayoutWriter {

    private record Descriptor(String mediaType, String digest, long size) {
    }

    private OciLayoutWriter() {
    }

    /**
     * Writes the layout to {@code out}: a tar file when its name ends in {@code .tar}, else a
     * directory. {@code out} must not exist yet.
     *
     * @param layerDirsBottomToTop layer directories in overlay format (see {@link LayerArchiver#write})
     * @param refName              the {@code org.opencontainers.image.ref.name} annotation, or null for none
     * @throws ImageException naming {@code out} when it exists or cannot be written
     */
    public static void write(ImageConfig config, List<Path> layerDirsBottomToTop, String refName, Path out) {
        Path target = out.toAbsolutePath();
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new ImageException(out + " already exists; not overwriting it");
        }
        boolean asTar = target.getFileName().toString().endsWith(".tar");
        Path work = null;
        try {
            work = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".tmp-");
            Path layout = Files.createDirectory(work.resolve("layout"));
            writeLayout(layout, config, layerDirsBottomToTop, refName);
            if (asTar) {
                Path tar = work.resolve("layout.tar");
                try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(tar))) {
                    LayerArchiver.write(layout, o);
                }
                Files.move(tar, target, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.move(layout, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new ImageException("cannot write OCI layout " + out + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(work);
        }
    }

    private static void writeLayout(Path layout, ImageConfig config, List<Path> layers, String refName)
            throws IOException {
        Path blobs = Files.createDirectories(layout.resolve("blobs/sha256"));
        List<Descriptor> layerBlobs = new ArrayList<>();
        List<String> diffIds = new ArrayList<>();
        for (Path layer : layers) {
            MessageDigest uncompressed = Digests.sha256();
            layerBlobs.add(writeBlob(blobs, OciLayoutSource.LAYER_GZIP, out -> {
                GzipParameters gzip = new GzipParameters();
                gzip.setModificationTime(0); // the same layer gives the same blob
                try (GzipCompressorOutputStream gz = new GzipCompressorOutputStream(out, gzip)) {
                    LayerArchiver.write(layer, new DigestOutputStream(gz, uncompressed));
                }
            }));
            diffIds.add(Digests.format(uncompressed));
        }
        byte[] configJson = ImageConfigJson.write(config, diffIds);
        Descriptor configBlob = writeBlob(blobs, OciLayoutSource.CONFIG, out -> out.write(configJson));

        ObjectNode manifest = ImageConfigJson.JSON.createObjectNode();
        manifest.put("schemaVersion", 2);
        manifest.put("mediaType", OciLayoutSource.MANIFEST);
        manifest.set("config", descriptorJson(configBlob));
        layerBlobs.forEach(d -> manifest.withArray("layers").add(descriptorJson(d)));
        byte[] manifestJson = ImageConfigJson.JSON.writeValueAsBytes(manifest);
        Descriptor manifestBlob = writeBlob(blobs, OciLayoutSource.MANIFEST, out -> out.write(manifestJson));

        ObjectNode index = ImageConfigJson.JSON.createObjectNode();
        index.put("schemaVersion", 2);
        index.put("mediaType", OciLayoutSource.INDEX);
        ObjectNode entry = descriptorJson(manifestBlob);
        if (refName != null) {
            entry.putObject("annotations").put(OciLayoutSource.REF_NAME, refName);
        }
        index.putArray("manifests").add(entry);
        Files.write(layout.resolve("index.json"), ImageConfigJson.JSON.writeValueAsBytes(index));
        Files.writeString(layout.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}", StandardCharsets.UTF_8);
    }

    private interface BlobContent {
        void writeTo(OutputStream out) throws IOException;
    }

    // Written under a temporary name, then renamed to the digest of what was written.
    private static Descriptor writeBlob(Path blobs, String mediaType, BlobContent content) throws IOException {
        Path temp = Files.createTempFile(blobs, ".blob-", "");
        MessageDigest sha256 = Digests.sha256();
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(temp));
                DigestOutputStream out = new DigestOutputStream(file, sha256)) {
            content.writeTo(out);
        }
        long size = Files.size(temp);
        String digest = Digests.format(sha256);
        Files.move(temp, blobs.resolve(Digests.hex(digest)), StandardCopyOption.REPLACE_EXISTING);
        return new Descriptor(mediaType, digest, size);
    }

    private static ObjectNode descriptorJson(Descriptor d) {
        ObjectNode n = ImageConfigJson.JSON.createObjectNode();
        n.put("mediaType", d.mediaType());
        n.put("digest", d.digest());
        n.put("size", d.size());
        return n;
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try {
            StateStore.deleteTree(dir);
        } catch (UncheckedIOException e) {
            // a leftover temporary directory next to the destination; nothing to undo for the caller
        }
    }
}

package io.sixcontainer.internal.image;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An OCI image layout (https://github.com/opencontainers/image-spec/blob/main/image-layout.md):
 * {@code oci-layout}, {@code index.json}, and content-addressed blobs under
 * {@code blobs/sha256/}. Every blob read is checked against its digest.
 */
final class OciLayoutSource implements ImageSource {

    static final String INDEX = "application/vnd.oci.image.index.v1+json";
    static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String CONFIG = "application/vnd.oci.image.config.v1+json";
    static final String LAYER_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";
    static final String REF_NAME = "org.opencontainers.image.ref.name";
    private static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    private static final String CONTAINERD_NAME = "io.containerd.image.name";
    private static final int JSON_LIMIT = 4 << 20;
    private static final int MAX_INDEX_DEPTH = 4;

    private final ArchiveFiles files;
    private final ImageConfig config;
    private final List<String> tags;
    private final List<String> layerDigests;

    private OciLayoutSource(ArchiveFiles files, ImageConfig config, List<String> tags, List<String> layerDigests) {
        this.files = files;
        this.config = config;
        this.tags = List.copyOf(tags);
        this.layerDigests = List.copyOf(layerDigests);
    }

    /**
     * Reads the layout's index and the one image it names (or the one called {@code ref}).
     *
     * @param ref an {@code org.opencontainers.image.ref.name} (or containerd image name) to pick, or null
     */
    static OciLayoutSource open(ArchiveFiles files, String ref) throws IOException {
        JsonNode index = ImageConfigJson.JSON.readTree(files.readSmall("index.json", JSON_LIMIT));
        List<JsonNode> chosen = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode d : index.path("manifests")) {
            String name = name(d);
            if (ref == null || ref.equals(name) || ref.equals(d.path("annotations").path(REF_NAME).asText(null))) {
                chosen.add(d);
                if (name != null) {
                    names.add(name);
                }
            }
        }
        if (chosen.isEmpty()) {
            throw new IOException(files.describe("index.json") + ": no image" + (ref == null ? "" : " named " + ref));
        }
        Set<String> manifests = new LinkedHashSet<>();
        JsonNode manifestDescriptor = null;
        for (JsonNode d : chosen) {
            manifestDescriptor = resolveManifest(files, d, 0);
            manifests.add(manifestDescriptor.path("digest").asText());
        }
        if (manifests.size() > 1) {
            throw new IOException(files.describe("index.json") + " holds " + manifests.size()
                    + " images (" + String.join(", ", names) + "); name the one to import");
        }
        JsonNode manifest = json(files, manifestDescriptor);
        ImageConfigJson cfg = ImageConfigJson.parse(blob(files, manifest.path("config")), files.describe("config"));
        List<String> layers = new ArrayList<>();
        for (JsonNode l : manifest.path("layers")) {
            layers.add(checkedDigest(files, l));
        }
        if (layers.size() != cfg.diffIds().size()) {
            throw new IOException(files.describe("index.json") + ": the manifest lists " + layers.size()
                    + " layers but the config " + cfg.diffIds().size() + " diff_ids");
        }
        return new OciLayoutSource(files, cfg.config(), new ArrayList<>(names), layers);
    }

    // Follows nested indexes (multi-platform images) down to this platform's manifest descriptor.
    private static JsonNode resolveManifest(ArchiveFiles files, JsonNode descriptor, int depth) throws IOException {
        String mediaType = descriptor.path("mediaType").asText("");
        if (!mediaType.equals(INDEX) && !mediaType.equals(DOCKER_LIST)) {
            return descriptor;
        }
        if (depth >= MAX_INDEX_DEPTH) {
            throw new IOException(files.describe("index.json") + ": indexes nested too deep");
        }
        JsonNode nested = json(files, descriptor);
        List<String> seen = new ArrayList<>();
        for (JsonNode d : nested.path("manifests")) {
            JsonNode p = d.path("platform");
            seen.add(p.path("os").asText("?") + "/" + p.path("architecture").asText("?"));
            if (p.path("os").asText("linux").equals("linux")
                    && p.path("architecture").asText(ImageConfigJson.goArch()).equals(ImageConfigJson.goArch())) {
                return resolveManifest(files, d, depth + 1);
            }
        }
        throw new IOException(files.describe("index.json") + ": no image for linux/" + ImageConfigJson.goArch()
                + " (it has " + String.join(", ", seen) + ")");
    }

    private static String name(JsonNode descriptor) {
        JsonNode a = descriptor.path("annotations");
        return a.has(CONTAINERD_NAME) ? a.path(CONTAINERD_NAME).asText() : a.path(REF_NAME).asText(null);
    }

    private static JsonNode json(ArchiveFiles files, JsonNode descriptor) throws IOException {
        return ImageConfigJson.JSON.readTree(blob(files, descriptor));
    }

    private static byte[] blob(ArchiveFiles files, JsonNode descriptor) throws IOException {
        String digest = checkedDigest(files, descriptor);
        String what = files.describe(blobName(digest));
        try (InputStream in = new DigestCheckingInputStream(files.open(blobName(digest)), digest, what)) {
            return ArchiveFiles.readLimited(in, JSON_LIMIT, what);
        }
    }

    // The digest becomes a file name: anything but sha256:<64 hex> is refused before it does.
    private static String checkedDigest(ArchiveFiles files, JsonNode descriptor) throws IOException {
        String digest = descriptor.path("digest").asText(null);
        if (!Digests.isSha256(digest)) {
            throw new IOException(files.describe("index.json") + ": unsupported or malformed digest " + digest);
        }
        return digest;
    }

    static String blobName(String digest) {
        return "blobs/sha256/" + Digests.hex(digest);
    }

    @Override
    public ImageConfig config() {
        return config;
    }

    @Override
    public List<String> repoTags() {
        return tags;
    }

    @Override
    public int layerCount() {
        return layerDigests.size();
    }

    @Override
    public InputStream openLayer(int index) throws IOException {
        String digest = layerDigests.get(index);
        return new DigestCheckingInputStream(files.open(blobName(digest)), digest, describeLayer(index));
    }

    @Override
    public String describeLayer(int index) {
        return files.describe(blobName(layerDigests.get(index)));
    }

    @Override
    public void close() throws IOException {
        files.close();
    }
}

package io.sixcontainer.internal.image;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code docker save} writes: {@code manifest.json} (an array of
 * {@code {Config, RepoTags, Layers}}), the image config, and one uncompressed tar per layer.
 * An uncompressed layer is checked against its diff_id from the config.
 */
final class DockerArchiveSource implements ImageSource {

    private static final int JSON_LIMIT = 4 << 20;

    private final ArchiveFiles files;
    private final ImageConfig config;
    private final List<String> tags;
    private final List<String> layers;
    private final List<String> diffIds;

    private DockerArchiveSource(ArchiveFiles files, ImageConfigJson config, List<String> tags, List<String> layers) {
        this.files = files;
        this.config = config.config();
        this.diffIds = config.diffIds();
        this.tags = List.copyOf(tags);
        this.layers = List.copyOf(layers);
    }

    /**
     * Reads {@code manifest.json} and the one image it lists (or the one tagged {@code ref}).
     *
     * @param ref a RepoTag to pick, or null
     */
    static DockerArchiveSource open(ArchiveFiles files, String ref) throws IOException {
        String what = files.describe("manifest.json");
        JsonNode manifest = ImageConfigJson.JSON.readTree(files.readSmall("manifest.json", JSON_LIMIT));
        List<JsonNode> chosen = new ArrayList<>();
        List<String> allTags = new ArrayList<>();
        for (JsonNode image : manifest) {
            List<String> tags = ImageConfigJson.strings(image.path("RepoTags"), what);
            allTags.addAll(tags);
            if (ref == null || tags.contains(ref)) {
                chosen.add(image);
            }
        }
        if (chosen.size() != 1) {
            throw new IOException(what + (chosen.isEmpty() ? ": no image" + (ref == null ? "" : " tagged " + ref)
                    : " lists " + chosen.size() + " images (" + String.join(", ", allTags) + "); name the one to import"));
        }
        JsonNode image = chosen.getFirst();
        String configName = ArchiveFiles.normalize(image.path("Config").asText(""));
        ImageConfigJson config = ImageConfigJson.parse(files.readSmall(configName, JSON_LIMIT), files.describe(configName));
        List<String> layers = new ArrayList<>();
        for (String layer : ImageConfigJson.strings(image.path("Layers"), what)) {
            layers.add(ArchiveFiles.normalize(layer));
        }
        if (layers.size() != config.diffIds().size()) {
            throw new IOException(what + " lists " + layers.size() + " layers but the config "
                    + config.diffIds().size() + " diff_ids");
        }
        return new DockerArchiveSource(files, config, ImageConfigJson.strings(image.path("RepoTags"), what), layers);
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
        return layers.size();
    }

    @Override
    public InputStream openLayer(int index) throws IOException {
        InputStream in = new BufferedInputStream(files.open(layers.get(index)), 64 * 1024);
        // docker save writes layers uncompressed, so the stored bytes hash to the diff_id.
        return Compression.detect(in) == Compression.NONE
                ? new DigestCheckingInputStream(in, diffIds.get(index), describeLayer(index))
                : in;
    }

    @Override
    public String describeLayer(int index) {
        return files.describe(layers.get(index));
    }

    @Override
    public void close() throws IOException {
        files.close();
    }
}

package io.sixcontainer.internal.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sixcontainer.ImageException;
import io.sixcontainer.internal.image.Digests;
import io.sixcontainer.internal.image.ImageConfigJson;
import io.sixcontainer.ImageReference;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * From a reference to the one image to download: the manifest (through an index or manifest
 * list, by platform), its config and its layer descriptors. Every document is read with a size
 * cap and checked against the digest that named it.
 */
final class ManifestResolver {

    static final int MANIFEST_LIMIT = 4 << 20;
    static final int CONFIG_LIMIT = 8 << 20;
    private static final int MAX_INDEX_DEPTH = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The image to download.
     *
     * @param repoDigest the digest of the manifest (or index) the reference names
     * @param layers     the layer blobs, bottom first
     * @param config     the parsed config (its diff ids match {@code layers} one to one)
     * @param configDigest the config blob's digest: the image's id, as docker and podman show it
     */
    record Resolved(String repoDigest, List<Descriptor> layers, ImageConfigJson config, String configDigest) {
    }

    private record Fetched(String type, JsonNode json, String digest) {
    }

    private ManifestResolver() {
    }

    /**
     * @param explicit whether the platform was asked for; without it a single-platform image
     *                 for another machine is refused, as it could not run here
     */
    static Resolved resolve(RegistrySession session, ImageReference ref, Platform wanted, boolean explicit) {
        Fetched top = fetch(session, ref.manifestReference(), ref.digest());
        Fetched m = top;
        for (int depth = 0; MediaTypes.isIndex(m.type); depth++) {
            if (depth == MAX_INDEX_DEPTH) {
                throw new ImageException("image indexes nest deeper than " + MAX_INDEX_DEPTH);
            }
            Descriptor chosen = choose(m.json, wanted);
            m = fetch(session, chosen.digest(), chosen.digest());
        }
        if (!MediaTypes.isManifest(m.type)) {
            throw new ImageException("the manifest has media type '" + m.type + "', not an image manifest");
        }
        Descriptor configRef = Descriptor.of(m.json.path("config"), "the config");
        if (!MediaTypes.CONFIGS.contains(configRef.mediaType())) {
            throw new ImageException("not a container image: its config has media type '" + configRef.mediaType() + "'");
        }
        List<Descriptor> layers = new ArrayList<>();
        for (JsonNode l : m.json.path("layers")) {
            Descriptor d = Descriptor.of(l, "a layer");
            if (MediaTypes.FOREIGN_LAYERS.contains(d.mediaType())) {
                throw new ImageException("layer " + d.digest() + " is non-distributable (" + d.mediaType()
                        + "): it is not served by the registry");
            }
            if (!MediaTypes.LAYERS.contains(d.mediaType())) {
                throw new ImageException("layer " + d.digest() + " has unsupported media type '" + d.mediaType() + "'");
            }
            layers.add(d);
        }
        if (layers.isEmpty()) {
            throw new ImageException("the image has no layers");
        }
        ImageConfigJson config = config(session, configRef);
        if (config.diffIds().size() != layers.size()) {
            throw new ImageException("the config names " + config.diffIds().size() + " layers, the manifest "
                    + layers.size());
        }
        if (top == m && !explicit && !fits(config.platform(), wanted)) {
            throw new ImageException("the image is for " + config.platform() + ", this machine is " + wanted
                    + " (pull it with --platform " + config.platform() + " to have it anyway)");
        }
        return new Resolved(top.digest, List.copyOf(layers), config, configRef.digest());
    }

    private static boolean fits(String platform, Platform wanted) {
        return platform.equals(wanted.toString()) || platform.startsWith(wanted + "/")
                || (wanted.variant() == null && platform.startsWith(wanted.os() + "/" + wanted.architecture()));
    }

    private static Descriptor choose(JsonNode index, Platform wanted) {
        Descriptor best = null;
        int bestScore = -1;
        List<String> offered = new ArrayList<>();
        for (JsonNode entry : index.path("manifests")) {
            JsonNode p = entry.path("platform");
            if (p.isObject()) {
                offered.add(p.path("os").asText("?") + "/" + p.path("architecture").asText("?")
                        + (p.path("variant").isTextual() ? "/" + p.path("variant").asText() : ""));
            }
            int score = p.isObject() ? wanted.score(p) : -1;
            if (score > bestScore) {
                Descriptor d = Descriptor.of(entry, "an index entry");
                if (MediaTypes.isManifest(d.mediaType()) || MediaTypes.isIndex(d.mediaType())) {
                    best = d;
                    bestScore = score;
                }
            }
        }
        if (best == null) {
            throw new ImageException("no image for " + wanted + " in the index (it has "
                    + (offered.isEmpty() ? "none with a platform" : String.join(", ", offered.stream().distinct().toList()))
                    + ")");
        }
        return best;
    }

    private static Fetched fetch(RegistrySession session, String reference, String expectedDigest) {
        HttpResponse<InputStream> r = session.get("manifests/" + reference, MediaTypes.ACCEPT, -1);
        if (r.statusCode() == 404) {
            RegistrySession.close(r);
            throw new ImageException("manifest unknown: " + session.domain() + " has no " + session.repository()
                    + (reference.startsWith("sha256:") ? "@" : ":") + reference);
        }
        if (r.statusCode() != 200) {
            throw session.failure("GET manifest " + reference, r);
        }
        byte[] body = readCapped(r, MANIFEST_LIMIT, "manifest " + reference);
        MessageDigest sha = Digests.sha256();
        String digest = Digests.format(digestOf(sha, body));
        if (expectedDigest != null && !expectedDigest.equals(digest)) {
            throw new ImageException("manifest " + reference + " does not match its digest (got " + digest + ")");
        }
        String announced = r.headers().firstValue("Docker-Content-Digest").orElse(null);
        if (expectedDigest == null && announced != null && Digests.isSha256(announced) && !announced.equals(digest)) {
            throw new ImageException("manifest " + reference + " is not what the registry says it is ("
                    + announced + " announced, " + digest + " received)");
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            throw new ImageException("manifest " + reference + " is not valid JSON: " + RegistrySession.describe(e), e);
        }
        if (json == null || !json.isObject()) {
            throw new ImageException("manifest " + reference + " is not a JSON object");
        }
        String type = r.headers().firstValue("Content-Type").map(t -> t.split(";")[0].trim().toLowerCase(Locale.ROOT))
                .orElse("");
        if (json.path("mediaType").isTextual() && !MediaTypes.isIndex(type) && !MediaTypes.isManifest(type)) {
            type = json.path("mediaType").asText();
        }
        if (MediaTypes.isSchema1(type) || json.path("schemaVersion").asInt() == 1) {
            throw new ImageException("the image uses docker's manifest schema 1, deprecated since 2017 and not"
                    + " supported: push it again with a current docker, podman or skopeo");
        }
        return new Fetched(type, json, digest);
    }

    private static ImageConfigJson config(RegistrySession session, Descriptor d) {
        if (d.size() > CONFIG_LIMIT) {
            throw new ImageException("the image config is " + d.size() + " bytes, more than the limit " + CONFIG_LIMIT);
        }
        HttpResponse<InputStream> r = session.get("blobs/" + d.digest(), null, -1);
        if (r.statusCode() != 200) {
            throw session.failure("GET config " + d.digest(), r);
        }
        byte[] body = readCapped(r, CONFIG_LIMIT, "config " + d.digest());
        String digest = Digests.format(digestOf(Digests.sha256(), body));
        if (!digest.equals(d.digest())) {
            throw new ImageException("the config does not match its digest " + d.digest() + " (got " + digest + ")");
        }
        try {
            return ImageConfigJson.parse(body, "the image config");
        } catch (IOException e) {
            throw new ImageException("the image config is not valid: " + RegistrySession.describe(e), e);
        }
    }

    private static MessageDigest digestOf(MessageDigest sha, byte[] body) {
        sha.update(body);
        return sha;
    }

    private static byte[] readCapped(HttpResponse<InputStream> r, int limit, String what) {
        long length = r.headers().firstValueAsLong("Content-Length").orElse(-1);
        try (InputStream in = r.body()) {
            if (length > limit) {
                throw new ImageException(what + " is " + length + " bytes, more than the limit of " + limit);
            }
            byte[] body = in.readNBytes(limit + 1);
            if (body.length > limit) {
                throw new ImageException(what + " is more than the limit of " + limit + " bytes");
            }
            return body;
        } catch (IOException e) {
            throw new ImageException("cannot read " + what + ": " + RegistrySession.describe(e), e);
        }
    }
}

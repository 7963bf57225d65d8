package io.sixcontainer;

import java.util.regex.Pattern;

/**
 * An image reference in the OCI distribution grammar, normalised as docker does:
 * {@code [DOMAIN[:PORT]/]PATH[:TAG][@sha256:HEX]}. A first component with a '.' or a ':', or
 * {@code localhost}, is the registry; otherwise the registry is {@code docker.io}, where a
 * one-component path gets {@code library/}. A reference with neither tag nor digest means
 * {@code :latest}. Images are stored under the {@link #familiarName() familiar} name
 * ({@code busybox}, {@code myorg/app}, {@code ghcr.io/org/app}), so {@code busybox} and
 * {@code docker.io/library/busybox:latest} name one image.
 *
 * @param domain the registry host, with a port if any ({@code docker.io}, {@code localhost:5000})
 * @param path   the repository path in the registry ({@code library/busybox})
 * @param tag    the tag, or null when only a digest is given
 * @param digest {@code sha256:<hex>}, or null
 */
public record ImageReference(String domain, String path, String tag, String digest) {

    /** Docker Hub's name in references. */
    public static final String DOCKER_HUB = "docker.io";

    private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern DOMAIN = Pattern.compile(
            "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]{1,5})?");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final int MAX_NAME = 255;

    /** Parses, validates and normalises a reference. */
    public static ImageReference parse(String ref) {
        if (ref == null || ref.isEmpty()) {
            throw new ImageException("invalid image reference '" + ref + "': empty");
        }
        String rest = ref;
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
            if (!DIGEST.matcher(digest).matches()) {
                throw new ImageException("invalid image reference '" + ref + "': the digest is sha256: and 64"
                        + " lower-case hex digits");
            }
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            if (!TAG.matcher(tag).matches()) {
                throw new ImageException("invalid image reference '" + ref
                        + "': the tag is 1-128 of [A-Za-z0-9_.-], not starting with '.' or '-'");
            }
        }
        String domain = DOCKER_HUB;
        String path = rest;
        int slash = rest.indexOf('/');
        if (slash > 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                if (!DOMAIN.matcher(first).matches()) {
                    throw new ImageException("invalid image reference '" + ref + "': bad registry host '" + first + "'");
                }
                domain = first;
                path = rest.substring(slash + 1);
            }
        }
        for (String component : path.split("/", -1)) {
            if (!COMPONENT.matcher(component).matches()) {
                throw new ImageException("invalid image reference '" + ref + "': each name component is lower-case"
                        + " letters and digits separated by '.', '_', '__' or '-'");
            }
        }
        if (domain.equals("index.docker.io")) {
            domain = DOCKER_HUB;
        }
        if (domain.equals(DOCKER_HUB) && !path.contains("/")) {
            path = "library/" + path;
        }
        if (domain.length() + 1 + path.length() > MAX_NAME) {
            throw new ImageException("invalid image reference '" + ref + "': the name is longer than " + MAX_NAME);
        }
        ImageReference parsed = new ImageReference(domain, path, tag == null && digest == null ? "latest" : tag, digest);
        String familiar = parsed.familiarName();
        if (familiar.equals("sha256") || familiar.equals("builtin")) {
            // Reserved: a tag "sha256:<hex>" or "builtin:busybox" would shadow an id.
            throw new ImageException("invalid image reference '" + ref + "': '" + familiar
                    + "' is reserved for image ids");
        }
        return parsed;
    }

    /** True if {@code ref} parses. */
    public static boolean isValid(String ref) {
        try {
            parse(ref);
            return true;
        } catch (ImageException e) {
            return false;
        }
    }

    /** The name without {@code docker.io/} and {@code library/}: how images are shown and stored. */
    public String familiarName() {
        if (!domain.equals(DOCKER_HUB)) {
            return domain + "/" + path;
        }
        return path.startsWith("library/") && path.indexOf('/', 8) < 0 ? path.substring(8) : path;
    }

    /** {@code domain/path}: the name a repo digest is recorded under. */
    public String canonicalName() {
        return domain + "/" + path;
    }

    /** {@code familiarName:tag}, the key of a tag in the store; null for a digest-only reference. */
    public String tagKey() {
        return tag == null ? null : familiarName() + ":" + tag;
    }

    /** The same repository with another tag and no digest. */
    public ImageReference withTag(String newTag) {
        return new ImageReference(domain, path, newTag, null);
    }

    /** The tag, or else the digest: what a registry's {@code /manifests/} endpoint takes. */
    public String manifestReference() {
        return digest != null ? digest : tag;
    }

    /** The familiar form with its tag and digest, as a user writes it. */
    @Override
    public String toString() {
        return familiarName() + (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
    }
}

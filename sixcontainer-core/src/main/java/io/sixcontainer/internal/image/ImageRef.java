package io.sixcontainer.internal.image;

import io.sixcontainer.ImageException;
import java.util.regex.Pattern;

/**
 * An image reference {@code NAME[:TAG]} (tag {@code latest} when none is given). Names are
 * lower-case components joined by {@code . _ -}, with no path separator, so a reference is
 * always one safe file name in the tag directory.
 *
 * @param name the repository name
 * @param tag  the tag
 */
public record ImageRef(String name, String tag) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final int MAX_NAME = 128;

    /** Parses and validates {@code NAME[:TAG]}. */
    public static ImageRef parse(String ref) {
        if (ref == null || ref.isEmpty()) {
            throw new ImageException("invalid image name '" + ref + "': empty");
        }
        int colon = ref.lastIndexOf(':');
        String name = colon < 0 ? ref : ref.substring(0, colon);
        String tag = colon < 0 ? "latest" : ref.substring(colon + 1);
        if (name.length() > MAX_NAME || !NAME.matcher(name).matches()) {
            throw new ImageException("invalid image name '" + ref + "': the name is lower-case letters and digits"
                    + " separated by '.', '_' or '-', at most " + MAX_NAME + " characters, no '/'");
        }
        if (name.equals("sha256") || name.equals("builtin")) {
            // Reserved: a tag "sha256:<hex>" or "builtin:busybox" would shadow an id.
            throw new ImageException("invalid image name '" + ref + "': '" + name + "' is reserved for image ids");
        }
        if (!TAG.matcher(tag).matches()) {
            throw new ImageException("invalid image name '" + ref
                    + "': the tag is 1-128 of [A-Za-z0-9_.-], not starting with '.' or '-'");
        }
        return new ImageRef(name, tag);
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

    /** The last path component of a registry reference ({@code docker.io/library/alpine:3} -> {@code alpine:3}). */
    public static String lastComponent(String registryRef) {
        return registryRef.substring(registryRef.lastIndexOf('/') + 1);
    }

    @Override
    public String toString() {
        return name + ":" + tag;
    }
}

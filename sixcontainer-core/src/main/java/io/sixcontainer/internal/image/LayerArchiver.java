package io.sixcontainer.internal.image;

import io.sixcontainer.ImageException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Turns layer directories (overlayfs format: whiteouts are 0/0 character devices, opaque
 * directories carry {@code trusted.overlay.opaque=y}) back into tars: one layer with OCI
 * whiteouts (for commit, and for export as an OCI layout) or several layers flattened into one
 * rootfs (what {@code docker export} writes).
 */
public final class LayerArchiver {

    private LayerArchiver() {
    }

    /**
     * Writes {@code layerDir} as an uncompressed layer tar, children in name order: overlay
     * whiteouts become {@code .wh.NAME} entries, opaque directories get a
     * {@code .wh..wh..opq} entry. Used for commit (a container's upper dir) and export.
     * The stream is finished but not closed.
     *
     * @throws ImageException naming the directory when it cannot be read
     */
    public static void write(Path layerDir, OutputStream out) {
        try {
            LayerTarWriter tar = new LayerTarWriter(out);
            if (Whiteouts.isOpaque(layerDir)) {
                tar.writeMarker(Whiteouts.OPAQUE_MARKER, Lstat.of(layerDir));
            }
            writeChildren(layerDir, "", tar);
            tar.finish();
        } catch (IOException | UncheckedIOException e) {
            throw new ImageException("cannot archive layer " + layerDir + ": " + e.getMessage(), e);
        }
    }

    private static void writeChildren(Path dir, String prefix, LayerTarWriter tar) throws IOException {
        for (Path child : LayerTarWriter.sortedChildren(dir)) {
            String name = prefix + child.getFileName();
            Lstat st = Lstat.of(child);
            if (Whiteouts.isOverlayWhiteout(st)) {
                tar.writeMarker(prefix + Whiteouts.PREFIX + child.getFileName(), st);
                continue;
            }
            tar.write(name, child, st);
            if (st.isDirectory()) {
                if (Whiteouts.isOpaque(child)) {
                    tar.writeMarker(name + "/" + Whiteouts.OPAQUE_MARKER, st);
                }
                writeChildren(child, name + "/", tar);
            }
        }
    }

    /**
     * Writes the merged view of {@code layersBottomToTop} as one rootfs tar, the way overlayfs
     * would show it: an upper entry replaces a lower one, a whiteout removes the lower entry
     * (and everything below it), an opaque directory hides the lower directory's contents.
     * No whiteout or marker is written. The stream is finished but not closed.
     *
     * @throws ImageException naming the layer directory that cannot be read
     */
    public static void flatten(List<Path> layersBottomToTop, OutputStream out) {
        NavigableMap<String, Path> merged = new TreeMap<>();
        for (Path layer : layersBottomToTop) {
            try {
                if (Whiteouts.isOpaque(layer)) {
                    merged.clear();
                }
                merge(layer, "", merged);
            } catch (IOException | UncheckedIOException e) {
                throw new ImageException("cannot read layer " + layer + ": " + e.getMessage(), e);
            }
        }
        try {
            LayerTarWriter tar = new LayerTarWriter(out);
            for (Map.Entry<String, Path> e : merged.entrySet()) {
                tar.write(e.getKey(), e.getValue(), Lstat.of(e.getValue()));
            }
            tar.finish();
        } catch (IOException | UncheckedIOException e) {
            throw new ImageException("cannot write the flattened rootfs of " + layersBottomToTop + ": " + e.getMessage(), e);
        }
    }

    private static void merge(Path dir, String prefix, NavigableMap<String, Path> merged) throws IOException {
        for (Path child : LayerTarWriter.sortedChildren(dir)) {
            String name = prefix + child.getFileName();
            Lstat st = Lstat.of(child);
            boolean replacesLower = Whiteouts.isOverlayWhiteout(st) || !st.isDirectory()
                    || Whiteouts.isOpaque(child) || !isDirectory(merged.get(name));
            if (replacesLower) {
                merged.remove(name);
                merged.subMap(name + "/", name + "0").clear(); // '0' is the character after '/'
            }
            if (Whiteouts.isOverlayWhiteout(st)) {
                continue;
            }
            merged.put(name, child);
            if (st.isDirectory()) {
                merge(child, name + "/", merged);
            }
        }
    }

    private static boolean isDirectory(Path lower) throws IOException {
        return lower != null && Lstat.of(lower).isDirectory();
    }
}

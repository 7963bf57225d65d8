package io.sixcontainer.internal.lifecycle;

import io.sixcontainer.ImageException;
import io.sixcontainer.ImageInfo;
import io.sixcontainer.internal.image.ImageConfig;
import io.sixcontainer.internal.image.ImageRecord;
import io.sixcontainer.ImageReference;
import io.sixcontainer.internal.image.ImageSource;
import io.sixcontainer.internal.image.ImageSources;
import io.sixcontainer.internal.image.ImageStore;
import io.sixcontainer.internal.image.LayerArchiver;
import io.sixcontainer.internal.image.LayerExtractor;
import io.sixcontainer.internal.image.OciLayoutWriter;
import io.sixcontainer.internal.state.ContainerRecord;
import io.sixcontainer.internal.state.StateStore;
import io.sixcontainer.internal.plan.ImageLayers;
import io.sixcontainer.internal.plan.LaunchPlan;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Images in and out: import an archive, commit a container's changes as a new top layer,
 * export an image as a flattened rootfs tar or an OCI layout. A failed import or commit
 * leaves no image and no layer behind.
 */
public final class ImageTransfer {

    private final ImageStore images;
    private final StateStore containers;
    private final ImageCatalog ops;

    ImageTransfer(ImageStore images, StateStore containers, ImageCatalog ops) {
        this.images = images;
        this.containers = containers;
        this.ops = ops;
    }

    /** Imports {@code archive} (see {@link ImageSources#open}), named {@code ref}, else by the archive's own tag. */
    public ImageInfo importArchive(Path archive, String ref) {
        if (ref != null) {
            ImageReference.parse(ref);
        }
        if (!Files.exists(archive)) {
            throw new ImageException("no such archive: " + archive);
        }
        try (ImageSource source = ImageSources.open(archive)) {
            String name = ref != null ? ref : source.repoTags().stream()
                    .filter(ImageReference::isValid).findFirst().orElse(null);
            return images.locked(() -> {
                List<Path> added = new ArrayList<>();
                try {
                    List<String> diffIds = new ArrayList<>();
                    for (int i = 0; i < source.layerCount(); i++) {
                        int index = i;
                        diffIds.add(addLayer(() -> source.openLayer(index), source.describeLayer(index), added));
                    }
                    return ops.info(images.store(diffIds, source.config(), name));
                } catch (RuntimeException e) {
                    added.forEach(StateStore::deleteTree);
                    throw e;
                }
            });
        } catch (IOException e) {
            throw new ImageException("cannot import " + archive + ": " + e.getMessage(), e);
        }
    }

    /**
     * A new image: the container's image plus one layer of its changes (its upper dir, never
     * its volumes or the /proc, /dev, /sys mounted over it), with {@code cmd}/{@code env}
     * replacing the image's defaults when not null.
     */
    public ImageInfo commit(String containerId, String ref, List<String> cmd, List<String> env) {
        if (ref != null) {
            ImageReference.parse(ref);
        }
        // Under the container's lock: a removal racing the commit cannot empty its upper dir
        // mid-archive (same lock order as a removal: container, then images).
        try {
            return containers.locked(containerId, () -> commitLocked(containerId, ref, cmd, env));
        } catch (io.sixcontainer.ContainerException e) {
            if (e instanceof ImageException || containers.read(containerId).isPresent()) {
                throw e;
            }
            throw new ImageException("no such container: " + containerId, e);
        }
    }

    private ImageInfo commitLocked(String containerId, String ref, List<String> cmd, List<String> env) {
        ContainerRecord rec = containers.read(containerId)
                .orElseThrow(() -> new ImageException("no such container: " + containerId));
        LaunchPlan plan = containers.plan(containerId).orElseThrow(() -> new ImageException("container " + rec.name
                + " has no launch plan (recorded by an older version of sixcontainer): it cannot be committed"));
        ImageLayers image = plan.image();
        if (image == null) {
            throw new ImageException("container " + rec.name + " runs on a rootfs directory, not an image:"
                    + " there is no layer of its changes to commit");
        }
        // The image may have been removed (forced) while the container kept its layers.
        ImageRecord base = images.find(image.id()).orElseGet(() -> {
            ImageRecord kept = new ImageRecord();
            kept.id = image.id();
            kept.layers = image.layers();
            return kept;
        });
        if (ImageStore.HOST.equals(base.builtin)) {
            throw new ImageException("container " + rec.name + " runs on the host image: committing it would"
                    + " make an image of the host's root");
        }
        Path upper = Workspace.upper(containers.dir(containerId));
        return images.locked(() -> {
            List<Path> added = new ArrayList<>();
            try {
                List<String> diffIds = new ArrayList<>(base.layers);
                if (ImageStore.BUSYBOX.equals(base.builtin)) {
                    Path busybox = images.lowerDirs(base).getFirst();
                    diffIds.add(addLayer(() -> tarOf(busybox), "the busybox image", added));
                }
                diffIds.add(addLayer(() -> tarOf(upper), "the changes of container " + rec.name, added));
                ImageConfig c = base.config;
                ImageConfig config = c.with(env, cmd);
                return ops.info(images.store(diffIds, config, ref));
            } catch (RuntimeException e) {
                added.forEach(StateStore::deleteTree);
                throw e;
            }
        });
    }

    /** Writes the image {@code ref} names to {@code out}: an OCI layout ({@code oci}) or one flattened rootfs tar. */
    public void export(String ref, Path out, boolean oci) {
        // Under the image lock: a removal in another JVM cannot delete layers mid-archive.
        images.locked(() -> {
            exportLocked(ref, out, oci);
            return null;
        });
    }

    private void exportLocked(String ref, Path out, boolean oci) {
        ImageRecord image = images.resolve(ref);
        if (ImageStore.HOST.equals(image.builtin)) {
            throw new ImageException("the host image cannot be exported");
        }
        List<Path> bottomUp = images.lowerDirs(image).reversed();
        if (oci) {
            String name = ImageReference.isValid(ref) && ImageReference.parse(ref).tagKey() != null ? ImageReference.parse(ref).tagKey() : image.hex().substring(0, 12);
            OciLayoutWriter.write(image.config, bottomUp, name, out);
            return;
        }
        Path tmp;
        try {
            // Made exclusively with a random name: a predictable one in /tmp could be a planted symlink.
            tmp = Files.createTempFile(out.toAbsolutePath().getParent(), "." + out.getFileName() + ".", ".part");
        } catch (IOException e) {
            throw new ImageException("cannot write " + out + ": " + e.getMessage(), e);
        }
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(tmp))) {
            LayerArchiver.flatten(bottomUp, o);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new ImageException("cannot export " + ref + " to " + out + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(tmp);
            throw e;
        }
        try {
            Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new ImageException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    private interface LayerStream {
        InputStream open() throws IOException;
    }

    // Extracted into a temporary directory, then renamed to its diff id; a layer the store
    // already has is dropped. Newly added layers are recorded so a failure can take them back.
    private String addLayer(LayerStream layer, String what, List<Path> added) {
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory(images.layersDir(), ".import-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            String diffId;
            try (InputStream in = new BufferedInputStream(layer.open())) {
                diffId = LayerExtractor.extract(in, tmp, what);
            }
            Path dir = images.layerDir(diffId);
            if (Files.exists(dir)) {
                StateStore.deleteTree(tmp);
            } else {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
                added.add(dir);
            }
            return diffId;
        } catch (IOException e) {
            throw new ImageException("cannot store a layer: " + e.getMessage(), e);
        } finally {
            if (tmp != null && Files.exists(tmp)) {
                StateStore.deleteTree(tmp);
            }
        }
    }

    // A layer tar of a directory, spooled to a temporary file (extraction reads it back).
    private InputStream tarOf(Path dir) throws IOException {
        Path spool = Files.createTempFile(images.layersDir(), ".commit-", ".tar");
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(spool))) {
            LayerArchiver.write(dir, o);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(spool);
            throw e;
        }
        // Unlinked at once: the open stream keeps the data until it is closed.
        InputStream in = Files.newInputStream(spool);
        deleteQuietly(spool);
        return in;
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.sixcontainer.internal.image;

import io.sixcontainer.ImageException;
import io.sixcontainer.ImageReference;
import io.sixcontainer.internal.json.Json;
import io.sixcontainer.internal.rootfs.BusyboxRootfs;
import io.sixcontainer.internal.state.StateStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The images of a runtime root: {@code images/<hex>.json} records, {@code tags/<name>:<tag>}
 * symlinks to a record's hex id (the familiar name of {@link ImageReference}, with '/' written as
 * '+', which no reference holds), and {@code layers/<hex>/} trees shared read-only by every
 * image and container that uses them. Every change happens under {@code images.lock} (a file
 * lock plus a JVM lock), so imports, commits and removals in several JVMs never interleave;
 * reads take no lock (records and tags appear and disappear by one rename or unlink).
 * Two images are built in: {@code busybox} and {@code host}, shadowed by a stored image of
 * the same name.
 */
public final class ImageStore {

    /** The built-in image made from the host's static busybox. */
    public static final String BUSYBOX = "busybox";
    /** The built-in image whose only layer is the host's root, read-only. */
    public static final String HOST = "host";

    private final Path root;
    private final Path images;
    private final Path tags;
    private final Path layers;

    /** @param root the runtime root */
    public ImageStore(Path root) {
        this.root = root;
        this.images = root.resolve("images");
        this.tags = root.resolve("tags");
        this.layers = root.resolve("layers");
        try {
            Files.createDirectories(images);
            Files.createDirectories(tags);
            Files.createDirectories(layers);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the image store in " + root, e);
        }
    }

    /** The directory that holds the layer trees. */
    public Path layersDir() {
        return layers;
    }

    /**
     * Finds an image by {@code NAME[:TAG]}, by id ({@code sha256:<hex>} or hex) or by a
     * unique id prefix of at least 4 hex digits; then the built-ins.
     *
     * @throws ImageException if there is no such image, or a prefix is ambiguous
     */
    public ImageRecord resolve(String ref) {
        return find(ref).orElseThrow(() -> new ImageException("no such image: " + ref));
    }

    /** {@link #resolve}, empty when nothing matches. */
    public Optional<ImageRecord> find(String ref) {
        if (ImageReference.isValid(ref)) {
            ImageReference parsed = ImageReference.parse(ref);
            if (parsed.digest() != null) {
                String repoDigest = parsed.canonicalName() + "@" + parsed.digest();
                return list().stream().filter(i -> i.repoDigests.contains(repoDigest)).findFirst();
            }
            Optional<String> hex = tagTarget(parsed);
            if (hex.isPresent()) {
                return read(hex.get());
            }
        }
        String hex = ref.startsWith("sha256:") ? ref.substring(7) : ref;
        if (hex.matches("[0-9a-f]{4,64}")) {
            List<String> matches = ids().stream().filter(h -> h.startsWith(hex)).toList();
            if (matches.size() > 1) {
                throw new ImageException("image id prefix '" + ref + "' is ambiguous: " + matches.size() + " images");
            }
            if (matches.size() == 1) {
                return read(matches.get(0));
            }
        }
        return builtin(ref);
    }

    /** True if {@code ref} names a built-in image and no stored image shadows it. */
    public boolean isBuiltin(String ref) {
        return find(ref).map(r -> r.builtin != null).orElse(false);
    }

    private Optional<ImageRecord> builtin(String ref) {
        String name = ref.startsWith("builtin:") ? ref.substring(8) : ref;
        name = name.endsWith(":latest") ? name.substring(0, name.length() - 7) : name;
        if (!name.equals(BUSYBOX) && !name.equals(HOST)) {
            return Optional.empty();
        }
        ImageRecord r = new ImageRecord();
        r.id = "builtin:" + name;
        r.builtin = name;
        r.config = new ImageConfig(List.of(), List.of(), List.of("sh"), null);
        return Optional.of(r);
    }

    /**
     * The overlay lower directories of {@code image}, topmost first (overlayfs order); the
     * busybox rootfs is built on first use.
     */
    public List<Path> lowerDirs(ImageRecord image) {
        if (BUSYBOX.equals(image.builtin)) {
            return List.of(BusyboxRootfs.ensure(root.resolve("rootfs").resolve(BUSYBOX)));
        }
        if (HOST.equals(image.builtin)) {
            return List.of(Path.of("/"));
        }
        // A layer repeated in an image (often the empty one) would name one dir twice, which
        // overlayfs refuses (ELOOP); its topmost copy alone gives the same merged view.
        java.util.LinkedHashSet<Path> dirs = new java.util.LinkedHashSet<>();
        for (String diffId : image.layers.reversed()) {
            Path dir = layerDir(diffId);
            if (!Files.isDirectory(dir)) {
                throw new ImageException("image " + image.id + " is damaged: layer " + diffId + " is missing");
            }
            dirs.add(dir);
        }
        if (dirs.isEmpty()) {
            throw new ImageException("image " + image.id + " has no layers");
        }
        return List.copyOf(dirs);
    }

    /** The directory of the layer with {@code diffId}. */
    public Path layerDir(String diffId) {
        return layers.resolve(diffId.substring(diffId.indexOf(':') + 1));
    }

    /** Every stored image (not the built-ins). */
    public List<ImageRecord> list() {
        return ids().stream().map(this::read).flatMap(Optional::stream).toList();
    }

    /** The {@code NAME:TAG} references that point at {@code image}, sorted. */
    public List<String> tagsOf(ImageRecord image) {
        try (Stream<Path> s = Files.list(tags)) {
            return s.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> readLink(p).filter(image.hex()::equals).isPresent())
                    .map(p -> decodeTag(p.getFileName().toString())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + tags, e);
        }
    }

    /** Runs {@code change} holding the store's lock (across threads and JVMs). */
    public <T> T locked(Supplier<T> change) {
        synchronized (ImageStore.class) {
            try (FileChannel ch = FileChannel.open(root.resolve("images.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
                 FileLock ignored = ch.lock()) {
                return change.get();
            } catch (IOException e) {
                throw new ImageException("cannot lock the image store in " + root + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Stores a new image made of layers already in the store and tags it; the id is the
     * digest of its canonical content, so storing the same image twice gives one record.
     * Call under {@link #locked}.
     */
    public ImageRecord store(List<String> diffIds, ImageConfig config, String ref) {
        return store(diffIds, config, ref, ImageIds.idOf(diffIds, config));
    }

    /**
     * {@link #store(List, ImageConfig, String)} under a given id: a pulled image keeps its
     * config blob's digest, the id docker and podman show for it.
     */
    public ImageRecord store(List<String> diffIds, ImageConfig config, String ref, String id) {
        if (!Digests.isSha256(id)) {
            throw new IllegalArgumentException("not an image id: " + id);
        }
        if (diffIds.isEmpty()) {
            throw new ImageException("an image needs at least one layer" + (ref != null ? ": " + ref : ""));
        }
        ImageRecord r = new ImageRecord();
        r.layers = List.copyOf(diffIds);
        r.config = config;
        r.id = id;
        r.created = java.time.Instant.now();
        Optional<ImageRecord> existing = read(r.hex());
        if (existing.isEmpty()) {
            writeRecord(r);
        }
        if (ref != null) {
            tag(r, ref);
        }
        return existing.orElse(r);
    }

    /** Points {@code ref} at {@code image}, replacing whatever it named (one rename). Call under {@link #locked}. */
    public void tag(ImageRecord image, String ref) {
        if (image.builtin != null) {
            throw new ImageException("the built-in image " + image.builtin + " cannot be tagged");
        }
        ImageReference parsed = ImageReference.parse(ref);
        if (parsed.tagKey() == null) {
            throw new ImageException("cannot tag an image as '" + ref + "': a name with a digest is not a tag");
        }
        Path link = tags.resolve(encodeTag(parsed.tagKey()));
        Path tmp = tags.resolve("." + encodeTag(parsed.tagKey()) + "." + System.nanoTime());
        try {
            Files.createSymbolicLink(tmp, Path.of(image.hex()));
            Files.move(tmp, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new ImageException("cannot tag image " + image.id + " as " + parsed + ": " + e.getMessage(), e);
        }
    }

    /**
     * Records that {@code repoDigest} ({@code NAME@sha256:<hex>}) names {@code image}, and no
     * other image: the pulls of one multi-platform index for two platforms share its digest,
     * and the reference means the one pulled last (docker lets the ambiguity stand; a lookup
     * here must give one answer). Call under {@link #locked}.
     *
     * @return the updated record
     */
    public ImageRecord addRepoDigest(ImageRecord image, String repoDigest) {
        for (ImageRecord other : list()) {
            if (!other.id.equals(image.id) && other.repoDigests.contains(repoDigest)) {
                List<String> kept = new ArrayList<>(other.repoDigests);
                kept.remove(repoDigest);
                writeRecord(other, kept);
            }
        }
        ImageRecord current = read(image.hex()).orElse(image);
        if (current.repoDigests.contains(repoDigest)) {
            return current;
        }
        List<String> all = new ArrayList<>(current.repoDigests);
        all.add(repoDigest);
        return writeRecord(current, all);
    }

    private ImageRecord writeRecord(ImageRecord record, List<String> repoDigests) {
        record.repoDigests = repoDigests;
        Path tmp = images.resolve("." + record.hex() + ".json.tmp");
        try {
            Files.write(tmp, ImageRecordJson.write(record));
            Files.move(tmp, images.resolve(record.hex() + ".json"), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new ImageException("cannot update image " + record.id + ": " + e.getMessage(), e);
        }
        return record;
    }

    private static String encodeTag(String tagKey) {
        return tagKey.replace('/', '+');
    }

    private static String decodeTag(String fileName) {
        return fileName.replace('+', '/');
    }

    /**
     * Removes {@code ref}: a tag of an image that has other tags is only untagged; otherwise
     * the image goes, refused while a container uses it unless {@code force}. Layers no image
     * and no container uses are deleted. Call under {@link #locked}.
     *
     * @param imagesInUse    ids of images containers were made from
     * @param layersInUse    diff ids of layers containers use
     * @return what was done, e.g. "untagged: x:1" or "deleted: sha256:..."
     */
    public String remove(String ref, boolean force, Set<String> imagesInUse, Collection<String> layersInUse) {
        ImageRecord image = resolve(ref);
        if (image.builtin != null) {
            throw new ImageException("the built-in image " + image.builtin + " cannot be removed");
        }
        List<String> imageTags = tagsOf(image);
        String key = ImageReference.isValid(ref) ? ImageReference.parse(ref).tagKey() : null;
        if (key != null && imageTags.size() > 1 && imageTags.contains(key)) {
            deleteTag(key);
            return "untagged: " + key;
        }
        if (imagesInUse.contains(image.id) && !force) {
            throw new ImageException("image " + ref + " (" + image.hex().substring(0, 12)
                    + ") is used by a container: remove the container first, or force");
        }
        imageTags.forEach(this::deleteTag);
        try {
            Files.deleteIfExists(images.resolve(image.hex() + ".json"));
        } catch (IOException e) {
            throw new ImageException("cannot remove image " + image.id + ": " + e.getMessage(), e);
        }
        collectLayers(layersInUse);
        return "deleted: " + image.id;
    }

    /** Deletes layer directories that no stored image and no container uses. Call under {@link #locked}. */
    public void collectLayers(Collection<String> layersInUse) {
        Set<String> keep = new HashSet<>();
        list().forEach(i -> i.layers.forEach(l -> keep.add(hexOf(l))));
        layersInUse.forEach(l -> keep.add(hexOf(l)));
        try (Stream<Path> s = Files.list(layers)) {
            s.filter(p -> !keep.contains(p.getFileName().toString())).forEach(StateStore::deleteTree);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + layers, e);
        }
    }

    private static String hexOf(String diffId) {
        return diffId.substring(diffId.indexOf(':') + 1);
    }

    private void deleteTag(String tag) {
        try {
            Files.deleteIfExists(tags.resolve(encodeTag(tag)));
        } catch (IOException e) {
            throw new ImageException("cannot untag " + tag + ": " + e.getMessage(), e);
        }
    }

    private Optional<String> tagTarget(ImageReference ref) {
        return readLink(tags.resolve(encodeTag(ref.tagKey())));
    }

    private static Optional<String> readLink(Path link) {
        try {
            return Optional.of(Files.readSymbolicLink(link).toString());
        } catch (NoSuchFileException | java.nio.file.NotLinkException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> ids() {
        try (Stream<Path> s = Files.list(images)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json") && !n.startsWith("."))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + images, e);
        }
    }

    private Optional<ImageRecord> read(String hex) {
        try {
            return Optional.of(Json.read(Files.readAllBytes(images.resolve(hex + ".json")), ImageRecordJson::read));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new ImageException("cannot read image " + hex + ": " + e.getMessage(), e);
        }
    }

    private void writeRecord(ImageRecord r) {
        Path tmp = images.resolve("." + r.hex() + ".json.tmp");
        try {
            Files.write(tmp, ImageRecordJson.write(r));
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, images.resolve(r.hex() + ".json"), StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            // the same image stored meanwhile
        } catch (IOException e) {
            throw new ImageException("cannot store image " + r.id + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // best effort
            }
        }
    }
}

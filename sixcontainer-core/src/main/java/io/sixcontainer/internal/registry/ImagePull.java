package io.sixcontainer.internal.registry;

import io.sixcontainer.ImageException;
import io.sixcontainer.PullProgress;
import io.sixcontainer.internal.image.DigestCheckingInputStream;
import io.sixcontainer.internal.image.Digests;
import io.sixcontainer.internal.image.ImageRecord;
import io.sixcontainer.ImageReference;
import io.sixcontainer.internal.image.ImageStore;
import io.sixcontainer.internal.image.LayerExtractor;
import io.sixcontainer.internal.registry.auth.RegistryCredentials;
import io.sixcontainer.internal.state.StateStore;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls an image from its registry into the store: resolve the manifest for the platform,
 * download the layers the store lacks (a few at a time, each streamed through its digest
 * check straight into the extractor: one pass over the data), then, under the store's lock,
 * move them into place and record the image. Layers are unpacked in a {@link PullStaging}
 * directory, so a pull killed at any point leaves nothing half made where images are read;
 * two pulls of one image in two JVMs both succeed (a layer staged twice is kept once).
 */
public final class ImagePull {

    /** Layers downloaded at once. */
    public static final int PARALLEL_LAYERS = 3;
    private static final long PROGRESS_STEP = 256 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(ImagePull.class);

    private final ImageStore images;
    private final Path staging;
    private final RegistryCredentials credentials;
    private final TokenCache tokens;
    private final Set<String> insecureRegistries;

    /**
     * @param staging the directory for {@link PullStaging} (on the layers' file system)
     */
    public ImagePull(ImageStore images, Path staging, RegistryCredentials credentials, TokenCache tokens,
                     Set<String> insecureRegistries) {
        this.images = images;
        this.staging = staging;
        this.credentials = credentials;
        this.tokens = tokens;
        this.insecureRegistries = Set.copyOf(insecureRegistries);
    }

    /** Deletes what pulls killed mid-way left in the staging directory. */
    public void sweep() {
        PullStaging.sweep(staging);
    }

    /**
     * Pulls {@code reference}; the stored image gets its tag (if the reference has one) and
     * the repo digest.
     *
     * @param platform {@code os/arch[/variant]}, or null for this machine's
     * @throws ImageException naming the reference and the cause; nothing of the pull is left
     */
    public ImageRecord pull(String reference, String platform, Consumer<PullProgress> progress) {
        ImageReference ref = ImageReference.parse(reference);
        try {
            Platform wanted = platform == null ? Platform.host() : Platform.parse(platform);
            sweep();
            RegistryEndpoint endpoint = RegistryEndpoint.of(ref.domain(), insecureRegistries);
            try (RegistrySession session = new RegistrySession(endpoint, ref.path(), credentials, tokens);
                 PullStaging stage = PullStaging.create(staging)) {
                session.ping();
                ManifestResolver.Resolved image = ManifestResolver.resolve(session, ref, wanted, platform != null);
                Map<String, Descriptor> byDiffId = new LinkedHashMap<>();
                for (int i = 0; i < image.layers().size(); i++) {
                    byDiffId.putIfAbsent(image.config().diffIds().get(i), image.layers().get(i));
                }
                Map<String, Path> staged = new LinkedHashMap<>();
                List<String> wantedLayers = new ArrayList<>(byDiffId.keySet());
                ImageRecord[] stored = new ImageRecord[1];
                for (int round = 0; ; round++) {
                    staged.putAll(download(session, stage, byDiffId, wantedLayers, progress));
                    List<String> missing = commit(ref, image, staged, stored);
                    if (missing.isEmpty()) {
                        break;
                    }
                    if (round == 1) {
                        throw new ImageException("layers vanished from the store while pulling: " + missing);
                    }
                    // Layers that were in the store when the pull began were collected meanwhile.
                    wantedLayers = missing;
                }
                LOG.info("pulled {} as {}", ref, stored[0].id);
                return stored[0];
            }
        } catch (ImageException e) {
            throw new ImageException("cannot pull " + ref + ": " + e.getMessage(), e);
        }
    }

    // Downloads the layers of wantedLayers the store lacks; returns diff id -> staged directory.
    private Map<String, Path> download(RegistrySession session, PullStaging stage, Map<String, Descriptor> byDiffId,
                                       List<String> wantedLayers, Consumer<PullProgress> progress) {
        Map<String, Path> staged = new LinkedHashMap<>();
        List<String> toFetch = new ArrayList<>();
        for (String diffId : wantedLayers) {
            Descriptor d = byDiffId.get(diffId);
            if (Files.isDirectory(images.layerDir(diffId))) {
                progress.accept(new PullProgress(d.digest(), PullProgress.State.EXISTS, d.size(), d.size()));
            } else {
                progress.accept(new PullProgress(d.digest(), PullProgress.State.WAITING, 0, d.size()));
                toFetch.add(diffId);
            }
        }
        if (toFetch.isEmpty()) {
            return staged;
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLEL_LAYERS, toFetch.size()),
                Thread.ofPlatform().daemon().name("sixc-pull-", 0).factory())) {
            Map<String, Future<Path>> jobs = new LinkedHashMap<>();
            for (String diffId : toFetch) {
                jobs.put(diffId, pool.submit(() -> fetchLayer(session, stage, diffId, byDiffId.get(diffId), progress)));
            }
            try {
                for (Map.Entry<String, Future<Path>> job : jobs.entrySet()) {
                    staged.put(job.getKey(), job.getValue().get());
                }
            } catch (ExecutionException e) {
                pool.shutdownNow();
                if (e.getCause() instanceof ImageException ie) {
                    throw ie;
                }
                throw new ImageException(RegistrySession.describe((Exception) e.getCause()), e.getCause());
            } catch (InterruptedException e) {
                pool.shutdownNow();
                Thread.currentThread().interrupt();
                throw new ImageException("interrupted", e);
            }
        }
        return staged;
    }

    private Path fetchLayer(RegistrySession session, PullStaging stage, String diffId, Descriptor blob,
                            Consumer<PullProgress> progress) {
        Path dir = stage.layerDir(Digests.hex(diffId));
        String what = "layer " + blob.digest();
        long[] reported = {0};
        progress.accept(new PullProgress(blob.digest(), PullProgress.State.DOWNLOADING, 0, blob.size()));
        ResumingBlobStream raw = new ResumingBlobStream(session, blob, done -> {
            if (done - reported[0] >= PROGRESS_STEP || done == blob.size()) {
                reported[0] = done;
                progress.accept(new PullProgress(blob.digest(), PullProgress.State.DOWNLOADING, done, blob.size()));
            }
        }, () -> progress.accept(new PullProgress(blob.digest(), PullProgress.State.RESUMING, reported[0],
                blob.size())));
        try (InputStream in = new BufferedInputStream(new DigestCheckingInputStream(raw, blob.digest(), what),
                64 * 1024)) {
            String actual = LayerExtractor.extract(in, dir, what);
            if (!actual.equals(diffId)) {
                throw new ImageException(what + ": its content is " + actual + ", the config says " + diffId);
            }
        } catch (IOException e) {
            throw new ImageException(what + ": " + e.getMessage(), e);
        }
        progress.accept(new PullProgress(blob.digest(), PullProgress.State.DONE, blob.size(), blob.size()));
        return dir;
    }

    // Under the store's lock: staged layers move in (or are dropped if another pull was first),
    // the image is stored, tagged and given its repo digest. Returns the layers to download
    // again because they vanished from the store since the pull looked (none, nearly always);
    // when none, stored[0] is the image's record.
    private List<String> commit(ImageReference ref, ManifestResolver.Resolved image, Map<String, Path> staged,
                                ImageRecord[] stored) {
        return images.locked(() -> {
            List<String> missing = new ArrayList<>();
            for (String diffId : image.config().diffIds()) {
                Path dir = images.layerDir(diffId);
                if (Files.isDirectory(dir)) {
                    continue;
                }
                Path s = staged.get(diffId);
                if (s == null) {
                    if (!missing.contains(diffId)) {
                        missing.add(diffId);
                    }
                    continue;
                }
                try {
                    Files.move(s, dir, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    StateStore.deleteTreeQuietly(s);
                    throw new ImageException("cannot store layer " + diffId + ": " + e.getMessage(), e);
                }
            }
            if (!missing.isEmpty()) {
                return missing;
            }
            ImageRecord record = images.store(image.config().diffIds(), image.config().config(), ref.tagKey(),
                    image.configDigest());
            stored[0] = images.addRepoDigest(record, ref.canonicalName() + "@" + image.repoDigest());
            return List.of();
        });
    }
}

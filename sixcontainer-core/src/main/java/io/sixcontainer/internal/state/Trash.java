package io.sixcontainer.internal.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code <root>/trash}: where a removed container's directory goes in one rename, after which
 * no reader finds it, to be deleted off the remover's path. Deleting a container's tree
 * frees a block per directory, which waits for the disk on a file system mounted with
 * {@code discard} (3-6 ms per container measured here, most of a removal). One thread per
 * JVM deletes; {@link #drain} (from {@code ContainerRuntime.close}) waits for it; what a killed JVM
 * left here is {@link #abandoned} and deleted by the next open's repair.
 */
final class Trash {

    private static final Logger LOG = LoggerFactory.getLogger(Trash.class);
    // Beyond this many queued trees the remover deletes its own: the queue never grows unbounded.
    private static final int MAX_QUEUED = 8;
    private static final ExecutorService PURGER = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("sixc-trash").factory());
    private static final Set<Path> QUEUED = ConcurrentHashMap.newKeySet();

    private final Path dir;

    Trash(Path root) {
        this.dir = root.resolve("trash");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    /** A new place in the trash for the directory of container {@code id}. */
    Path slot(String id) {
        return dir.resolve(id + "." + System.nanoTime());
    }

    /** Deletes {@code trashed} (a directory moved here) in the background, or now if many wait. */
    void empty(Path trashed) {
        if (queuedHere() >= MAX_QUEUED) {
            deleteQuietly(trashed);
            return;
        }
        QUEUED.add(trashed);
        try {
            PURGER.execute(() -> {
                try {
                    deleteQuietly(trashed);
                } finally {
                    synchronized (QUEUED) {
                        QUEUED.remove(trashed);
                        QUEUED.notifyAll();
                    }
                }
            });
        } catch (RuntimeException rejected) {
            QUEUED.remove(trashed);
            deleteQuietly(trashed);
        }
    }

    /** Waits until every tree this JVM queued from this root is deleted. */
    void drain() {
        synchronized (QUEUED) {
            while (queuedHere() > 0) {
                try {
                    QUEUED.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** What is in the trash and not queued in this JVM: left by a JVM that died, or being deleted by another. */
    List<Path> abandoned() {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !QUEUED.contains(p)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private long queuedHere() {
        return QUEUED.stream().filter(p -> p.startsWith(dir)).count();
    }

    // Another JVM's repair may delete the same tree at the same time.
    static void deleteQuietly(Path tree) {
        for (int attempt = 0; attempt < 3 && Files.exists(tree); attempt++) {
            try {
                StateStore.deleteTree(tree);
            } catch (UncheckedIOException e) {
                if (attempt == 2) {
                    LOG.warn("cannot delete {}: {}", tree, e.getMessage());
                }
            }
        }
    }
}

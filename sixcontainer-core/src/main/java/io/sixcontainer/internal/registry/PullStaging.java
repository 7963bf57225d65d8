package io.sixcontainer.internal.registry;

import io.sixcontainer.ImageException;
import io.sixcontainer.internal.state.StateStore;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

/**
 * A pull's private directory under {@code <root>/pulls/}, where its layers are unpacked before
 * they move into the store in one rename each. The pull holds a lock on {@code .lock} inside
 * it for its whole life, so a directory whose lock can be taken belongs to a pull that died
 * (a JVM killed mid-pull): {@link #sweep} deletes those. On the same file system as the
 * layers, so the final rename is atomic.
 */
final class PullStaging implements AutoCloseable {

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private PullStaging(Path dir, FileChannel lockChannel, FileLock lock) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Makes a new staging directory under {@code base}, locked. */
    static PullStaging create(Path base) {
        try {
            Files.createDirectories(base);
            Path dir = Files.createTempDirectory(base, "pull-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            FileChannel ch = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            try {
                return new PullStaging(dir, ch, ch.lock());
            } catch (IOException | RuntimeException e) {
                ch.close();
                StateStore.deleteTree(dir);
                throw e;
            }
        } catch (IOException e) {
            throw new ImageException("cannot make a staging directory under " + base + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the staging directories of pulls that are no longer running. */
    static void sweep(Path base) {
        if (!Files.isDirectory(base)) {
            return;
        }
        try (Stream<Path> dirs = Files.list(base)) {
            dirs.filter(PullStaging::abandoned).forEach(d -> {
                try {
                    StateStore.deleteTree(d);
                } catch (java.io.UncheckedIOException e) {
                    // another sweeper got there first; what is left goes next time
                }
            });
        } catch (IOException e) {
            throw new ImageException("cannot list " + base + ": " + e.getMessage(), e);
        }
    }

    private static boolean abandoned(Path dir) {
        Path lockFile = dir.resolve(".lock");
        if (!Files.exists(lockFile)) {
            // Killed between making the directory and its lock file (a moment): nobody can own it
            // once a minute has passed.
            try {
                return Files.getLastModifiedTime(dir).toMillis() < System.currentTimeMillis() - 60_000;
            } catch (IOException e) {
                return false;
            }
        }
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock l = ch.tryLock();
            if (l == null) {
                return false;
            }
            l.release();
            return true;
        } catch (OverlappingFileLockException e) {
            return false; // a pull of this JVM holds it
        } catch (IOException e) {
            return false;
        }
    }

    /** A new empty directory for one layer. */
    Path layerDir(String name) {
        try {
            return Files.createDirectory(dir.resolve(name),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        } catch (IOException e) {
            throw new ImageException("cannot make " + dir.resolve(name) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            StateStore.deleteTree(dir);
        } finally {
            try {
                lock.release();
                lockChannel.close();
            } catch (IOException e) {
                // the channel is gone with the directory
            }
        }
    }
}

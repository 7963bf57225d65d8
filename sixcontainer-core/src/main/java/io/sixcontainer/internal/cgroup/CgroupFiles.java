package io.sixcontainer.internal.cgroup;

import io.sixcontainer.LaunchException;
import io.sixcontainer.ffi.Errno;
import io.sixcontainer.ffi.ErrnoException;
import io.sixcontainer.ffi.Libc;
import io.sixcontainer.ffi.libc.fcntl_h;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reading, writing, creating and removing cgroup files and directories, with errors that name them. */
final class CgroupFiles {

    private static final Logger LOG = LoggerFactory.getLogger(CgroupFiles.class);
    // Read at every container's exit (usage, OOM kills): compiled once.
    private static final Pattern NUMBER = Pattern.compile("\\d{1,18}");

    private CgroupFiles() {
    }

    /**
     * Writes {@code value} to a cgroup control file in one write(2): the kernel parses
     * each write whole, and its errno (EINVAL, EBUSY, ...) is what explains a refusal.
     */
    static void write(Path file, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        try {
            int fd = Libc.open(file.toString(), fcntl_h.O_WRONLY() | fcntl_h.O_CLOEXEC(), 0);
            try {
                Libc.writeFully(fd, bytes, 0, bytes.length);
            } finally {
                Libc.close(fd);
            }
        } catch (ErrnoException e) {
            throw new LaunchException("cannot write '" + value + "' to " + file + ": " + e.call() + " failed with "
                    + Errno.name(e.errno()) + " (" + Errno.description(e.errno()) + ")",
                    "cgroup", e.errno(), file + "=" + value, e);
        }
    }

    /** The file's content, stripped; empty when it does not exist or cannot be read. */
    static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The file's single number, or 0 when it is missing or holds none. */
    static long number(Path file) {
        return read(file).filter(v -> NUMBER.matcher(v).matches()).map(Long::parseLong).orElse(0L);
    }

    /** The value of {@code key} in a flat-keyed file such as memory.events ("key value" lines), or 0. */
    static long keyed(Path file, String key) {
        return read(file).stream().flatMap(String::lines)
                .map(l -> l.split(" "))
                .filter(w -> w.length == 2 && w[0].equals(key) && NUMBER.matcher(w[1]).matches())
                .mapToLong(w -> Long.parseLong(w[1]))
                .findFirst().orElse(0);
    }

    /** Creates {@code dir} and its missing parents below {@code base}. */
    static void mkdirs(Path base, Path dir) {
        // Usually the parents are there (they stay while a runtime is open): one mkdir.
        try {
            Files.createDirectory(dir);
            return;
        } catch (FileAlreadyExistsException | NoSuchFileException parentsOrRace) {
            // made (or found) below
        } catch (IOException e) {
            throw new LaunchException("cannot create the cgroup " + dir + ": " + describe(e), "cgroup", 0,
                    dir.toString(), e);
        }
        // A concurrent removal may take away an empty shared parent between our checks.
        for (int attempt = 0; ; attempt++) {
            try {
                tryMkdirs(base, dir);
                return;
            } catch (LaunchException e) {
                if (attempt >= 5 || !(e.getCause() instanceof NoSuchFileException)) {
                    throw e;
                }
            }
        }
    }

    private static void tryMkdirs(Path base, Path dir) {
        List<Path> missing = new ArrayList<>();
        for (Path p = dir; !p.equals(base) && !Files.isDirectory(p); p = p.getParent()) {
            missing.addFirst(p);
        }
        List<Path> created = new ArrayList<>();
        for (Path p : missing) {
            try {
                Files.createDirectory(p);
                created.add(p);
            } catch (FileAlreadyExistsException raced) {
                // another launch made the shared parent first
            } catch (IOException e) {
                created.reversed().forEach(CgroupFiles::removeIfUnused);
                throw new LaunchException("cannot create the cgroup " + p + ": " + describe(e), "cgroup", 0,
                        p.toString(), e);
            }
        }
    }

    /**
     * Removes a container's cgroup directory. Its last task may still be leaving for a
     * moment after the init was reaped (EBUSY), so the removal is retried briefly. A missing
     * directory is fine.
     */
    static void remove(Path dir) {
        for (int attempt = 0; ; attempt++) {
            try {
                // A removal tries every hierarchy, most often finding nothing: a stat answers
                // that without the cost of an exception.
                if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                    Files.delete(dir);
                }
                return;
            } catch (NoSuchFileException gone) {
                return;
            } catch (IOException e) {
                if (attempt >= 50) {
                    LOG.warn("cannot remove the cgroup {}: {}", dir, describe(e));
                    return;
                }
                sleepBriefly();
            }
        }
    }

    /** Removes an empty shared parent; one still in use (or just made by another launch) stays. */
    static void removeIfUnused(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (IOException inUse) {
            LOG.trace("cgroup parent {} still in use", dir);
        }
    }

    private static String describe(IOException e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

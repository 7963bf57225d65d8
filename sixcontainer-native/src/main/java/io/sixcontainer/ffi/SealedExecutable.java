package io.sixcontainer.ffi;

import static io.sixcontainer.ffi.libc.libc_h$shared.ERRNO_STATE_LAYOUT;
import static io.sixcontainer.ffi.libc.libc_h$shared.errno;

import io.sixcontainer.ffi.libc.fcntl_h;
import io.sixcontainer.ffi.libc.sys_mman_h;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A copy of an executable in a sealed memfd, executed as {@code /proc/self/fd/N}. Every
 * helper process then runs from memory that nobody can write (CVE-2019-5736: a container
 * process must not be able to overwrite the host's helper through {@code /proc/<pid>/exe}).
 * One copy per helper version per JVM, kept open for the JVM's lifetime.
 */
public final class SealedExecutable {

    // Above the descriptors a spawn places (0-6) and their scratch copies, in every JVM.
    private static final int MIN_FD = 1000;
    private static final Map<String, Integer> FDS = new ConcurrentHashMap<>();

    private SealedExecutable() {
    }

    /**
     * The path that executes the sealed copy of {@code file}, valid in this JVM and its
     * spawned children. Files with the same name share one copy: extracted helpers are named
     * by version and content hash ({@link HelperBinary}).
     */
    public static String pathOf(Path file) {
        return "/proc/self/fd/" + FDS.computeIfAbsent(file.getFileName().toString(), n -> seal(file));
    }

    /** The descriptor {@code path} names, if it is one of ours. */
    public static int descriptorOf(String path) {
        return path.startsWith("/proc/self/fd/") ? Integer.parseInt(path.substring("/proc/self/fd/".length())) : -1;
    }

    private static int seal(Path file) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        int fd = memfd("sixc-helper");
        try {
            Libc.writeFully(fd, content, 0, content.length);
            fcntl(fd, fcntl_h.F_ADD_SEALS(), fcntl_h.F_SEAL_SEAL() | fcntl_h.F_SEAL_SHRINK()
                    | fcntl_h.F_SEAL_GROW() | fcntl_h.F_SEAL_WRITE(), "F_ADD_SEALS");
            int high = fcntl(fd, fcntl_h.F_DUPFD_CLOEXEC(), MIN_FD, "F_DUPFD_CLOEXEC");
            Libc.close(fd);
            return high;
        } catch (RuntimeException e) {
            Libc.close(fd);
            throw e;
        }
    }

    private static int memfd(String name) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment err = arena.allocate(ERRNO_STATE_LAYOUT);
            int flags = sys_mman_h.MFD_CLOEXEC() | sys_mman_h.MFD_ALLOW_SEALING();
            // MFD_EXEC (Linux 6.3) keeps the memfd executable where vm.memfd_noexec would not.
            int fd = sys_mman_h.memfd_create(err, arena.allocateFrom(name), flags | sys_mman_h.MFD_EXEC());
            if (fd < 0 && errno(err) == Errno.EINVAL) {
                fd = sys_mman_h.memfd_create(err, arena.allocateFrom(name), flags);
            }
            if (fd < 0) {
                throw new ErrnoException("memfd_create", name, errno(err));
            }
            return fd;
        }
    }

    private static int fcntl(int fd, int cmd, int arg, String what) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment err = arena.allocate(ERRNO_STATE_LAYOUT);
            int r = fcntl_h.fcntl(err, fd, cmd, arg);
            if (r < 0) {
                throw new ErrnoException("fcntl", what, errno(err));
            }
            return r;
        }
    }
}

package io.sixcontainer.ffi;

import static io.sixcontainer.ffi.libc.libc_h$shared.ERRNO_STATE_LAYOUT;
import static io.sixcontainer.ffi.libc.libc_h$shared.errno;

import io.sixcontainer.ffi.libc.fcntl_h;
import io.sixcontainer.ffi.libc.poll_h;
import io.sixcontainer.ffi.libc.pollfd;
import io.sixcontainer.ffi.libc.signal_h;
import io.sixcontainer.ffi.libc.sys_pidfd_h;
import io.sixcontainer.ffi.libc.sys_stat_h;
import io.sixcontainer.ffi.libc.sys_wait_h;
import io.sixcontainer.ffi.libc.sys_xattr_h;
import io.sixcontainer.ffi.libc.unistd_h;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The idiomatic layer over the libc bindings: Java types in, Java types out, and
 * {@code -1} + errno turned into an {@link ErrnoException} that names the call.
 * Each call allocates its strings and its errno capture segment in a confined arena.
 */
public final class Libc {

    private Libc() {
    }

    /** {@code pipe2(flags)}; returns {read end, write end}. */
    public static int[] pipe2(int flags) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment err = arena.allocate(ERRNO_STATE_LAYOUT);
            MemorySegment fds = arena.allocate(ValueLayout.JAVA_INT, 2);
            if (unistd_h.pipe2(err, fds, flags) != 0) {
                throw new ErrnoException("pipe2", "", errno(err));
            }
            return new int[] {fds.getAtIndex(ValueLayout.JAVA_INT, 0), fds.getAtIndex(ValueLayout.JAVA_INT, 1)};
        }
    }

    /** {@code pipe2(O_CLOEXEC)}: both ends close on exec, so no other spawned process inherits them. */
    public static int[] pipeCloexec() {
        return pipe2(fcntl_h.O_CLOEXEC());
    }

    /** {@code open(path, flags, mode)}. */
    public static int open(String path, int flags, int mode) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment err = arena.allocate(ERRNO_STATE_LAYOUT);
            int fd = fcntl_h.open(err, arena.allocateFrom(path), flags, mode);
            if (fd < 0) {
                throw new ErrnoException("open", path, errno(err));
            }
            return fd;
        }
    }

    /** {@code openat(dirfd, path, flags)} (no mode: never creates). */
    public static int openat(int dirfd, String path, int flags) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment err = arena.allocate(ERRNO_STATE_LAYOUT);
            int fd = fcntl_h.openat(err, dirfd, arena.allocateFrom(path), flags, 0);
            if (fd < 0) {
                throw new ErrnoException("openat", path, errno(err));
            }
            return fd;
        }
    }

    /** {@code close(fd)}; EINTR is not retried (on Linux the descriptor is gone either way). */
    public static void close(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment err = arena.allocate(ERRNO_STATE_LAYOUT);
            if (unistd_h.close(err, fd) != 0 && errno(err) != Errno.EINTR) {
                throw new ErrnoException("close", "fd " + fd, errno(err));
            }
        }
    }

    /** Closes every descriptor given that is {@code >= 0}, reporting the first failure after trying all. */
    public static void closeAll(int... fds) {
        ErrnoException first = null;
        for (int fd : fds) {
            if (fd < 0) {
                continue;
            }
            try {
                close(fd);
            } catch (ErrnoException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /**
     * {@code read(fd, buf, len)} retrying on EINTR; returns 0 at end of file.
     */
    public static int read(int fd, byte[] buf, int off, int len) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment err = arena.allocate(ERRNO_STATE_LAYOUT);
            MemorySegment native_ = arena.allocate(Math.max(1, len));
            while (true) {
                long n = unistd_h.read(err, fd, native_, len);
                if (n >= 0) {
                    MemorySegment.copy(native_, ValueLayout.JAVA_BYTE, 0, buf, off, (int) n);
                    return (int) n;
                }
                if (errno(err) != Errno.EINTR) {
                    throw new ErrnoException("read", "fd " + fd, errno(err));
                }
            }
        }
    }

    /** Writes all of {@code buf[off, off+len)}, retrying on short writes and EINTR. */
    public static void writeFully(int fd, byte[] buf, int off, int len) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment err = arena.allocate(ERRNO_STATE_LAYOUT);
            MemorySegment native_ = arena.allocate(Math.max(1, len));
            MemorySegment.copy(buf, off, native_, ValueLayout.JAVA_BYTE, 0, len);
            long done = 0;
            while (done < len) {
                long n = unistd_h.write(err, fd, native_.asSlice(done), len - done);
                if (n < 0) {
                    if (errno(err) == Errno.EINTR) {
                        continue;
                    }
                    throw new ErrnoException("write", "fd " + fd, errno(err));
                }
                done += n;
            }
        }
    }

    /** {@code fcntl(fd, F_DUPFD_CLOEXEC, 3)}: a second descriptor for the same open file. */
    public static int dupCloexec(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment err = arena.allocate(ERRNO_STATE_LAYOUT);
            int copy = fcntl_h.fcntl(err, fd, fcntl_h.F_DUPFD_CLOEXEC(), 3);
            if (copy < 0) {
                throw new ErrnoException("fcntl", "F_DUPFD_CLOEXEC fd " + fd, errno(err));
            }
            return copy;
        }
    }

    /** {@code kill(pid, sig)}. Refuses pids that would signal a group or every process. */
    public static void kill(int pid, int sig) {
        if (pid <= 0) {
            throw new IllegalArgumentException("refusing to signal pid " + pid);
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment err = arena.allocate(ERRNO_STATE_LAYOUT);
            if (signal_h.kill(err, pid, sig) != 0) {
                throw new ErrnoException("kill", "pid " + pid + ", signal " + sig, errno(err));
            }
        }
    }

    /**
     * {@code waitpid(pid, &status, options)} retrying on EINTR.
     *
     * @return the raw wait status, or -1 when {@code WNOHANG} was given and the child still runs
     */
    public static int waitpid(int pid, int options) {
        if (pid <= 0) {
            throw new IllegalArgumentException("refusing to wait for pid " + pid);
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment err = arena.allocate(ERRNO_STATE_LAYOUT);
            MemorySegment status = arena.allocate(ValueLayout.JAVA_INT);
            while (true) {
                int r = sys_wait_h.waitpid(err, pid, status, options);
                if (r == pid) {
                    return status.get(ValueLayout.JAVA_INT, 0);
                }
                if (r == 0) {
                    return -1;
                }
                if (errno(err) != Errno.EINTR) {
                    throw new ErrnoException("waitpid", "pid " + pid, errno(err));
                }
            }
        }
    }

    /** {@code pidfd_open(pid, 0)}: a descriptor that names this very process, never a later one with its pid. */
    public static int pidfdOpen(int pid) {
        if (pid <= 0) {
            throw new IllegalArgumentException("refusing to open pid " + pid);
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment err = arena.allocate(ERRNO_STATE_LAYOUT);
            int fd = sys_pidfd_h.pidfd_open(err, pid, 0);
            if (fd < 0) {
                throw new ErrnoException("pidfd_open", "pid " + pid, errno(err));
            }
            return fd;
        }
    }

    /** {@code pidfd_send_signal(pidfd, sig, NULL, 0)}. */
    public static void pidfdSendSignal(int pidfd, int sig) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment err = arena.allocate(ERRNO_STATE_LAYOUT);
            if (sys_pidfd_h.pidfd_send_signal(err, pidfd, sig, MemorySegment.NULL, 0) != 0) {
                throw new ErrnoException("pidfd_send_signal", "signal " + sig, errno(err));
            }
        }
    }

    /**
     * Waits until {@code fd} is readable (for a pidfd: the process has exited).
     *
     * @param timeoutMillis -1 to wait without limit
     * @return true if readable, false on timeout
     */
    public static boolean pollReadable(int fd, int timeoutMillis) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment err = arena.allocate(ERRNO_STATE_LAYOUT);
            MemorySegment p = pollfd.allocate(arena);
            pollfd.fd(p, fd);
            pollfd.events(p, (short) poll_h.POLLIN());
            long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
            while (true) {
                int n = poll_h.poll(err, p, 1, timeoutMillis);
                if (n >= 0) {
                    return n > 0;
                }
                if (errno(err) != Errno.EINTR) {
                    throw new ErrnoException("poll", "fd " + fd, errno(err));
                }
                if (timeoutMillis > 0) {
                    timeoutMillis = (int) Math.max(0, (deadline - System.nanoTime()) / 1_000_000L);
                }
            }
        }
    }

    /**
     * {@code chmod(path, mode)} with all twelve permission bits (setuid, setgid, sticky included).
     * Path-based on purpose: the JDK's attribute views open the file to fchmod it, and opening a
     * FIFO blocks while opening a device node talks to its driver. Follows a final symlink, so
     * never call it on one.
     */
    public static void chmod(String path, int mode) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment err = arena.allocate(ERRNO_STATE_LAYOUT);
            if (sys_stat_h.chmod(err, arena.allocateFrom(path), mode) != 0) {
                throw new ErrnoException("chmod", path + ", " + Integer.toOctalString(mode), errno(err));
            }
        }
    }

    /** {@code lchown(path, uid, gid)}: the link itself, never its target. */
    public static void lchown(String path, int uid, int gid) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment err = arena.allocate(ERRNO_STATE_LAYOUT);
            if (unistd_h.lchown(err, arena.allocateFrom(path), uid, gid) != 0) {
                throw new ErrnoException("lchown", path + ", " + uid + ":" + gid, errno(err));
            }
        }
    }

    /**
     * {@code utimensat(AT_FDCWD, path, {UTIME_OMIT, mtime}, AT_SYMLINK_NOFOLLOW)}: sets the
     * modification time of the path itself (a symlink's own), without opening it; atime is left alone.
     */
    public static void setMtimeNoFollow(String path, long epochSecond, int nanos) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment err = arena.allocate(ERRNO_STATE_LAYOUT);
            MemorySegment times = arena.allocate(ValueLayout.JAVA_LONG, 4); // struct timespec[2]
            times.setAtIndex(ValueLayout.JAVA_LONG, 0, 0);
            times.setAtIndex(ValueLayout.JAVA_LONG, 1, sys_stat_h.UTIME_OMIT());
            times.setAtIndex(ValueLayout.JAVA_LONG, 2, epochSecond);
            times.setAtIndex(ValueLayout.JAVA_LONG, 3, nanos);
            if (sys_stat_h.utimensat(err, sys_stat_h.AT_FDCWD(), arena.allocateFrom(path), times,
                    sys_stat_h.AT_SYMLINK_NOFOLLOW()) != 0) {
                throw new ErrnoException("utimensat", path, errno(err));
            }
        }
    }

    /** {@code mknod(path, mode, dev)}: {@code mode} carries the file type ({@code S_IFCHR}, {@code S_IFBLK}, {@code S_IFIFO}). */
    public static void mknod(String path, int mode, long dev) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment err = arena.allocate(ERRNO_STATE_LAYOUT);
            if (sys_stat_h.mknod(err, arena.allocateFrom(path), mode, dev) != 0) {
                throw new ErrnoException("mknod", path, errno(err));
            }
        }
    }

    /** glibc's {@code makedev()}: the 64-bit {@code dev_t} encoding that mknod(2) and stat(2) use. */
    public static long makedev(int major, int minor) {
        long ma = major & 0xffffffffL;
        long mi = minor & 0xffffffffL;
        return ((ma & 0x00000fffL) << 8) | ((ma & 0xfffff000L) << 32)
                | (mi & 0x000000ffL) | ((mi & 0xffffff00L) << 12);
    }

    /** glibc's {@code major()}: the inverse of {@link #makedev}. */
    public static int major(long dev) {
        return (int) (((dev >>> 8) & 0x00000fffL) | ((dev >>> 32) & 0xfffff000L));
    }

    /** glibc's {@code minor()}: the inverse of {@link #makedev}. */
    public static int minor(long dev) {
        return (int) ((dev & 0x000000ffL) | ((dev >>> 12) & 0xffffff00L));
    }

    /** {@code lsetxattr(path, name, value, size, flags)}: sets an extended attribute on the link itself, never its target. */
    public static void lsetxattr(String path, String name, byte[] value, int flags) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment err = arena.allocate(ERRNO_STATE_LAYOUT);
            MemorySegment v = arena.allocate(Math.max(1, value.length));
            MemorySegment.copy(value, 0, v, ValueLayout.JAVA_BYTE, 0, value.length);
            if (sys_xattr_h.lsetxattr(err, arena.allocateFrom(path), arena.allocateFrom(name), v, value.length, flags) != 0) {
                throw new ErrnoException("lsetxattr", path + ", " + name, errno(err));
            }
        }
    }

    /**
     * {@code lgetxattr(path, name, ...)} on the link itself, never its target.
     *
     * @return the value, or null when the file has no such attribute (ENODATA)
     */
    public static byte[] lgetxattr(String path, String name) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment err = arena.allocate(ERRNO_STATE_LAYOUT);
            MemorySegment p = arena.allocateFrom(path);
            MemorySegment n = arena.allocateFrom(name);
            // Size first, then the value; the value can grow in between, so retry on ERANGE.
            while (true) {
                long size = sys_xattr_h.lgetxattr(err, p, n, MemorySegment.NULL, 0);
                if (size >= 0) {
                    MemorySegment v = arena.allocate(Math.max(1, size));
                    long got = sys_xattr_h.lgetxattr(err, p, n, v, size);
                    if (got >= 0) {
                        return v.asSlice(0, got).toArray(ValueLayout.JAVA_BYTE);
                    }
                }
                int e = errno(err);
                if (e == Errno.ENODATA) {
                    return null;
                }
                if (e != Errno.ERANGE) {
                    throw new ErrnoException("lgetxattr", path + ", " + name, e);
                }
            }
        }
    }

    /** {@code geteuid()}. */
    public static int geteuid() {
        return unistd_h.geteuid();
    }
}

package io.sixcontainer.internal.tty;

import io.sixcontainer.ContainerException;
import io.sixcontainer.ffi.ErrnoException;
import io.sixcontainer.ffi.Libc;
import io.sixcontainer.ffi.libc.fcntl_h;
import io.sixcontainer.ffi.libc.sys_stat_h;
import io.sixcontainer.internal.state.ProcessIdentity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Opens the {@code /dev/pts/ptmx} of a running container from the host, through its init's
 * {@code /proc/<pid>/root}. The container owns every path below that root, so each component
 * is opened with O_NOFOLLOW (a planted symlink cannot lead the JVM, which is root on the
 * host, anywhere else), and the last one with O_PATH first: only once it is known to be the
 * ptmx character device (5:2) is it really opened, so no other device or FIFO is ever opened.
 */
final class ContainerPtmx {

    private static final int PTMX_MAJOR = 5;
    private static final int PTMX_MINOR = 2;

    private ContainerPtmx() {
    }

    /** The master of a new pseudo-terminal of the container's devpts (O_RDWR, O_NOCTTY, O_CLOEXEC). */
    static int open(int pid, long startTime) {
        int dirFlags = fcntl_h.O_PATH() | fcntl_h.O_DIRECTORY() | fcntl_h.O_NOFOLLOW() | fcntl_h.O_CLOEXEC();
        int[] fds = {-1, -1, -1, -1};
        try {
            fds[0] = Libc.open("/proc/" + pid + "/root", fcntl_h.O_PATH() | fcntl_h.O_DIRECTORY() | fcntl_h.O_CLOEXEC(), 0);
            // The root was opened by pid: it is the container's only if pid is still its init.
            if (ProcessIdentity.startTime(pid).orElse(-1L) != startTime) {
                throw new ContainerException("the container's init (pid " + pid + ") is gone");
            }
            fds[1] = Libc.openat(fds[0], "dev", dirFlags);
            fds[2] = Libc.openat(fds[1], "pts", dirFlags);
            fds[3] = Libc.openat(fds[2], "ptmx", fcntl_h.O_PATH() | fcntl_h.O_NOFOLLOW() | fcntl_h.O_CLOEXEC());
            String reopen = "/proc/self/fd/" + fds[3];
            checkIsPtmx(Path.of(reopen));
            return Libc.open(reopen, fcntl_h.O_RDWR() | fcntl_h.O_NOCTTY() | fcntl_h.O_CLOEXEC(), 0);
        } catch (ErrnoException e) {
            throw new ContainerException("cannot open a terminal in the container (pid " + pid + "): "
                    + e.getMessage(), e);
        } finally {
            Libc.closeAll(fds);
        }
    }

    private static void checkIsPtmx(Path path) {
        Map<String, Object> a;
        try {
            a = Files.readAttributes(path, "unix:mode,rdev");
        } catch (IOException e) {
            throw new ContainerException("cannot inspect the container's /dev/pts/ptmx: " + e.getMessage(), e);
        }
        int mode = (Integer) a.get("mode");
        long rdev = (Long) a.get("rdev");
        boolean charDevice = (mode & sys_stat_h.S_IFMT()) == sys_stat_h.S_IFCHR();
        if (!charDevice || Libc.major(rdev) != PTMX_MAJOR || Libc.minor(rdev) != PTMX_MINOR) {
            throw new ContainerException("the container's /dev/pts/ptmx is not the pty multiplexer (mode "
                    + Integer.toOctalString(mode) + ", device " + Libc.major(rdev) + ":" + Libc.minor(rdev) + ")");
        }
    }
}

package io.sixcontainer.ffi;

import static io.sixcontainer.ffi.libc.libc_h$shared.ERRNO_STATE_LAYOUT;
import static io.sixcontainer.ffi.libc.libc_h$shared.errno;

import io.sixcontainer.ffi.libc.fcntl_h;
import io.sixcontainer.ffi.libc.stdlib_h;
import io.sixcontainer.ffi.libc.sys_ioctl_h;
import io.sixcontainer.ffi.libc.termios;
import io.sixcontainer.ffi.libc.termios_h;
import io.sixcontainer.ffi.libc.unistd_h;
import io.sixcontainer.ffi.libc.winsize;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/**
 * Terminal calls: pseudo-terminal allocation, window sizes, and raw mode, with
 * {@code -1} + errno turned into an {@link ErrnoException} naming the call.
 */
public final class Terminals {

    private static final int PTS_NAME_MAX = 128;

    private Terminals() {
    }

    /**
     * A new pseudo-terminal: its master (O_CLOEXEC, never a controlling terminal of the JVM)
     * and the host path of its slave.
     *
     * @param master the master descriptor, owned by the caller
     * @param slavePath the slave's path, e.g. {@code /dev/pts/3}
     */
    public record Pty(int master, String slavePath) {
    }

    /** {@code posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC)}, {@code grantpt}, {@code unlockpt}, {@code ptsname_r}. */
    public static Pty openPty() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment err = arena.allocate(ERRNO_STATE_LAYOUT);
            int master = stdlib_h.posix_openpt(err, fcntl_h.O_RDWR() | fcntl_h.O_NOCTTY() | fcntl_h.O_CLOEXEC());
            if (master < 0) {
                throw new ErrnoException("posix_openpt", "/dev/ptmx", errno(err));
            }
            try {
                if (stdlib_h.grantpt(err, master) != 0) {
                    throw new ErrnoException("grantpt", "fd " + master, errno(err));
                }
                if (stdlib_h.unlockpt(err, master) != 0) {
                    throw new ErrnoException("unlockpt", "fd " + master, errno(err));
                }
                MemorySegment name = arena.allocate(PTS_NAME_MAX);
                int rc = stdlib_h.ptsname_r(master, name, PTS_NAME_MAX);
                if (rc != 0) {
                    throw new ErrnoException("ptsname_r", "fd " + master, rc);
                }
                return new Pty(master, name.getString(0, StandardCharsets.UTF_8));
            } catch (ErrnoException e) {
                Libc.closeAll(master);
                throw e;
            }
        }
    }

    /**
     * Unlocks the pseudo-terminal of {@code master} and opens its slave through the master
     * ({@code TIOCGPTPEER}, O_RDWR | O_NOCTTY | O_CLOEXEC): no path lookup, so the slave is the
     * one of the devpts instance the master came from.
     */
    public static int openPeer(int master) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment err = arena.allocate(ERRNO_STATE_LAYOUT);
            if (stdlib_h.unlockpt(err, master) != 0) {
                throw new ErrnoException("unlockpt", "fd " + master, errno(err));
            }
            int flags = fcntl_h.O_RDWR() | fcntl_h.O_NOCTTY() | fcntl_h.O_CLOEXEC();
            int slave = sys_ioctl_h.ioctl(err, master, sys_ioctl_h.TIOCGPTPEER(), MemorySegment.ofAddress(flags));
            if (slave < 0) {
                throw new ErrnoException("ioctl", "TIOCGPTPEER fd " + master, errno(err));
            }
            return slave;
        }
    }

    /** {@code ioctl(fd, TIOCSWINSZ)}: the terminal's size in character cells. */
    public static void setWindowSize(int fd, int columns, int rows) {
        if (columns < 0 || columns > 0xffff || rows < 0 || rows > 0xffff) {
            throw new IllegalArgumentException("window size out of range: " + columns + "x" + rows);
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment err = arena.allocate(ERRNO_STATE_LAYOUT);
            MemorySegment ws = winsize.allocate(arena);
            winsize.ws_col(ws, (short) columns);
            winsize.ws_row(ws, (short) rows);
            if (sys_ioctl_h.ioctl(err, fd, sys_ioctl_h.TIOCSWINSZ(), ws) != 0) {
                throw new ErrnoException("ioctl", "TIOCSWINSZ fd " + fd, errno(err));
            }
        }
    }

    /** {@code ioctl(fd, TIOCGWINSZ)}; returns {columns, rows}. */
    public static int[] windowSize(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment err = arena.allocate(ERRNO_STATE_LAYOUT);
            MemorySegment ws = winsize.allocate(arena);
            if (sys_ioctl_h.ioctl(err, fd, sys_ioctl_h.TIOCGWINSZ(), ws) != 0) {
                throw new ErrnoException("ioctl", "TIOCGWINSZ fd " + fd, errno(err));
            }
            return new int[] {Short.toUnsignedInt(winsize.ws_col(ws)), Short.toUnsignedInt(winsize.ws_row(ws))};
        }
    }

    /** {@code isatty(fd)}. */
    public static boolean isTerminal(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            return unistd_h.isatty(arena.allocate(ERRNO_STATE_LAYOUT), fd) == 1;
        }
    }

    /**
     * Puts the terminal on {@code fd} in raw mode ({@code cfmakeraw}) and returns its previous
     * settings for {@link #restore}.
     */
    public static byte[] makeRaw(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment err = arena.allocate(ERRNO_STATE_LAYOUT);
            MemorySegment t = getattr(arena, err, fd);
            byte[] saved = t.toArray(ValueLayout.JAVA_BYTE);
            termios_h.cfmakeraw(t);
            setattr(err, fd, t);
            return saved;
        }
    }

    /** Restores settings returned by {@link #makeRaw}. */
    public static void restore(int fd, byte[] saved) {
        if (saved.length != termios.sizeof()) {
            throw new IllegalArgumentException("not a saved termios: " + saved.length + " bytes");
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment t = termios.allocate(arena);
            MemorySegment.copy(saved, 0, t, ValueLayout.JAVA_BYTE, 0, saved.length);
            setattr(arena.allocate(ERRNO_STATE_LAYOUT), fd, t);
        }
    }

    /** The terminal's local mode flags ({@code c_lflag}: {@code ICANON}, {@code ECHO}, ...). */
    public static int localFlags(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            return termios.c_lflag(getattr(arena, arena.allocate(ERRNO_STATE_LAYOUT), fd));
        }
    }

    private static MemorySegment getattr(Arena arena, MemorySegment err, int fd) {
        MemorySegment t = termios.allocate(arena);
        if (termios_h.tcgetattr(err, fd, t) != 0) {
            throw new ErrnoException("tcgetattr", "fd " + fd, errno(err));
        }
        return t;
    }

    private static void setattr(MemorySegment err, int fd, MemorySegment t) {
        while (termios_h.tcsetattr(err, fd, termios_h.TCSANOW(), t) != 0) {
            if (errno(err) != Errno.EINTR) {
                throw new ErrnoException("tcsetattr", "fd " + fd, errno(err));
            }
        }
    }
}

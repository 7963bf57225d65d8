package io.sixcontainer.ffi;

import static io.sixcontainer.ffi.libc.libc_h$shared.ERRNO_STATE_LAYOUT;
import static io.sixcontainer.ffi.libc.libc_h$shared.errno;

import io.sixcontainer.ffi.libc.sockaddr_in;
import io.sixcontainer.ffi.libc.sockaddr_nl;
import io.sixcontainer.ffi.libc.sys_socket_h;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The socket calls a netlink client needs (open a netlink socket, set an option, send a
 * datagram to the kernel and receive one from it) and those that reserve a host port (an IPv4
 * socket bound, never listening). Failures are {@link ErrnoException}s.
 */
public final class Sockets {

    private Sockets() {
    }

    /** {@code socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, protocol)}, in the calling thread's network namespace. */
    public static int netlinkSocket(int protocol) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment err = arena.allocate(ERRNO_STATE_LAYOUT);
            int fd = sys_socket_h.socket(err, sys_socket_h.AF_NETLINK(),
                    sys_socket_h.SOCK_RAW() | sys_socket_h.SOCK_CLOEXEC(), protocol);
            if (fd < 0) {
                throw new ErrnoException("socket", "AF_NETLINK, protocol " + protocol, errno(err));
            }
            return fd;
        }
    }

    /**
     * {@code setsockopt(fd, level, option, &value, sizeof(int))}.
     *
     * @param name the option's name, for the error message
     */
    public static void setIntOption(int fd, int level, int option, int value, String name) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment err = arena.allocate(ERRNO_STATE_LAYOUT);
            MemorySegment v = arena.allocateFrom(ValueLayout.JAVA_INT, value);
            if (sys_socket_h.setsockopt(err, fd, level, option, v, Integer.BYTES) != 0) {
                throw new ErrnoException("setsockopt", name + ", fd " + fd, errno(err));
            }
        }
    }

    /** Sends {@code msg} as one datagram to the kernel (netlink port 0), retrying on EINTR. */
    public static void sendToKernel(int fd, byte[] msg) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment err = arena.allocate(ERRNO_STATE_LAYOUT);
            MemorySegment buf = arena.allocateFrom(ValueLayout.JAVA_BYTE, msg);
            MemorySegment to = sockaddr_nl.allocate(arena);
            sockaddr_nl.nl_family(to, (short) sys_socket_h.AF_NETLINK());
            int toLen = (int) sockaddr_nl.layout().byteSize();
            while (sys_socket_h.sendto(err, fd, buf, msg.length, 0, to, toLen) < 0) {
                if (errno(err) != Errno.EINTR) {
                    throw new ErrnoException("sendto", "netlink fd " + fd, errno(err));
                }
            }
        }
    }

    /**
     * Receives the next datagram the kernel sent (port 0), whatever its size: its length is
     * peeked first, so a large answer is never cut short. Datagrams from another sender are
     * dropped. Blocks until one arrives; retries on EINTR.
     */
    public static byte[] receiveFromKernel(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment err = arena.allocate(ERRNO_STATE_LAYOUT);
            MemorySegment from = sockaddr_nl.allocate(arena);
            MemorySegment fromLen = arena.allocate(ValueLayout.JAVA_INT);
            MemorySegment probe = arena.allocate(1);
            while (true) {
                // MSG_TRUNC makes recvfrom return the datagram's real length, not what fit.
                long size = recv(err, fd, probe, 1, sys_socket_h.MSG_PEEK() | sys_socket_h.MSG_TRUNC(), from, fromLen);
                MemorySegment buf = arena.allocate(Math.max(1, size));
                long n = recv(err, fd, buf, size, 0, from, fromLen);
                if (sockaddr_nl.nl_pid(from) == 0) {
                    return buf.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE);
                }
            }
        }
    }

    private static long recv(MemorySegment err, int fd, MemorySegment buf, long len, int flags,
            MemorySegment from, MemorySegment fromLen) {
        while (true) {
            fromLen.set(ValueLayout.JAVA_INT, 0, (int) sockaddr_nl.layout().byteSize());
            long n = sys_socket_h.recvfrom(err, fd, buf, len, flags, from, fromLen);
            if (n >= 0) {
                return n;
            }
            if (errno(err) != Errno.EINTR) {
                throw new ErrnoException("recvfrom", "netlink fd " + fd, errno(err));
            }
        }
    }

    /**
     * An IPv4 TCP ({@code stream}) or UDP socket bound to {@code address:port} and not listening,
     * close-on-exec: while it is open, no one else can bind that port. Port 0 takes a free one
     * ({@link #boundPort} tells which).
     *
     * @param address the four address bytes, or all zeros for every address of the host
     */
    public static int bindInet(boolean stream, byte[] address, int port) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment err = arena.allocate(ERRNO_STATE_LAYOUT);
            String what = (stream ? "tcp " : "udp ") + dotted(address) + ":" + port;
            int type = (stream ? sys_socket_h.SOCK_STREAM() : sys_socket_h.SOCK_DGRAM()) | sys_socket_h.SOCK_CLOEXEC();
            int fd = sys_socket_h.socket(err, sys_socket_h.AF_INET(), type, 0);
            if (fd < 0) {
                throw new ErrnoException("socket", what, errno(err));
            }
            MemorySegment sa = sockaddr_in.allocate(arena);
            sockaddr_in.sin_family(sa, (short) sys_socket_h.AF_INET());
            sockaddr_in.sin_port(sa, port);
            sockaddr_in.sin_addr(sa, address);
            if (sys_socket_h.bind(err, fd, sa, (int) sockaddr_in.layout().byteSize()) != 0) {
                int e = errno(err);
                Libc.closeAll(fd);
                throw new ErrnoException("bind", what, e);
            }
            return fd;
        }
    }

    /** The local port an IPv4 socket is bound to. */
    public static int boundPort(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment err = arena.allocate(ERRNO_STATE_LAYOUT);
            MemorySegment sa = sockaddr_in.allocate(arena);
            MemorySegment len = arena.allocateFrom(ValueLayout.JAVA_INT, (int) sockaddr_in.layout().byteSize());
            if (sys_socket_h.getsockname(err, fd, sa, len) != 0) {
                throw new ErrnoException("getsockname", "fd " + fd, errno(err));
            }
            return sockaddr_in.sin_port(sa);
        }
    }

    private static String dotted(byte[] a) {
        return (a[0] & 0xff) + "." + (a[1] & 0xff) + "." + (a[2] & 0xff) + "." + (a[3] & 0xff);
    }
}

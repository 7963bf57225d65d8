// Generated in jextract's layout from <sys/socket.h> (sixcontainer-native/jextract/README.md); errno capture added by hand.
package io.sixcontainer.ffi.libc;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/** Bindings for {@code <sys/socket.h>}: the calls and constants a netlink socket and a reserved port need. */
@SuppressWarnings({"unused", "checkstyle:TypeName"})
public final class sys_socket_h extends libc_h$shared {

    private sys_socket_h() {
    }

    private static final int AF_NETLINK = 16;

    /** {@snippet lang=c : #define AF_NETLINK 16} */
    public static int AF_NETLINK() {
        return AF_NETLINK;
    }

    private static final int SOCK_RAW = 3;

    /** {@snippet lang=c : #define SOCK_RAW 3} */
    public static int SOCK_RAW() {
        return SOCK_RAW;
    }

    private static final int SOCK_CLOEXEC = 524288;

    /** {@snippet lang=c : #define SOCK_CLOEXEC 524288} */
    public static int SOCK_CLOEXEC() {
        return SOCK_CLOEXEC;
    }

    private static final int SOL_SOCKET = 1;

    /** {@snippet lang=c : #define SOL_SOCKET 1} */
    public static int SOL_SOCKET() {
        return SOL_SOCKET;
    }

    private static final int SO_RCVBUF = 8;

    /** {@snippet lang=c : #define SO_RCVBUF 8} */
    public static int SO_RCVBUF() {
        return SO_RCVBUF;
    }

    private static final int SOL_NETLINK = 270;

    /** {@snippet lang=c : #define SOL_NETLINK 270} */
    public static int SOL_NETLINK() {
        return SOL_NETLINK;
    }

    private static final int MSG_PEEK = 2;

    /** {@snippet lang=c : #define MSG_PEEK 2} */
    public static int MSG_PEEK() {
        return MSG_PEEK;
    }

    private static final int MSG_TRUNC = 32;

    /** {@snippet lang=c : #define MSG_TRUNC 32} */
    public static int MSG_TRUNC() {
        return MSG_TRUNC;
    }

    private static final int AF_INET = 2;

    /** {@snippet lang=c : #define AF_INET 2} */
    public static int AF_INET() {
        return AF_INET;
    }

    private static final int SOCK_STREAM = 1;

    /** {@snippet lang=c : #define SOCK_STREAM 1} */
    public static int SOCK_STREAM() {
        return SOCK_STREAM;
    }

    private static final int SOCK_DGRAM = 2;

    /** {@snippet lang=c : #define SOCK_DGRAM 2} */
    public static int SOCK_DGRAM() {
        return SOCK_DGRAM;
    }

    private static final class socket {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT, C_INT, C_INT);
        static final MemorySegment ADDR = findOrThrow("socket");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC, CAPTURE_ERRNO);
    }

    /** Function descriptor for {@code socket}. */
    public static FunctionDescriptor socket$descriptor() {
        return socket.DESC;
    }

    /** Downcall method handle for {@code socket}. */
    public static MethodHandle socket$handle() {
        return socket.HANDLE;
    }

    /** Address of {@code socket}. */
    public static MemorySegment socket$address() {
        return socket.ADDR;
    }

    /**
     * {@snippet lang=c : int socket(int domain, int type, int protocol) }
     * errno is captured into {@code errnoState} (see {@link #ERRNO_STATE_LAYOUT}).
     */
    public static int socket(MemorySegment errnoState, int domain, int type, int protocol) {
        try {
            return (int) socket.HANDLE.invokeExact(errnoState, domain, type, protocol);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class setsockopt {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT, C_INT, C_INT, C_POINTER, C_INT);
        static final MemorySegment ADDR = findOrThrow("setsockopt");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC, CAPTURE_ERRNO);
    }

    /** Function descriptor for {@code setsockopt}. */
    public static FunctionDescriptor setsockopt$descriptor() {
        return setsockopt.DESC;
    }

    /** Downcall method handle for {@code setsockopt}. */
    public static MethodHandle setsockopt$handle() {
        return setsockopt.HANDLE;
    }

    /** Address of {@code setsockopt}. */
    public static MemorySegment setsockopt$address() {
        return setsockopt.ADDR;
    }

    /**
     * {@snippet lang=c : int setsockopt(int fd, int level, int optname, const void *optval, socklen_t optlen) }
     * errno is captured into {@code errnoState} (see {@link #ERRNO_STATE_LAYOUT}).
     */
    public static int setsockopt(MemorySegment errnoState, int fd, int level, int optname, MemorySegment optval, int optlen) {
        try {
            return (int) setsockopt.HANDLE.invokeExact(errnoState, fd, level, optname, optval, optlen);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class sendto {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_LONG, C_INT, C_POINTER, C_LONG, C_INT, C_POINTER, C_INT);
        static final MemorySegment ADDR = findOrThrow("sendto");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC, CAPTURE_ERRNO);
    }

    /** Function descriptor for {@code sendto}. */
    public static FunctionDescriptor sendto$descriptor() {
        return sendto.DESC;
    }

    /** Downcall method handle for {@code sendto}. */
    public static MethodHandle sendto$handle() {
        return sendto.HANDLE;
    }

    /** Address of {@code sendto}. */
    public static MemorySegment sendto$address() {
        return sendto.ADDR;
    }

    /**
     * {@snippet lang=c : ssize_t sendto(int fd, const void *buf, size_t len, int flags, const struct sockaddr *addr, socklen_t addrlen) }
     * errno is captured into {@code errnoState} (see {@link #ERRNO_STATE_LAYOUT}).
     */
    public static long sendto(MemorySegment errnoState, int fd, MemorySegment buf, long len, int flags, MemorySegment addr, int addrlen) {
        try {
            return (long) sendto.HANDLE.invokeExact(errnoState, fd, buf, len, flags, addr, addrlen);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class recvfrom {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_LONG, C_INT, C_POINTER, C_LONG, C_INT, C_POINTER, C_POINTER);
        static final MemorySegment ADDR = findOrThrow("recvfrom");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC, CAPTURE_ERRNO);
    }

    /** Function descriptor for {@code recvfrom}. */
    public static FunctionDescriptor recvfrom$descriptor() {
        return recvfrom.DESC;
    }

    /** Downcall method handle for {@code recvfrom}. */
    public static MethodHandle recvfrom$handle() {
        return recvfrom.HANDLE;
    }

    /** Address of {@code recvfrom}. */
    public static MemorySegment recvfrom$address() {
        return recvfrom.ADDR;
    }

    /**
     * {@snippet lang=c : ssize_t recvfrom(int fd, void *buf, size_t len, int flags, struct sockaddr *addr, socklen_t *addrlen) }
     * errno is captured into {@code errnoState} (see {@link #ERRNO_STATE_LAYOUT}).
     */
    public static long recvfrom(MemorySegment errnoState, int fd, MemorySegment buf, long len, int flags, MemorySegment addr, MemorySegment addrlen) {
        try {
            return (long) recvfrom.HANDLE.invokeExact(errnoState, fd, buf, len, flags, addr, addrlen);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class bind {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_INT);
        static final MemorySegment ADDR = findOrThrow("bind");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC, CAPTURE_ERRNO);
    }

    /** Function descriptor for {@code bind}. */
    public static FunctionDescriptor bind$descriptor() {
        return bind.DESC;
    }

    /** Downcall method handle for {@code bind}. */
    public static MethodHandle bind$handle() {
        return bind.HANDLE;
    }

    /** Address of {@code bind}. */
    public static MemorySegment bind$address() {
        return bind.ADDR;
    }

    /**
     * {@snippet lang=c : int bind(int fd, const struct sockaddr *addr, socklen_t len) }
     * errno is captured into {@code errnoState} (see {@link #ERRNO_STATE_LAYOUT}).
     */
    public static int bind(MemorySegment errnoState, int fd, MemorySegment addr, int len) {
        try {
            return (int) bind.HANDLE.invokeExact(errnoState, fd, addr, len);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class getsockname {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_POINTER);
        static final MemorySegment ADDR = findOrThrow("getsockname");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC, CAPTURE_ERRNO);
    }

    /** Function descriptor for {@code getsockname}. */
    public static FunctionDescriptor getsockname$descriptor() {
        return getsockname.DESC;
    }

    /** Downcall method handle for {@code getsockname}. */
    public static MethodHandle getsockname$handle() {
        return getsockname.HANDLE;
    }

    /** Address of {@code getsockname}. */
    public static MemorySegment getsockname$address() {
        return getsockname.ADDR;
    }

    /**
     * {@snippet lang=c : int getsockname(int fd, struct sockaddr *addr, socklen_t *len) }
     * errno is captured into {@code errnoState} (see {@link #ERRNO_STATE_LAYOUT}).
     */
    public static int getsockname(MemorySegment errnoState, int fd, MemorySegment addr, MemorySegment len) {
        try {
            return (int) getsockname.HANDLE.invokeExact(errnoState, fd, addr, len);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }
}

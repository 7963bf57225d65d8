package io.sixcontainer.ffi;

import io.sixcontainer.ffi.libc.string_h;
import java.lang.foreign.MemorySegment;

/** Names and descriptions of errno values, from glibc's thread-safe tables. */
public final class Errno {

    /** No such file or directory. */
    public static final int ENOENT = 2;
    /** No such process. */
    public static final int ESRCH = 3;
    /** Interrupted system call. */
    public static final int EINTR = 4;
    /** I/O error (also: reading a pty master whose slave is closed everywhere). */
    public static final int EIO = 5;
    /** Exec format error. */
    public static final int ENOEXEC = 8;
    /** No child processes. */
    public static final int ECHILD = 10;
    /** Try again. */
    public static final int EAGAIN = 11;
    /** Permission denied. */
    public static final int EACCES = 13;
    /** File exists. */
    public static final int EEXIST = 17;
    /** No such device (also: no network interface of that name or index). */
    public static final int ENODEV = 19;
    /** Invalid argument. */
    public static final int EINVAL = 22;
    /** No space left on device (also: a bpf log or id buffer too small). */
    public static final int ENOSPC = 28;
    /** Broken pipe. */
    public static final int EPIPE = 32;
    /** Result too large (a buffer too small for an xattr value). */
    public static final int ERANGE = 34;
    /** No data available (no such extended attribute). */
    public static final int ENODATA = 61;
    /** Protocol not available (a socket option this kernel does not know). */
    public static final int ENOPROTOOPT = 92;
    /** Address already in use (a port someone else has bound). */
    public static final int EADDRINUSE = 98;
    /** Cannot assign requested address (an address that is none of this host's). */
    public static final int EADDRNOTAVAIL = 99;
    /** Connection timed out (also: no answer in time). */
    public static final int ETIMEDOUT = 110;

    private Errno() {
    }

    /** The symbolic name, e.g. {@code EINVAL}; {@code errno N} when glibc knows none. */
    public static String name(int errno) {
        return cString(string_h.strerrorname_np(errno), "errno " + errno);
    }

    /** The description, e.g. {@code Invalid argument}. */
    public static String description(int errno) {
        return cString(string_h.strerrordesc_np(errno), "Unknown error " + errno);
    }

    private static String cString(MemorySegment ptr, String fallback) {
        return ptr.equals(MemorySegment.NULL) ? fallback : ptr.reinterpret(256).getString(0);
    }
}

// Generated in jextract's layout from <string.h> (sixcontainer-native/jextract/README.md); errno capture added by hand.
package io.sixcontainer.ffi.libc;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/** Bindings for {@code <string.h>}. */
@SuppressWarnings({"unused", "checkstyle:TypeName"})
public final class string_h extends libc_h$shared {

    private string_h() {
    }

    private static final class strerrordesc_np {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_POINTER, C_INT);
        static final MemorySegment ADDR = findOrThrow("strerrordesc_np");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
    }

    /** Function descriptor for {@code strerrordesc_np}. */
    public static FunctionDescriptor strerrordesc_np$descriptor() {
        return strerrordesc_np.DESC;
    }

    /** Downcall method handle for {@code strerrordesc_np}. */
    public static MethodHandle strerrordesc_np$handle() {
        return strerrordesc_np.HANDLE;
    }

    /** Address of {@code strerrordesc_np}. */
    public static MemorySegment strerrordesc_np$address() {
        return strerrordesc_np.ADDR;
    }

    /**
     * {@snippet lang=c : const char *strerrordesc_np(int errnum) }
     */
    public static MemorySegment strerrordesc_np(int errnum) {
        try {
            return (MemorySegment) strerrordesc_np.HANDLE.invokeExact(errnum);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class strerrorname_np {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_POINTER, C_INT);
        static final MemorySegment ADDR = findOrThrow("strerrorname_np");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
    }

    /** Function descriptor for {@code strerrorname_np}. */
    public static FunctionDescriptor strerrorname_np$descriptor() {
        return strerrorname_np.DESC;
    }

    /** Downcall method handle for {@code strerrorname_np}. */
    public static MethodHandle strerrorname_np$handle() {
        return strerrorname_np.HANDLE;
    }

    /** Address of {@code strerrorname_np}. */
    public static MemorySegment strerrorname_np$address() {
        return strerrorname_np.ADDR;
    }

    /**
     * {@snippet lang=c : const char *strerrorname_np(int errnum) }
     */
    public static MemorySegment strerrorname_np(int errnum) {
        try {
            return (MemorySegment) strerrorname_np.HANDLE.invokeExact(errnum);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

}

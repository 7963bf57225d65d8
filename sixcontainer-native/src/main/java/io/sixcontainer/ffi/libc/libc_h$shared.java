package io.sixcontainer.ffi.libc;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * What jextract puts in every generated header class: the C scalar layouts, the symbol
 * lookup, and (written by hand, jextract cannot generate it) the errno capture option.
 */
public class libc_h$shared {

    libc_h$shared() {
        // jextract generates a package-private constructor; the headers extend this class
    }

    public static final ValueLayout.OfBoolean C_BOOL = ValueLayout.JAVA_BOOLEAN;
    public static final ValueLayout.OfByte C_CHAR = ValueLayout.JAVA_BYTE;
    public static final ValueLayout.OfShort C_SHORT = ValueLayout.JAVA_SHORT;
    public static final ValueLayout.OfInt C_INT = ValueLayout.JAVA_INT;
    public static final ValueLayout.OfLong C_LONG = ValueLayout.JAVA_LONG;
    public static final ValueLayout.OfLong C_LONG_LONG = ValueLayout.JAVA_LONG;
    public static final AddressLayout C_POINTER = ValueLayout.ADDRESS
            .withTargetLayout(MemoryLayout.sequenceLayout(Long.MAX_VALUE, ValueLayout.JAVA_BYTE));

    static final Linker LINKER = Linker.nativeLinker();
    static final SymbolLookup SYMBOL_LOOKUP = LINKER.defaultLookup();

    // Hand-written: errno must be read in the same downcall that set it, so every call that
    // can fail takes a per-call capture segment (never a shared global).
    static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");

    /** The layout of the capture segment that {@code captureCallState("errno")} fills. */
    public static final StructLayout ERRNO_STATE_LAYOUT = Linker.Option.captureStateLayout();

    private static final VarHandle ERRNO_HANDLE =
            ERRNO_STATE_LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    /** Reads errno from a capture segment filled by an errno-capturing downcall. */
    public static int errno(MemorySegment captureState) {
        return (int) ERRNO_HANDLE.get(captureState, 0L);
    }

    static MemorySegment findOrThrow(String symbol) {
        return SYMBOL_LOOKUP.find(symbol)
                .orElseThrow(() -> new UnsatisfiedLinkError("unresolved symbol: " + symbol));
    }

    static MethodHandle downcall(String symbol, java.lang.foreign.FunctionDescriptor desc, boolean captureErrno) {
        MemorySegment addr = findOrThrow(symbol);
        return captureErrno
                ? LINKER.downcallHandle(addr, desc, CAPTURE_ERRNO)
                : LINKER.downcallHandle(addr, desc);
    }
}

// Generated in jextract's layout from <sys/syscall.h> and <unistd.h> (sixcontainer-native/jextract/README.md);
// errno capture and the per-architecture numbers added by hand.
package io.sixcontainer.ffi.libc;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * Bindings for {@code <sys/syscall.h>}: the system call numbers libc has no wrapper for, and
 * {@code syscall(2)} itself (declared in {@code <unistd.h>}; kept here beside the numbers it takes).
 */
@SuppressWarnings({"unused", "checkstyle:TypeName"})
public final class sys_syscall_h extends libc_h$shared {

    private sys_syscall_h() {
    }

    /**
     * {@snippet lang=c : #define SYS_bpf __NR_bpf}
     * 321 on x86_64, 280 on aarch64 (the generic table); jextract would fix one of them.
     */
    public static long SYS_bpf() {
        return switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> 321;
            case "aarch64" -> 280;
            default -> throw new UnsupportedOperationException("no bpf(2) number for " + System.getProperty("os.arch"));
        };
    }

    /**
     * Variadic invoker for {@snippet lang=c : long syscall(long number, ...) }, as jextract
     * generates one for a variadic function: {@link #makeInvoker} binds one shape of the
     * variadic arguments. errno is captured into the first argument of {@link #apply}.
     */
    public static final class syscall {

        private static final FunctionDescriptor BASE_DESC = FunctionDescriptor.of(C_LONG, C_LONG);
        private static final MemorySegment ADDR = findOrThrow("syscall");

        private final MethodHandle handle;
        private final FunctionDescriptor descriptor;
        private final MethodHandle spreader;

        private syscall(MethodHandle handle, FunctionDescriptor descriptor, MethodHandle spreader) {
            this.handle = handle;
            this.descriptor = descriptor;
            this.spreader = spreader;
        }

        /**
         * An invoker whose variadic arguments have {@code layouts} (promoted types: pass
         * {@code C_LONG} for integers, {@code C_POINTER} for pointers).
         */
        public static syscall makeInvoker(MemoryLayout... layouts) {
            FunctionDescriptor desc = BASE_DESC.appendArgumentLayouts(layouts);
            MethodHandle mh = LINKER.downcallHandle(ADDR, desc, Linker.Option.firstVariadicArg(1), CAPTURE_ERRNO);
            return new syscall(mh, desc, mh.asSpreader(Object[].class, layouts.length));
        }

        /** Downcall method handle of this shape (its first argument is the errno capture segment). */
        public MethodHandle handle() {
            return handle;
        }

        /** Function descriptor of this shape. */
        public FunctionDescriptor descriptor() {
            return descriptor;
        }

        /**
         * Calls {@code syscall(number, args...)}; errno is captured into {@code errnoState}
         * (see {@link #ERRNO_STATE_LAYOUT}).
         */
        public long apply(MemorySegment errnoState, long number, Object... args) {
            try {
                return (long) spreader.invokeExact(errnoState, number, args);
            } catch (IllegalArgumentException | ClassCastException ex$) {
                throw ex$;
            } catch (Throwable ex$) {
                throw new AssertionError("should not reach here", ex$);
            }
        }
    }
}

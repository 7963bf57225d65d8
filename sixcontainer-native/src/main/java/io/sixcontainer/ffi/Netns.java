package io.sixcontainer.ffi;

import static io.sixcontainer.ffi.libc.libc_h$shared.ERRNO_STATE_LAYOUT;
import static io.sixcontainer.ffi.libc.libc_h$shared.errno;

import io.sixcontainer.ffi.libc.sched_h;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.function.Supplier;

/**
 * Network namespaces: {@code setns(2)}, and running a piece of code with its calling thread
 * in another network namespace, for what keeps the namespace it was created in (a socket).
 */
public final class Netns {

    private Netns() {
    }

    /** {@code setns(fd, nstype)}. */
    public static void setns(int fd, int nstype) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment err = arena.allocate(ERRNO_STATE_LAYOUT);
            if (sched_h.setns(err, fd, nstype) != 0) {
                throw new ErrnoException("setns", "fd " + fd + ", nstype " + nstype, errno(err));
            }
        }
    }

    /**
     * Runs {@code action} on a new platform thread that first joins the network namespace
     * {@code netnsFd} refers to, and returns its result (or rethrows what it threw). The
     * thread ends afterwards and is never reused, so no other code ever runs in that
     * namespace by accident, whatever failed. The calling thread waits uninterruptibly, so a
     * result (a descriptor) is never left behind with nobody to close it; its interrupt
     * status is kept.
     */
    public static <T> T callIn(int netnsFd, Supplier<T> action) {
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        // A platform thread, not a virtual one: setns changes the OS thread, and a virtual
        // thread can move between OS threads.
        Thread worker = Thread.ofPlatform().name("sixc-netns").daemon().unstarted(() -> {
            try {
                setns(netnsFd, sched_h.CLONE_NEWNET());
                result[0] = action.get();
            } catch (Throwable t) {
                failure[0] = t;
            }
        });
        worker.start();
        boolean interrupted = false;
        while (true) {
            try {
                worker.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure[0] instanceof RuntimeException e) {
            throw e;
        }
        if (failure[0] instanceof Error e) {
            throw e;
        }
        if (failure[0] != null) {
            throw new IllegalStateException(failure[0]);
        }
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }
}

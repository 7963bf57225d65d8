package io.sixcontainer.ffi;

import io.sixcontainer.ffi.libc.fcntl_h;
import io.sixcontainer.ffi.libc.signal_h;
import io.sixcontainer.ffi.libc.spawn_h;
import io.sixcontainer.ffi.libc.sys_mman_h;
import io.sixcontainer.ffi.libc.sys_wait_h;
import io.sixcontainer.ffi.libc.unistd_h;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Makes the downcall handles a container launch uses on a background thread, once per JVM.
 * In a fresh JVM each distinct function shape costs ~10 ms the first time (the linker
 * generates and loads a class for it; the JDK's AOT cache cannot keep those), ~130 ms for a
 * launch's twenty functions, all on the launching thread. Made here while that thread opens
 * the runtime and builds the container's spec, they cost it nothing on a machine with a
 * spare core. A handle the launching thread reaches first it simply makes itself (class
 * initialisation is once and thread-safe).
 */
public final class DowncallWarmup {

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private DowncallWarmup() {
    }

    /** Starts making the launch path's downcall handles in the background, unless already started. */
    public static void startOnce() {
        if (STARTED.compareAndSet(false, true)) {
            Thread.ofPlatform().daemon().name("sixc-downcall-warmup").start(DowncallWarmup::makeHandles);
        }
    }

    // In the order a launch first calls them.
    private static void makeHandles() {
        try {
            unistd_h.geteuid$handle();
            fcntl_h.open$handle();
            unistd_h.close$handle();
            unistd_h.pipe2$handle();
            sys_mman_h.memfd_create$handle();
            unistd_h.write$handle();
            fcntl_h.fcntl$handle();
            signal_h.sigemptyset$handle();
            signal_h.sigfillset$handle();
            spawn_h.posix_spawnattr_init$handle();
            spawn_h.posix_spawnattr_setflags$handle();
            spawn_h.posix_spawnattr_setsigmask$handle();
            spawn_h.posix_spawnattr_setsigdefault$handle();
            spawn_h.posix_spawn_file_actions_init$handle();
            spawn_h.posix_spawn_file_actions_adddup2$handle();
            spawn_h.posix_spawn$handle();
            spawn_h.posix_spawn_file_actions_destroy$handle();
            spawn_h.posix_spawnattr_destroy$handle();
            unistd_h.read$handle();
            sys_wait_h.waitpid$handle();
        } catch (Throwable e) {
            // Nothing to do: the launch's own call of that function reports the failure.
        }
    }
}

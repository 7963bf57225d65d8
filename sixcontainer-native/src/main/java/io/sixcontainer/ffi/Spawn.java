package io.sixcontainer.ffi;

import io.sixcontainer.ffi.libc.libc_h$shared;
import io.sixcontainer.ffi.libc.posix_spawn_file_actions_t;
import io.sixcontainer.ffi.libc.posix_spawnattr_t;
import io.sixcontainer.ffi.libc.sigset_t;
import io.sixcontainer.ffi.libc.signal_h;
import io.sixcontainer.ffi.libc.spawn_h;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.SortedMap;

/**
 * Starts a process with {@code posix_spawn}, handing it an exact descriptor table.
 * ProcessBuilder cannot place a pipe at fd 3 or keep a lifeline; posix_spawn (vfork-like
 * in glibc) is safe to call from a multi-threaded JVM, unlike fork.
 */
public final class Spawn {

    private Spawn() {
    }

    /**
     * Spawns {@code path} with {@code argv} and an empty environment.
     *
     * @param fds        child descriptor number to the parent descriptor it becomes a copy of;
     *                   every other descriptor the child inherits is CLOEXEC or is closed by
     *                   the child itself
     * @param newSession whether the child calls {@code setsid}
     * @return the child's pid
     */
    public static int spawn(String path, List<String> argv, SortedMap<Integer, Integer> fds, boolean newSession) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment actions = posix_spawn_file_actions_t.allocate(arena);
            check("posix_spawn_file_actions_init", path, spawn_h.posix_spawn_file_actions_init(actions));
            try {
                addDescriptorMoves(actions, fds, path);
                MemorySegment attr = posix_spawnattr_t.allocate(arena);
                check("posix_spawnattr_init", path, spawn_h.posix_spawnattr_init(attr));
                try {
                    configureSignals(arena, attr, path, newSession);
                    MemorySegment pid = arena.allocate(ValueLayout.JAVA_INT);
                    check("posix_spawn", path, spawn_h.posix_spawn(
                            pid, arena.allocateFrom(path), actions, attr,
                            cStringArray(arena, argv), cStringArray(arena, List.of())));
                    return pid.get(ValueLayout.JAVA_INT, 0);
                } finally {
                    spawn_h.posix_spawnattr_destroy(attr);
                }
            } finally {
                spawn_h.posix_spawn_file_actions_destroy(actions);
            }
        }
    }

    // Two passes: each source is first copied above every source, then onto its target,
    // so that a target number equal to another source's number cannot clobber it.
    private static void addDescriptorMoves(MemorySegment actions, SortedMap<Integer, Integer> fds, String path) {
        // A sealed executable's descriptor must survive until execve as well.
        int highest = Math.max(fds.values().stream().mapToInt(Integer::intValue).max().orElse(0),
                SealedExecutable.descriptorOf(path));
        int scratch = highest + fds.lastKey() + 1;
        int i = 0;
        for (int source : fds.values()) {
            check("posix_spawn_file_actions_adddup2", path,
                    spawn_h.posix_spawn_file_actions_adddup2(actions, source, scratch + i++));
        }
        i = 0;
        for (int target : fds.keySet()) {
            check("posix_spawn_file_actions_adddup2", path,
                    spawn_h.posix_spawn_file_actions_adddup2(actions, scratch + i++, target));
        }
    }

    // The JVM blocks and handles signals its own way; the helper starts with none blocked
    // and every disposition at its default.
    private static void configureSignals(Arena arena, MemorySegment attr, String path, boolean newSession) {
        MemorySegment err = arena.allocate(libc_h$shared.ERRNO_STATE_LAYOUT);
        MemorySegment empty = sigset_t.allocate(arena);
        MemorySegment all = sigset_t.allocate(arena);
        if (signal_h.sigemptyset(err, empty) != 0 || signal_h.sigfillset(err, all) != 0) {
            throw new ErrnoException("sigemptyset", path, libc_h$shared.errno(err));
        }
        check("posix_spawnattr_setsigmask", path, spawn_h.posix_spawnattr_setsigmask(attr, empty));
        check("posix_spawnattr_setsigdefault", path, spawn_h.posix_spawnattr_setsigdefault(attr, all));
        int flags = spawn_h.POSIX_SPAWN_SETSIGMASK() | spawn_h.POSIX_SPAWN_SETSIGDEF();
        if (newSession) {
            flags |= spawn_h.POSIX_SPAWN_SETSID();
        }
        check("posix_spawnattr_setflags", path, spawn_h.posix_spawnattr_setflags(attr, (short) flags));
    }

    private static MemorySegment cStringArray(Arena arena, List<String> strings) {
        MemorySegment array = arena.allocate(ValueLayout.ADDRESS, strings.size() + 1L);
        for (int i = 0; i < strings.size(); i++) {
            array.setAtIndex(ValueLayout.ADDRESS, i, arena.allocateFrom(strings.get(i)));
        }
        array.setAtIndex(ValueLayout.ADDRESS, strings.size(), MemorySegment.NULL);
        return array;
    }

    private static void check(String call, String path, int result) {
        if (result != 0) {
            throw new ErrnoException(call, path, result);
        }
    }
}

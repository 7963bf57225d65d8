package io.sixcontainer.internal.launch;

import io.sixcontainer.Stdio;
import io.sixcontainer.ffi.Libc;
import io.sixcontainer.ffi.libc.fcntl_h;

/**
 * The two ends of one standard stream: the descriptor the helper gets as its fd 0, 1 or 2
 * and, for a pipe, the descriptor the JVM keeps. All are opened CLOEXEC.
 *
 * @param childFd      what becomes the container's fd {@code 0/1/2}
 * @param ownsChildFd  whether the JVM must close {@code childFd} after spawning
 * @param parentFd     the JVM's end of a pipe, or -1
 */
record StdioEnds(int childFd, boolean ownsChildFd, int parentFd) {

    static StdioEnds open(Stdio stdio, int stdFd) {
        boolean input = stdFd == 0;
        int cloexec = fcntl_h.O_CLOEXEC();
        return switch (stdio.kind()) {
            case INHERIT -> new StdioEnds(stdFd, false, -1);
            case DISCARD -> new StdioEnds(Libc.open("/dev/null", fcntl_h.O_RDWR() | cloexec, 0), true, -1);
            case FILE -> new StdioEnds(input
                    ? Libc.open(stdio.file().toString(), fcntl_h.O_RDONLY() | cloexec, 0)
                    : Libc.open(stdio.file().toString(),
                            fcntl_h.O_WRONLY() | fcntl_h.O_CREAT() | fcntl_h.O_APPEND() | cloexec, 0644),
                    true, -1);
            case PIPE -> {
                int[] p = Libc.pipeCloexec();
                yield input ? new StdioEnds(p[0], true, p[1]) : new StdioEnds(p[1], true, p[0]);
            }
        };
    }

    /** The slave of a pseudo-terminal as fd 0, 1 or 2; its owner ({@code PtyMaster}) closes it. */
    static StdioEnds terminal(int slaveFd) {
        return new StdioEnds(slaveFd, false, -1);
    }

    /** Closes the child's end once the helper has its copy. */
    void closeChildEnd() {
        if (ownsChildFd) {
            Libc.close(childFd);
        }
    }

    /** Closes both ends (a launch that failed before handing the pipe's end to a stream). */
    void closeAll() {
        Libc.closeAll(ownsChildFd ? childFd : -1, parentFd);
    }
}

package io.sixcontainer.internal.launch;

import io.sixcontainer.LaunchException;
import io.sixcontainer.ffi.ErrnoException;

/** Turns the line the init writes on fd 5 when a setup step fails into a {@link LaunchException}. */
final class InitFailure {

    private InitFailure() {
    }

    /** Parses {@code step\terrno\tdetail}; a malformed line is still reported, verbatim. */
    static LaunchException parse(String line) {
        String[] f = line.stripTrailing().split("\t", 3);
        if (f.length == 3) {
            try {
                int errno = Integer.parseInt(f[1]);
                String message = ErrnoException.format(f[0], f[2], errno);
                return new LaunchException("container init failed: " + message, f[0], errno, f[2], null);
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        return new LaunchException("container init failed: " + line.strip(), "init", 0, line.strip(), null);
    }
}

package io.sixcontainer.internal.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** A process is its pid plus its start time: a pid alone can be reused by another process. */
public final class ProcessIdentity {

    private ProcessIdentity() {
    }

    /** The start time (clock ticks after boot, field 22 of {@code /proc/<pid>/stat}), if the pid runs. */
    public static OptionalLong startTime(int pid) {
        if (pid <= 0) {
            return OptionalLong.empty();
        }
        try {
            String stat = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"), StandardCharsets.UTF_8);
            // The command name (field 2) may contain spaces and parentheses; fields resume after the last ')'.
            String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // A zombie has ended; it only waits for its parent to collect the status.
            if (rest[0].equals("Z") || rest[0].equals("X")) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(Long.parseLong(rest[22 - 3]));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** True if {@code pid} still names the running process that started at {@code startTime}. */
    public static boolean isAlive(int pid, long startTime) {
        OptionalLong now = startTime(pid);
        return now.isPresent() && now.getAsLong() == startTime;
    }

    /** This JVM's pid. */
    public static int self() {
        return (int) ProcessHandle.current().pid();
    }

    /** This JVM's start time, read once: it cannot change. */
    public static long selfStartTime() {
        return Self.START_TIME;
    }

    private static final class Self {
        static final long START_TIME = startTime(self()).orElse(0);
    }
}

package io.sixcontainer.internal.launch;

import io.sixcontainer.ExitStatus;

/**
 * One line the monitor writes on fd 4 (docs/protocol.md): {@code pid N [START]}, {@code exit N},
 * {@code signal N} or {@code error STEP ERRNO}.
 *
 * @param kind  the first word
 * @param value the number (pid, code, signal or errno)
 * @param step  the failed step for {@code error}, else empty
 * @param startTime the init's start time (field 22 of /proc/PID/stat) in a run monitor's
 *                  {@code pid} event, else 0
 */
public record MonitorEvent(String kind, int value, String step, long startTime) {

    static MonitorEvent parse(String line) {
        String[] w = line.trim().split(" ");
        try {
            return switch (w[0]) {
                // A run monitor's pid event carries the init's start time; an exec helper's does not.
                case "pid" -> {
                    if (w.length != 2 && w.length != 3) {
                        throw new IllegalArgumentException();
                    }
                    long startTime = w.length == 3 ? Long.parseLong(w[2]) : 0;
                    if (startTime < 0) {
                        throw new IllegalArgumentException();
                    }
                    yield new MonitorEvent(w[0], Integer.parseInt(w[1]), "", startTime);
                }
                case "exit", "signal" -> {
                    if (w.length != 2) {
                        throw new IllegalArgumentException();
                    }
                    yield new MonitorEvent(w[0], Integer.parseInt(w[1]), "", 0);
                }
                case "error" -> {
                    if (w.length != 3) {
                        throw new IllegalArgumentException();
                    }
                    yield new MonitorEvent("error", Integer.parseInt(w[2]), w[1], 0);
                }
                default -> throw new IllegalArgumentException();
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("unexpected line from the helper monitor: '" + line + "'");
        }
    }

    /** True for {@code exit} and {@code signal}. */
    public boolean isExit() {
        return kind.equals("exit") || kind.equals("signal");
    }

    /** The exit status of an {@code exit} or {@code signal} event. */
    public ExitStatus exitStatus() {
        return kind.equals("exit") ? ExitStatus.exited(value) : ExitStatus.signaled(value);
    }
}

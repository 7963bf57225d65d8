package io.sixcontainer.internal.launch;

import io.sixcontainer.ExitStatus;
import io.sixcontainer.internal.launch.Protocol.Event;

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
public record MonitorEvent(Event kind, int value, String step, long startTime) {

    static MonitorEvent parse(String line) {
        String[] w = line.trim().split(" ");
        try {
            Event kind = Event.parse(w[0]);
            return switch (kind) {
                // A run monitor's pid event carries the init's start time; an exec helper's does not.
                case PID -> {
                    if (w.length != 2 && w.length != 3) {
                        throw new IllegalArgumentException("pid event of " + w.length + " words");
                    }
                    long startTime = w.length == 3 ? Long.parseLong(w[2]) : 0;
                    if (startTime < 0) {
                        throw new IllegalArgumentException("negative start time");
                    }
                    yield new MonitorEvent(kind, Integer.parseInt(w[1]), "", startTime);
                }
                case EXIT, SIGNAL -> {
                    if (w.length != 2) {
                        throw new IllegalArgumentException(kind.word + " event of " + w.length + " words");
                    }
                    yield new MonitorEvent(kind, Integer.parseInt(w[1]), "", 0);
                }
                case ERROR -> {
                    if (w.length != 3) {
                        throw new IllegalArgumentException("error event of " + w.length + " words");
                    }
                    yield new MonitorEvent(kind, Integer.parseInt(w[2]), w[1], 0);
                }
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("unexpected line from the helper monitor: '" + line + "' ("
                    + e.getMessage() + ")");
        }
    }

    /** True for {@code exit} and {@code signal}. */
    public boolean isExit() {
        return kind == Event.EXIT || kind == Event.SIGNAL;
    }

    /** The exit status of an {@code exit} or {@code signal} event. */
    public ExitStatus exitStatus() {
        return kind == Event.EXIT ? ExitStatus.exited(value) : ExitStatus.signaled(value);
    }
}

package io.sixcontainer;

/**
 * How a container's command ended: an exit code, or the signal that killed it.
 *
 * @param code   the exit code when {@link #exited()}, else -1
 * @param signal the signal number when {@link #signaled()}, else 0
 */
public record ExitStatus(int code, int signal) {

    /** Validates the pair. */
    public ExitStatus {
        if ((signal == 0) == (code < 0) || code > 255 || signal < 0 || signal > 64) {
            throw new IllegalArgumentException("invalid exit status: code " + code + ", signal " + signal);
        }
    }

    /** The command exited with {@code code}. */
    public static ExitStatus exited(int code) {
        return new ExitStatus(code, 0);
    }

    /** The command was killed by signal {@code signal}. */
    public static ExitStatus signaled(int signal) {
        return new ExitStatus(-1, signal);
    }

    /** True when the command exited (rather than being killed). */
    public boolean exited() {
        return signal == 0;
    }

    /** True when a signal killed the command. */
    public boolean signaled() {
        return signal != 0;
    }

    /** True when the command exited with code 0. */
    public boolean success() {
        return signal == 0 && code == 0;
    }

    /** The shell convention: the exit code, or 128 + signal. */
    public int shellCode() {
        return signal == 0 ? code : 128 + signal;
    }

    @Override
    public String toString() {
        return signal == 0 ? "exited(" + code + ")" : "signaled(" + signal + ")";
    }
}

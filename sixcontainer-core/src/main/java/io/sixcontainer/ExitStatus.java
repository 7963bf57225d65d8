package io.sixcontainer;

/**
 * How a container's command ended: an exit code, or the signal that killed it; and whether
 * the kernel's OOM killer killed a process of the container (its memory limit was hit).
 *
 * @param code      the exit code when {@link #exited()}, else -1
 * @param signal    the signal number when {@link #signaled()}, else 0
 * @param oomKilled true when the OOM killer killed a process of the container, which is
 *                  not always the command itself (a shell may exit normally after its child was killed)
 */
public record ExitStatus(int code, int signal, boolean oomKilled) {

    /** Validates the pair. */
    public ExitStatus {
        if ((signal == 0) == (code < 0) || code > 255 || signal < 0 || signal > 64) {
            throw new IllegalArgumentException("invalid exit status: code " + code + ", signal " + signal);
        }
    }

    /** An exit status without an OOM kill. */
    public ExitStatus(int code, int signal) {
        this(code, signal, false);
    }

    /** This status, with {@link #oomKilled()} set to {@code oomKilled}. */
    public ExitStatus withOomKilled(boolean oomKilled) {
        return new ExitStatus(code, signal, oomKilled);
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
        String how = signal == 0 ? "exited(" + code : "signaled(" + signal;
        return how + (oomKilled ? ", oom-killed)" : ")");
    }
}

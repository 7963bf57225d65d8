package io.sixcontainer;

/**
 * The outcome of {@link Container#execAndCollect}: how the command ended and what it printed.
 *
 * @param status how the command ended
 * @param stdout everything it wrote to stdout, decoded as UTF-8
 * @param stderr everything it wrote to stderr, decoded as UTF-8
 */
public record ExecResult(ExitStatus status, String stdout, String stderr) {

    /** The exit code, or 128 + signal. */
    public int exitCode() {
        return status.shellCode();
    }
}

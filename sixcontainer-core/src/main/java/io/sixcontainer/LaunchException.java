package io.sixcontainer;

/**
 * A container could not be started: a setup step of its init failed (a mount, the working
 * directory, the command not found or not executable) or the runtime could not start it.
 * Nothing of the failed container is left running or mounted.
 */
public class LaunchException extends ContainerException {

    private static final long serialVersionUID = 1L;

    private final String step;
    private final int errno;
    private final String detail;

    /**
     * @param message the whole message, e.g. {@code execve(/bin/nosuch): ENOENT (No such file or directory)}
     * @param step    the step that failed, e.g. {@code execve}
     * @param errno   the error number, or 0 when the failure has none
     * @param detail  the path or value involved
     * @param cause   the underlying failure, or null
     */
    public LaunchException(String message, String step, int errno, String detail, Throwable cause) {
        super(message, cause);
        this.step = step;
        this.errno = errno;
        this.detail = detail;
    }

    /** The step that failed, e.g. {@code execve}, {@code chdir}, {@code mount}. */
    public String step() {
        return step;
    }

    /** The error number (2 = ENOENT, 13 = EACCES, ...), or 0 when the failure has none. */
    public int errno() {
        return errno;
    }

    /** The path or value the failed step was applied to. */
    public String detail() {
        return detail;
    }

    /** True when the command does not exist in the container (docker's exit code 127). */
    public boolean commandNotFound() {
        return "execve".equals(step) && errno == 2;
    }

    /** True when the command exists but cannot be executed (docker's exit code 126). */
    public boolean commandNotExecutable() {
        return "execve".equals(step) && errno != 2;
    }
}

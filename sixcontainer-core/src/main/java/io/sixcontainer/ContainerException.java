package io.sixcontainer;

/** Something sixcontainer was asked to do failed. The message says what, on what, and why. */
public class ContainerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what failed, naming the value or path involved */
    public ContainerException(String message) {
        super(message);
    }

    /**
     * @param message what failed, naming the value or path involved
     * @param cause   the underlying failure
     */
    public ContainerException(String message, Throwable cause) {
        super(message, cause);
    }
}

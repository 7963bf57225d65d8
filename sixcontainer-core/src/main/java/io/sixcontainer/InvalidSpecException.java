package io.sixcontainer;

/** A {@link ContainerSpec} was built with a value that cannot work; the message names it. */
public class InvalidSpecException extends ContainerException {

    private static final long serialVersionUID = 1L;

    /** @param message names the field and the bad value */
    public InvalidSpecException(String message) {
        super(message);
    }
}

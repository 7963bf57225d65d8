package io.sixcontainer;

/**
 * An image operation failed: an archive that is corrupt, truncated or unsafe (an entry that
 * would write outside its layer), an unknown or invalid image name, or an image that is in
 * use. A failed import leaves no image and no layer behind.
 */
public class ImageException extends ContainerException {

    private static final long serialVersionUID = 1L;

    /** @param message what failed, naming the archive, entry or image involved */
    public ImageException(String message) {
        super(message);
    }

    /**
     * @param message what failed, naming the archive, entry or image involved
     * @param cause   the underlying failure
     */
    public ImageException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.sixcontainer.internal.net.link;

import io.sixcontainer.ffi.ErrnoException;

/**
 * The kernel refused a netlink request. The message names the operation, the object it was
 * applied to and the error, and ends with the kernel's own explanation when it gave one
 * (extended ack), e.g. {@code create bridge(sxtbr0): EEXIST (File exists)}.
 */
public class NetlinkException extends ErrnoException {

    private static final long serialVersionUID = 1L;

    private final String kernelMessage;

    /**
     * @param operation     what was asked, e.g. {@code create bridge}
     * @param object        what it was asked of: a link name, an address
     * @param errno         the (positive) error number
     * @param kernelMessage the kernel's extended ack message, or empty
     */
    public NetlinkException(String operation, String object, int errno, String kernelMessage) {
        super(operation, object, errno);
        this.kernelMessage = kernelMessage == null ? "" : kernelMessage;
    }

    @Override
    public String getMessage() {
        return kernelMessage.isEmpty() ? super.getMessage() : super.getMessage() + ": " + kernelMessage;
    }

    /** What was asked, e.g. {@code create bridge}. */
    public String operation() {
        return call();
    }

    /** What it was asked of: a link name, an address. */
    public String object() {
        return detail();
    }

    /** The kernel's extended ack message; empty when it gave none. */
    public String kernelMessage() {
        return kernelMessage;
    }
}

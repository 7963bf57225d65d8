package io.sixcontainer.ffi;

/**
 * A libc call or a helper step failed with an errno. The message names the call, the
 * arguments that matter and the error, e.g.
 * {@code mount(overlay -> /var/lib/sixcontainer/...): EINVAL (Invalid argument)}.
 */
public class ErrnoException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String call;
    private final String detail;
    private final int errno;

    /**
     * @param call   the function or step that failed, e.g. {@code mount}
     * @param detail what it was applied to (a path, a pid), or empty
     * @param errno  the error number
     */
    public ErrnoException(String call, String detail, int errno) {
        super(format(call, detail, errno));
        this.call = call;
        this.detail = detail;
        this.errno = errno;
    }

    /** Formats {@code call(detail): ENAME (description)}. */
    public static String format(String call, String detail, int errno) {
        String where = detail == null || detail.isEmpty() ? call : call + "(" + detail + ")";
        if (errno == 0) {
            return where + ": failed";
        }
        return where + ": " + Errno.name(errno) + " (" + Errno.description(errno) + ")";
    }

    /** The function or step that failed. */
    public String call() {
        return call;
    }

    /** What the call was applied to; may be empty. */
    public String detail() {
        return detail;
    }

    /** The error number. */
    public int errno() {
        return errno;
    }
}

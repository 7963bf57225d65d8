package io.sixcontainer.internal.net.nat;

import io.sixcontainer.ContainerException;
import java.util.List;

/**
 * The {@code nft} binary refused a change or a listing, or could not be run. The message names
 * what was being done (which container's ports, which network) and carries nft's own
 * explanation from its standard error.
 */
public final class NftException extends ContainerException {

    private static final long serialVersionUID = 1L;

    private final String intent;
    private final transient List<String> command;
    private final int exitCode;
    private final String stderr;

    NftException(String intent, List<String> command, int exitCode, String stderr) {
        super(intent + ": " + String.join(" ", command) + " exited " + exitCode + ": " + stderr.strip());
        this.intent = intent;
        this.command = List.copyOf(command);
        this.exitCode = exitCode;
        this.stderr = stderr;
    }

    NftException(String intent, List<String> command, String why, Throwable cause) {
        super(intent + ": " + String.join(" ", command) + " " + why, cause);
        this.intent = intent;
        this.command = List.copyOf(command);
        this.exitCode = -1;
        this.stderr = "";
    }

    /** What was being done, e.g. {@code "publish the ports of container 0123456789ab"}. */
    public String intent() {
        return intent;
    }

    /** The command line that failed. */
    public List<String> command() {
        return command;
    }

    /** nft's exit code; -1 when it could not be run or did not finish. */
    public int exitCode() {
        return exitCode;
    }

    /** What nft wrote to its standard error. */
    public String stderr() {
        return stderr;
    }
}

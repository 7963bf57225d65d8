package io.sixcontainer.internal.image;

import java.util.List;

/**
 * Defaults an image gives its containers (from an OCI or docker image config). Lists are
 * never null; {@code workingDir} is null when the image sets none.
 *
 * @param env        KEY=VALUE strings
 * @param entrypoint the entrypoint, prepended to the command
 * @param cmd        the default command (or arguments to the entrypoint)
 * @param workingDir the default working directory, or null
 */
public record ImageConfig(List<String> env, List<String> entrypoint, List<String> cmd, String workingDir) {

    /** Copies the lists; nulls become empty lists. */
    public ImageConfig {
        env = env == null ? List.of() : List.copyOf(env);
        entrypoint = entrypoint == null ? List.of() : List.copyOf(entrypoint);
        cmd = cmd == null ? List.of() : List.copyOf(cmd);
    }

    /** A config that sets nothing. */
    public static ImageConfig empty() {
        return new ImageConfig(List.of(), List.of(), List.of(), null);
    }
}

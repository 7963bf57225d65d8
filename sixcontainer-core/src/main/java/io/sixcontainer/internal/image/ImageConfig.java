package io.sixcontainer.internal.image;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Defaults an image gives its containers, read from an OCI or docker image config
 * ({@code config.Env}, {@code Entrypoint}, {@code Cmd}, {@code WorkingDir}, {@code User},
 * {@code ExposedPorts}, {@code Labels}).
 *
 * @param env        {@code NAME=value} pairs; never null
 * @param entrypoint the entrypoint argv; never null, may be empty
 * @param cmd        the default command (arguments to the entrypoint); never null, may be empty
 * @param workingDir the working directory, or the empty string when the image names none
 * @param user       the user in docker's {@code --user} syntax, or the empty string for root
 * @param exposedPorts the ports the image says its command listens on, {@code PORT/tcp} or
 *                   {@code PORT/udp} ({@code sixc run -P} publishes them); never null
 * @param labels     the image's labels, sorted by key; never null
 */
public record ImageConfig(List<String> env, List<String> entrypoint, List<String> cmd, String workingDir, String user,
                          List<String> exposedPorts, Map<String, String> labels) {

    /** Copies the lists; null lists become empty, a null working directory or user the empty string. */
    public ImageConfig {
        labels = labels == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
        env = env == null ? List.of() : List.copyOf(env);
        entrypoint = entrypoint == null ? List.of() : List.copyOf(entrypoint);
        cmd = cmd == null ? List.of() : List.copyOf(cmd);
        workingDir = workingDir == null ? "" : workingDir;
        user = user == null ? "" : user;
        exposedPorts = exposedPorts == null ? List.of() : List.copyOf(exposedPorts);
    }

    /** A config without labels. */
    public ImageConfig(List<String> env, List<String> entrypoint, List<String> cmd, String workingDir, String user,
                       List<String> exposedPorts) {
        this(env, entrypoint, cmd, workingDir, user, exposedPorts, Map.of());
    }

    /** A config that exposes no ports. */
    public ImageConfig(List<String> env, List<String> entrypoint, List<String> cmd, String workingDir, String user) {
        this(env, entrypoint, cmd, workingDir, user, List.of());
    }

    /** This config with {@code env} and {@code cmd} (null: keep) replaced, as a commit makes it. */
    public ImageConfig with(List<String> newEnv, List<String> newCmd) {
        return new ImageConfig(newEnv != null ? newEnv : env, entrypoint, newCmd != null ? newCmd : cmd, workingDir,
                user, exposedPorts, labels);
    }

    /** A config without a user (root). */
    public ImageConfig(List<String> env, List<String> entrypoint, List<String> cmd, String workingDir) {
        this(env, entrypoint, cmd, workingDir, "");
    }

    /** A config with no defaults: what a plain rootfs tarball brings. */
    public static ImageConfig empty() {
        return new ImageConfig(List.of(), List.of(), List.of(), "");
    }
}

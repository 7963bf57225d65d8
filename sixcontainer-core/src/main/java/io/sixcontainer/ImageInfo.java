package io.sixcontainer;

import java.time.Instant;
import java.util.List;

/**
 * An image of a runtime root, as {@link ContainerRuntime#images()} and {@link ContainerRuntime#image} report it.
 *
 * @param id         {@code sha256:<hex>} of its content, or {@code builtin:busybox} / {@code builtin:host}
 * @param tags       the {@code NAME:TAG} references that name it
 * @param created    when it was made (null for a built-in)
 * @param layers     its layers' diff ids, bottom first (empty for a built-in)
 * @param env        default environment, {@code KEY=VALUE}
 * @param entrypoint default entrypoint
 * @param cmd        default command
 * @param workingDir default working directory, or null
 * @param user       default user of its containers in {@code --user} syntax ({@link User#parse}),
 *                   or null for root
 * @param exposedPorts the ports its command listens on, {@code PORT/tcp} or {@code PORT/udp}
 *                   (docker's {@code EXPOSE}; {@code sixc run -P} publishes them)
 */
public record ImageInfo(String id, List<String> tags, Instant created, List<String> layers, List<String> env,
                        List<String> entrypoint, List<String> cmd, String workingDir, String user,
                        List<String> exposedPorts) {

    /** Copies the lists. */
    public ImageInfo {
        tags = List.copyOf(tags);
        layers = List.copyOf(layers);
        env = List.copyOf(env);
        exposedPorts = List.copyOf(exposedPorts);
        entrypoint = List.copyOf(entrypoint);
        cmd = List.copyOf(cmd);
    }

    /** The first 12 hex digits of the id (the whole id of a built-in). */
    public String shortId() {
        return id.startsWith("sha256:") ? id.substring(7, 19) : id;
    }
}

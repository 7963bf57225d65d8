package io.sixcontainer;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An image of a runtime root, as {@link ContainerRuntime#images()} and {@link ContainerRuntime#image} report it.
 *
 * @param id         {@code sha256:<hex>} of its content, or {@code builtin:busybox} / {@code builtin:host}
 * @param tags       the {@code NAME:TAG} references that name it, familiar names as docker shows them
 *                   ({@code busybox:latest}, {@code ghcr.io/org/app:1})
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
 * @param labels     the image's labels ({@code LABEL}), by key
 * @param repoDigests {@code NAME@sha256:<hex>} of each registry manifest it was pulled as
 *                   (canonical names, e.g. {@code docker.io/library/busybox@sha256:...}); empty
 *                   for an image that was imported or committed
 */
public record ImageInfo(String id, List<String> tags, Instant created, List<String> layers, List<String> env,
                        List<String> entrypoint, List<String> cmd, String workingDir, String user,
                        List<String> exposedPorts, Map<String, String> labels, List<String> repoDigests) {

    /** Copies the lists. */
    public ImageInfo {
        tags = List.copyOf(tags);
        layers = List.copyOf(layers);
        env = List.copyOf(env);
        exposedPorts = List.copyOf(exposedPorts);
        entrypoint = List.copyOf(entrypoint);
        cmd = List.copyOf(cmd);
        labels = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(labels));
        repoDigests = List.copyOf(repoDigests);
    }

    /** The first 12 hex digits of the id (the whole id of a built-in). */
    public String shortId() {
        return id.startsWith("sha256:") ? id.substring(7, 19) : id;
    }
}

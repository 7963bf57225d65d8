package io.sixcontainer;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A snapshot of a container's recorded state, as {@link ContainerRuntime#list()} and
 * {@link Container#info()} report it. The status is checked against the kernel when the
 * snapshot is taken: a container whose process is gone is never reported running.
 *
 * @param id         the 64-hex-character id
 * @param name       the unique name
 * @param image      the image (for now: the root filesystem directory)
 * @param command    the command and its arguments
 * @param status     where the container is in its life
 * @param created    when it was created
 * @param started    when its command started, or null
 * @param finished   when its command ended, or null
 * @param pid        the host pid of its init while running, else 0
 * @param exitStatus how its command ended; null while running, or when nobody could
 *                   observe the end (e.g. the host rebooted)
 * @param detached   whether it runs independently of the JVM that launched it
 * @param logFile    the log of a detached container, or null
 * @param network    the network it is on: {@code none}, {@code host} or a bridge network's name
 * @param ipAddress  its address on a bridge network, else null
 * @param ports      its published ports with the host ports reserved for them (a host port 0
 *                   of the spec is the one chosen), empty when none
 */
public record ContainerInfo(String id, String name, String image, List<String> command, ContainerStatus status,
                            Instant created, Instant started, Instant finished, int pid, ExitStatus exitStatus,
                            boolean detached, java.nio.file.Path logFile, String network, String ipAddress,
                            List<PublishedPort> ports) {

    /** Copies the ports. */
    public ContainerInfo {
        ports = List.copyOf(ports);
    }

    /** The first 12 characters of the id, as {@code ps} shows it. */
    public String shortId() {
        return id.substring(0, 12);
    }

    /** How its command ended, if that is known. */
    public Optional<ExitStatus> exit() {
        return Optional.ofNullable(exitStatus);
    }
}

package io.sixcontainer.internal.net.nat;

import io.sixcontainer.ContainerException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The kernel settings that published ports and masquerading need, written under
 * {@code /proc/sys}. Each write is skipped when the value is already set, so calling them for
 * every network is cheap and changes nothing the second time.
 */
public final class HostSysctls {

    private final Path root;

    /** The settings of this host's network namespace ({@code /proc/sys}). */
    public HostSysctls() {
        this(Path.of("/proc/sys"));
    }

    /** The settings under {@code root} in place of {@code /proc/sys} (tests use a directory of their own). */
    public HostSysctls(Path root) {
        this.root = root;
    }

    /**
     * Turns on IPv4 forwarding ({@code net.ipv4.ip_forward=1}): without it no packet of a
     * container leaves its bridge. The kernel applies it to every interface, as docker does.
     *
     * @throws ContainerException naming the file when it cannot be read or written
     */
    public void enableIpForward() {
        setOne(root.resolve("net/ipv4/ip_forward"));
    }

    /**
     * Lets {@code bridge} route packets from and to 127.0.0.0/8
     * ({@code net.ipv4.conf.<bridge>.route_localnet=1}): a port published on 127.0.0.1 is
     * DNATed to the bridge with its loopback source, and the answer comes back to it.
     *
     * @throws IllegalArgumentException naming {@code bridge} when it is no interface name
     * @throws ContainerException       naming the file when it cannot be read or written
     */
    public void enableRouteLocalnet(String bridge) {
        setOne(root.resolve("net/ipv4/conf").resolve(NatInputs.interfaceName(bridge)).resolve("route_localnet"));
    }

    private void setOne(Path file) {
        if (read(file).equals("1")) {
            return;
        }
        try {
            Files.writeString(file, "1\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new ContainerException("cannot write 1 to " + file + ": " + e, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new ContainerException("cannot read " + file + " (is the interface there?): " + e, e);
        }
    }
}

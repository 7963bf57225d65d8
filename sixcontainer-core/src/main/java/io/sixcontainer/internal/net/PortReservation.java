package io.sixcontainer.internal.net;

import io.sixcontainer.ContainerException;
import io.sixcontainer.PublishedPort;
import io.sixcontainer.ffi.Errno;
import io.sixcontainer.ffi.ErrnoException;
import io.sixcontainer.ffi.Libc;
import io.sixcontainer.ffi.Sockets;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The host ports of a container's published ports, held by bound sockets that never listen.
 * Binding first is what makes a host port 0 race-free (the kernel picks a port and no one
 * else can bind it until the socket closes) and what makes a taken port fail the launch
 * before anything is set up. The monitor holds the sockets while the container runs, so the
 * ports are free again when it ends, however it ends. Traffic never reaches these sockets:
 * the nat rules rewrite it to the container before the host's socket lookup.
 */
final class PortReservation {

    private final List<PublishedPort> bound;
    private final int[] fds;

    private PortReservation(List<PublishedPort> bound, int[] fds) {
        this.bound = bound;
        this.fds = fds;
    }

    /**
     * Binds one socket per published port.
     *
     * @throws ContainerException naming the port when it is in use or the address is not the host's;
     *                            the sockets bound before it are closed
     */
    static PortReservation bind(List<PublishedPort> ports) {
        List<PublishedPort> bound = new ArrayList<>();
        int[] fds = new int[ports.size()];
        int n = 0;
        try {
            for (PublishedPort p : ports) {
                byte[] address = p.hostIp() == null ? new byte[4] : p.hostIp().getAddress();
                int fd = bindOne(p, address);
                fds[n++] = fd;
                int port = p.hostPort() != 0 ? p.hostPort() : Sockets.boundPort(fd);
                bound.add(new PublishedPort(p.hostIp(), port, p.containerPort(), p.transport()));
            }
        } catch (RuntimeException e) {
            Libc.closeAll(java.util.Arrays.copyOf(fds, n));
            throw e;
        }
        return new PortReservation(List.copyOf(bound), fds);
    }

    private static int bindOne(PublishedPort p, byte[] address) {
        try {
            return Sockets.bindInet(p.transport() == PublishedPort.Transport.TCP, address, p.hostPort());
        } catch (ErrnoException e) {
            String what = describe(p);
            if (e.errno() == Errno.EADDRINUSE) {
                throw new ContainerException("cannot publish " + what + ": host port " + p.hostPort()
                        + " is already in use", e);
            }
            if (e.errno() == Errno.EADDRNOTAVAIL) {
                throw new ContainerException("cannot publish " + what + ": " + p.hostIp().getHostAddress()
                        + " is not an address of this host", e);
            }
            throw new ContainerException("cannot publish " + what + ": " + e.getMessage(), e);
        }
    }

    private static String describe(PublishedPort p) {
        InetAddress ip = p.hostIp();
        return (ip == null ? "" : ip.getHostAddress() + ":") + p.hostPort() + ":" + p.containerPort() + "/"
                + p.transport().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The ports as bound: a host port 0 replaced by the one chosen. */
    List<PublishedPort> bound() {
        return bound;
    }

    /** The sockets, one per port, in order. */
    int[] fds() {
        return fds.clone();
    }
}

package io.sixcontainer.internal.net;

import io.sixcontainer.Network;
import io.sixcontainer.internal.plan.NetworkPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The container's {@code /etc/hosts}, {@code /etc/hostname} and {@code /etc/resolv.conf}:
 * files in its state directory, bind-mounted over the image's. The hosts file of a container
 * on a bridge network is rewritten in place (the bind mount holds its inode) whenever a
 * container joins or leaves the network, so that names resolve to containers started later.
 */
public final class EtcFiles {

    /** The files, by their name in the state directory and their path in the container. */
    public static final List<String[]> FILES = List.of(new String[] {"hosts", "/etc/hosts"},
            new String[] {"hostname", "/etc/hostname"}, new String[] {"resolv.conf", "/etc/resolv.conf"});

    /** The part of a bridged container's hosts file before its peers, as we wrote it (not mounted). */
    static final String HOSTS_HEAD = "hosts.head";

    /** The line after which a bridge network's other members follow in a hosts file. */
    static final String PEERS_MARK = "# containers of the same network\n";

    private static final Path HOST_HOSTS = Path.of("/etc/hosts");
    private static final Path HOST_RESOLV = Path.of("/etc/resolv.conf");

    private EtcFiles() {
    }

    /** Writes the three files of a container into {@code stateDir}; {@code peers} are the lines of its network's other members. */
    public static void write(Path stateDir, NetworkPlan net, String hostname, String name, List<String> peers) {
        String shownName = hostname != null ? hostname : name;
        try {
            Files.writeString(stateDir.resolve("hostname"), shownName + "\n");
            Files.writeString(stateDir.resolve("resolv.conf"), resolvConf(net));
            String hosts = hosts(net, hostname, name, peers);
            if (net.bridged()) {
                // What the container's peers' changes are put after: kept where the container
                // cannot write, since its /etc/hosts is its own to scribble on.
                Files.writeString(stateDir.resolve(HOSTS_HEAD), hosts.substring(0, hosts.indexOf(PEERS_MARK)));
            }
            rewrite(stateDir.resolve("hosts"), hosts);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the /etc files of " + name, e);
        }
    }

    /** The line a container on a bridge network adds to its peers' hosts files. */
    public static String peerLine(NetworkPlan net, String hostname, String name) {
        StringBuilder b = new StringBuilder(net.address()).append('\t').append(name);
        if (hostname != null && !hostname.equals(name)) {
            b.append(' ').append(hostname);
        }
        net.aliases().forEach(a -> b.append(' ').append(a));
        return b.toString();
    }

    /** The hosts file's text. */
    static String hosts(NetworkPlan net, String hostname, String name, List<String> peers) {
        StringBuilder b = new StringBuilder();
        if (net.mode() == Network.Mode.HOST) {
            b.append(readOr(HOST_HOSTS, "127.0.0.1\tlocalhost\n"));
            if (b.length() > 0 && b.charAt(b.length() - 1) != '\n') {
                b.append('\n');
            }
        } else {
            b.append("127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n");
        }
        if (net.bridged()) {
            b.append(peerLine(net, hostname, name)).append('\n');
        } else if (net.mode() == Network.Mode.NONE && hostname != null) {
            b.append("127.0.1.1\t").append(hostname).append('\n');
        }
        net.extraHosts().forEach((h, ip) -> b.append(ip).append('\t').append(h).append('\n'));
        if (net.bridged()) {
            b.append(PEERS_MARK);
            peers.forEach(p -> b.append(p).append('\n'));
        }
        return b.toString();
    }

    /** The resolv.conf's text: the host's, its loopback name servers left out (they are not the container's), or {@code dns}. */
    static String resolvConf(NetworkPlan net) {
        List<String> out = new ArrayList<>();
        boolean anyServer = false;
        for (String line : readOr(HOST_RESOLV, "").split("\n")) {
            String t = line.strip();
            if (t.startsWith("nameserver")) {
                String server = t.substring("nameserver".length()).strip();
                boolean loopback = server.startsWith("127.") || server.equals("::1");
                if (net.dns().isEmpty() && (net.mode() == Network.Mode.HOST || !loopback)) {
                    out.add(t);
                    anyServer = true;
                }
            } else if (!t.isEmpty()) {
                out.add(t);
            }
        }
        for (String server : net.dns()) {
            out.add("nameserver " + server);
            anyServer = true;
        }
        if (!anyServer && net.mode() != Network.Mode.NONE) {
            // What docker falls back to when the host names only loopback servers.
            out.add("nameserver 8.8.8.8");
            out.add("nameserver 8.8.4.4");
        }
        return String.join("\n", out) + (out.isEmpty() ? "" : "\n");
    }

    /** Replaces {@code file}'s content keeping its inode: a bind mount of it then shows the new text. */
    public static void rewrite(Path file, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            long pos = 0;
            while (buf.hasRemaining()) {
                pos += ch.write(buf, pos);
            }
            ch.truncate(bytes.length);
        }
    }

    private static String readOr(Path p, String fallback) {
        try {
            return Files.readString(p);
        } catch (NoSuchFileException e) {
            return fallback;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }
}

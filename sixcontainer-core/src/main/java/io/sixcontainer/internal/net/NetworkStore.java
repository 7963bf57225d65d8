package io.sixcontainer.internal.net;

import io.sixcontainer.ContainerException;
import io.sixcontainer.InvalidSpecException;
import io.sixcontainer.Network;
import io.sixcontainer.internal.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The bridge networks under {@code ROOT/networks}: one directory per network with its
 * {@code network.json} and its {@code leases/} ({@link Ipam}). Changes that must see every
 * network (a new subnet must overlap none) run under {@code networks/.lock}, a file lock
 * that serialises them across JVMs.
 */
public final class NetworkStore {

    /** The default network's subnet, and where a search for a free one starts. */
    static final String DEFAULT_SUBNET = "10.88.0.0/16";
    static final String DEFAULT_DEVICE = "sixc0";

    private final Path dir;
    // Devices and nft tables are the host's, shared by every runtime root: those of a root other
    // than the default one carry a hash of the root in their names.
    private final String rootTag;

    /** The store under runtime root {@code root}. */
    public NetworkStore(Path root) {
        this.dir = root.resolve("networks");
        Path abs = root.toAbsolutePath().normalize();
        this.rootTag = abs.equals(io.sixcontainer.ContainerRuntime.DEFAULT_ROOT) ? "" : abs.toString();
    }

    /** The nftables table of this root's networks: {@code sixcontainer} for the default root. */
    String natTable() {
        return rootTag.isEmpty() ? io.sixcontainer.internal.net.nat.NatTable.DEFAULT_TABLE : "sixc_" + hash(rootTag);
    }

    /** The directory of network {@code name}. */
    Path dirOf(String name) {
        return dir.resolve(name);
    }

    /** Network {@code name}, if it exists; the default network is made on first use. */
    public Optional<NetworkConfig> get(String name) {
        Optional<NetworkConfig> c = read(name);
        if (c.isEmpty() && name.equals(Network.DEFAULT_BRIDGE)) {
            return Optional.of(locked(() -> read(name).orElseGet(() -> write(name, defaultSubnet()))));
        }
        return c;
    }

    /** Network {@code name}, or a {@link ContainerException} naming it. */
    public NetworkConfig require(String name) {
        return get(name).orElseThrow(() -> new ContainerException("no such network: " + name));
    }

    /**
     * Makes network {@code name} on {@code subnet} (null: a free /24 from 10.89.0.0 on).
     *
     * @throws InvalidSpecException for a bad name or subnet, one that overlaps a host route or another network
     * @throws ContainerException   when a network of that name exists
     */
    public NetworkConfig create(String name, String subnet) {
        Network.named(name);
        if (name.equals("none") || name.equals("host")) {
            throw new InvalidSpecException("network name '" + name + "' is reserved");
        }
        Ipv4Cidr wanted = subnet == null ? null : Ipv4Cidr.parse(subnet);
        return locked(() -> {
            if (read(name).isPresent()) {
                throw new ContainerException("network " + name + " exists already");
            }
            if (wanted != null) {
                checkFree(wanted);
                return write(name, wanted);
            }
            // 10.89.0.0-10.127.255.0: the default bridge may itself have had to move into this range.
            return write(name, freeSubnet(Ipv4Cidr.parse("10.89.0.0/24"), 39 * 256));
        });
    }

    /** Every network, by name. */
    public List<NetworkConfig> list() {
        List<NetworkConfig> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (!n.startsWith(".")) {
                    read(n).ifPresent(out::add);
                }
            }
        } catch (NoSuchFileException e) {
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort(Comparator.comparing(NetworkConfig::name));
        return out;
    }

    /** Deletes network {@code name}'s directory (its leases and members must be gone: the caller checked under {@link #locked}). */
    void delete(String name) {
        Path d = dirOf(name);
        try (var walk = Files.walk(d)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (NoSuchFileException e) {
            // gone already
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove network " + name, e);
        }
    }

    // A file lock is held per JVM, not per thread: threads of one JVM queue on this first.
    private static final java.util.concurrent.ConcurrentHashMap<Path, java.util.concurrent.locks.ReentrantLock> JVM_LOCKS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** Runs {@code action} holding the store's lock (re-entrant within a thread). */
    <T> T locked(Supplier<T> action) {
        java.util.concurrent.locks.ReentrantLock jvm = JVM_LOCKS.computeIfAbsent(dir.toAbsolutePath().normalize(),
                d -> new java.util.concurrent.locks.ReentrantLock());
        jvm.lock();
        try {
            if (jvm.getHoldCount() > 1) {
                return action.get();
            }
            Files.createDirectories(dir);
            try (FileChannel ch = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = ch.lock()) {
                return action.get();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + dir, e);
        } finally {
            jvm.unlock();
        }
    }

    private Ipv4Cidr defaultSubnet() {
        Ipv4Cidr first = Ipv4Cidr.parse(DEFAULT_SUBNET);
        return freeSubnet(first, 12);
    }

    // The first of `count` subnets of first's size from first on that overlaps no route and no network.
    private Ipv4Cidr freeSubnet(Ipv4Cidr first, int count) {
        List<NetworkConfig> networks = list();
        List<HostRoutes.Route> routes = HostRoutes.read();
        for (long i = 0; i < count; i++) {
            Ipv4Cidr c = new Ipv4Cidr(first.network() + i * first.size(), first.prefix());
            if (overlap(c, networks, routes) == null) {
                return c;
            }
        }
        throw new ContainerException("no free subnet from " + first + " on: every one overlaps a host route or"
                + " a network; name one with --subnet");
    }

    private void checkFree(Ipv4Cidr c) {
        String other = overlap(c, list(), HostRoutes.read());
        if (other != null) {
            throw new InvalidSpecException("subnet " + c + " overlaps " + other);
        }
    }

    private static String overlap(Ipv4Cidr c, List<NetworkConfig> networks, List<HostRoutes.Route> routes) {
        // Networks first: a network whose bridge is up has a host route too, and its name says more.
        for (NetworkConfig n : networks) {
            if (c.overlaps(n.subnet().network(), n.subnet().prefix())) {
                return "network " + n.name() + " (" + n.subnet() + ")";
            }
        }
        for (HostRoutes.Route r : routes) {
            if (c.overlaps(r.destination(), r.prefix())) {
                return "the host's route to " + new Ipv4Cidr(r.destination(), r.prefix()) + " (dev " + r.device() + ")";
            }
        }
        return null;
    }

    private NetworkConfig write(String name, Ipv4Cidr subnet) {
        String device = name.equals(Network.DEFAULT_BRIDGE) && rootTag.isEmpty() ? DEFAULT_DEVICE
                : "sxb" + hash(rootTag + "\0" + name);
        NetworkConfig c = new NetworkConfig(name, subnet, device, Instant.now());
        Path tmp = dir.resolve("." + name + "." + ProcessHandle.current().pid());
        try {
            Files.createDirectories(tmp.resolve("leases"));
            Files.write(tmp.resolve("network.json"), c.toJson());
            Files.move(tmp, dirOf(name));
        } catch (FileAlreadyExistsException e) {
            throw new ContainerException("network " + name + " exists already");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create network " + name, e);
        }
        return c;
    }

    // A device name is at most 15 bytes and a network name up to 64: the bridge is named by a hash.
    private static String hash(String name) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d).substring(0, 10);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError("every JDK has SHA-256", e);
        }
    }

    private Optional<NetworkConfig> read(String name) {
        try {
            return Optional.of(Json.read(Files.readAllBytes(dirOf(name).resolve("network.json")), p -> {
                p.nextToken();
                return NetworkConfig.read(p);
            }));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read network " + name, e);
        }
    }
}

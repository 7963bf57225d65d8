package io.sixcontainer.internal.net;

import io.sixcontainer.ContainerException;
import io.sixcontainer.internal.state.ProcessIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A network's address leases: {@code networks/NAME/leases/ADDRESS}, holding the id of the
 * container that has it. A lease is taken by a hard link of a complete temporary file (atomic,
 * and it fails when the lease exists), so a crash leaves either no lease or a whole one, never
 * an empty file; a lease whose container is gone is taken back when its address is next needed.
 * A lease also names the process that took it: between the lease and the container's first
 * record there is no record to ask, and the lease is then the launcher's while it lives.
 */
public final class Ipam {

    /** What the state says of a lease's owner. */
    public enum Owner {
        /** Running, or being created by a live launcher. */
        LIVE,
        /** Ended or being removed. */
        ENDED,
        /** No record (never made, or removed). */
        NO_RECORD
    }

    private Ipam() {
    }

    /**
     * Leases the first free address of {@code net} (after the gateway's) to {@code containerId}.
     *
     * @param owners what the state says of a lease's owner, by container id
     * @return the address, and the owner whose lease was taken back for it (or null)
     */
    static Lease allocate(NetworkStore store, NetworkConfig net, String containerId, Function<String, Owner> owners) {
        Path leases = store.dirOf(net.name()).resolve("leases");
        Path tmp = leases.resolve("." + containerId);
        try {
            Files.write(tmp, (containerId + " " + ProcessIdentity.self() + " " + ProcessIdentity.selfStartTime() + "\n")
                    .getBytes(StandardCharsets.US_ASCII));
            try {
                for (long n = 2; n < net.subnet().size() - 1; n++) {
                    Inet4Address a = net.subnet().host(n);
                    Path lease = leases.resolve(a.getHostAddress());
                    try {
                        Files.createLink(lease, tmp);
                        return new Lease(a, null);
                    } catch (FileAlreadyExistsException taken) {
                        String owner = owner(lease);
                        if (owner != null && stale(lease, owners) && takeBack(lease, owner)) {
                            try {
                                Files.createLink(lease, tmp);
                                return new Lease(a, owner);
                            } catch (FileAlreadyExistsException raced) {
                                // another launch took it meanwhile: go on with the next
                            }
                        }
                    }
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (NoSuchFileException e) {
            throw new ContainerException("network " + net.name() + " was removed meanwhile");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lease an address on network " + net.name(), e);
        }
        throw new ContainerException("network " + net.name() + " (" + net.subnet() + ") has no free address left");
    }

    /** A leased address and the gone owner it was taken back from, or null. */
    record Lease(Inet4Address address, String takenFrom) {
    }

    /** Drops {@code containerId}'s lease of {@code address} on {@code net}, if it still holds it. */
    static void release(NetworkStore store, String net, Inet4Address address, String containerId) {
        Path lease = store.dirOf(net).resolve("leases").resolve(address.getHostAddress());
        if (containerId.equals(owner(lease))) {
            takeBack(lease, containerId);
        }
    }

    /** Whether {@code lease}'s owner is gone: ended, or without a record and its launcher dead. */
    static boolean stale(Path lease, Function<String, Owner> owners) {
        String[] f = content(lease);
        if (f == null) {
            return false;
        }
        return switch (owners.apply(f[0])) {
            case LIVE -> false;
            case ENDED -> true;
            case NO_RECORD -> f.length < 3 || !f[1].matches("\\d{1,10}") || !f[2].matches("\\d{1,20}")
                    || !ProcessIdentity.isAlive(Integer.parseInt(f[1]), Long.parseLong(f[2]));
        };
    }

    /** The stale leases of {@code net}, address to owner, left in place (the caller cleans up, then releases). */
    static Map<String, String> staleLeases(NetworkStore store, String net, Function<String, Owner> owners) {
        Path dir = store.dirOf(net).resolve("leases");
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : leases(store, net).entrySet()) {
            if (stale(dir.resolve(e.getKey()), owners)) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /** Every lease of {@code net}: address to owner. */
    static Map<String, String> leases(NetworkStore store, String net) {
        Map<String, String> out = new LinkedHashMap<>();
        Path dir = store.dirOf(net).resolve("leases");
        try (var s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                String name = p.getFileName().toString();
                String owner = owner(p);
                if (!name.startsWith(".") && owner != null) {
                    out.put(name, owner);
                }
            }
        } catch (NoSuchFileException e) {
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String owner(Path lease) {
        String[] f = content(lease);
        return f == null ? null : f[0];
    }

    // The owner's id, then the pid and start time of the process that took the lease.
    private static String[] content(Path lease) {
        try {
            String text = Files.readString(lease, StandardCharsets.US_ASCII).strip();
            return text.isEmpty() ? null : text.split(" ");
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // By rename first: of two JVMs taking back the same lease only one renames it away.
    private static boolean takeBack(Path lease, String owner) {
        Path gone = lease.resolveSibling("." + lease.getFileName() + ".gone." + owner);
        try {
            Files.move(lease, gone, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(gone);
            return true;
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

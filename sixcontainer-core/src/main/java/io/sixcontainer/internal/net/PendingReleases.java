package io.sixcontainer.internal.net;

import io.sixcontainer.PublishedPort;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * The releases of ended containers' networks that run in the background, by container id,
 * with the host ports each still covers: a launch that wants one of those ports, a network's
 * removal and the runtime's close wait for them.
 */
final class PendingReleases {

    // One daemon thread for every runtime of the JVM: releases are short and ordered anyway.
    private static final ExecutorService RELEASER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sixc-network-release");
        t.setDaemon(true);
        return t;
    });

    private record Release(List<PublishedPort> ports, Future<?> done) {
    }

    private final Map<String, Release> byId = new HashMap<>();

    /**
     * Runs {@code release} in the background unless one for {@code id} is pending already or
     * {@code stillHeld} (checked under this object's lock) says there is nothing to release.
     */
    void start(String id, List<PublishedPort> ports, BooleanSupplier stillHeld, Runnable release) {
        synchronized (byId) {
            if (byId.containsKey(id) || !stillHeld.getAsBoolean()) {
                return;
            }
            byId.put(id, new Release(ports, RELEASER.submit(() -> {
                try {
                    release.run();
                } finally {
                    synchronized (byId) {
                        byId.remove(id);
                    }
                }
            })));
        }
    }

    /** Waits for every pending release. */
    void awaitAll() {
        List<Future<?>> pending;
        synchronized (byId) {
            pending = byId.values().stream().<Future<?>>map(Release::done).toList();
        }
        pending.forEach(PendingReleases::await);
    }

    /** Waits for the releases that still cover one of the fixed host ports of {@code ports}. */
    void awaitHolding(List<PublishedPort> ports) {
        List<Future<?>> pending = new ArrayList<>();
        synchronized (byId) {
            for (Release r : byId.values()) {
                if (r.ports().stream().anyMatch(held -> ports.stream().anyMatch(p -> p.hostPort() != 0
                        && p.hostPort() == held.hostPort() && p.transport() == held.transport()))) {
                    pending.add(r.done());
                }
            }
        }
        pending.forEach(PendingReleases::await);
    }

    private static void await(Future<?> f) {
        boolean interrupted = false;
        while (true) {
            try {
                f.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException e) {
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}

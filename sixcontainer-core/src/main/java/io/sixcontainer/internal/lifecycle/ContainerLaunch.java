package io.sixcontainer.internal.lifecycle;

import io.sixcontainer.ContainerSpec;
import io.sixcontainer.ContainerStatus;
import io.sixcontainer.internal.image.ImageRecord;
import io.sixcontainer.internal.image.ImageStore;
import io.sixcontainer.internal.launch.Launcher;
import io.sixcontainer.internal.launch.StartedProcess;
import io.sixcontainer.internal.plan.LaunchPlan;
import io.sixcontainer.internal.plan.LaunchPlanner;
import io.sixcontainer.internal.state.ContainerRecord;
import io.sixcontainer.internal.state.NameRegistry;
import io.sixcontainer.internal.state.ProcessIdentity;
import io.sixcontainer.internal.state.StateStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import io.sixcontainer.internal.net.ContainerNetworks;
import io.sixcontainer.internal.net.Ipam;

/**
 * One launch, in order: volume sources checked, the plan made under the image lock and
 * recorded with the first record, the name claimed, the workspace made, the helper started,
 * the record marked running. Each failure takes back everything done before it.
 */
final class ContainerLaunch {

    private final Path root;
    private final StateStore store;
    private final NameRegistry names;
    private final ImageStore images;
    private final Launcher launcher;
    private final ContainerNetworks networks;
    private final Function<String, Ipam.Owner> owners;

    ContainerLaunch(Path root, StateStore store, NameRegistry names, ImageStore images, Launcher launcher,
                    ContainerNetworks networks, Function<String, Ipam.Owner> owners) {
        this.networks = networks;
        this.owners = owners;
        this.root = root;
        this.store = store;
        this.names = names;
        this.images = images;
        this.launcher = launcher;
    }

    /** A container whose command runs, recorded as running. */
    record Started(ContainerRecord record, LaunchPlan plan, StartedProcess process) {
    }

    /** Plans {@code spec}, records it, claims its name, starts it. Nothing remains if it fails. */
    Started start(ContainerSpec spec) {
        Workspace.prepareVolumes(spec);
        ContainerRecord rec = newRecord(spec);
        Path dir = store.dir(rec.id);
        ContainerNetworks.Reservation net = networks.reserve(rec.id, spec, owners);
        Planned planned;
        try {
            planned = plan(spec, rec, dir, net);
        } catch (RuntimeException e) {
            networks.release(rec.id, net);
            throw e;
        }
        LaunchPlan plan = planned.plan();
        try {
            claimName(spec, rec);
        } catch (RuntimeException e) {
            networks.release(rec.id, net);
            store.delete(rec.id);
            throw e;
        }
        StartedProcess process;
        try {
            networks.writeEtcFiles(rec.id, plan.network(), plan.hostname(), rec.name);
            if (planned.topLayer() != null) {
                Workspace.create(root, dir, planned.topLayer());
            }
            String name = rec.name;
            process = launcher.launch(plan, spec.stdin(), spec.stdout(), spec.stderr(), dir, net.takeSockets(),
                    pid -> networks.attach(rec.id, plan.network(), pid, plan.hostname(), name));
        } catch (RuntimeException e) {
            networks.release(rec.id, net);
            discard(rec, e);
            throw e;
        }
        try {
            rec.status = ContainerStatus.RUNNING;
            rec.pid = process.initPid();
            // read by the monitor before it could reap the init: by now a short command may have ended
            rec.pidStartTime = process.startTime();
            rec.started = Instant.now();
            store.rewrite(rec);
        } catch (RuntimeException e) {
            // At once, while the state directory (and the nft handle in it) is still there.
            networks.release(rec.id, net);
            abandon(process, rec, e);
            throw e;
        }
        return new Started(rec, plan, process);
    }

    // The plan, recorded with the first record.
    private Planned plan(ContainerSpec spec, ContainerRecord rec, Path dir, ContainerNetworks.Reservation net) {
        Planned planned;
        if (spec.image() == null) {
            planned = new Planned(LaunchPlanner.plan(rec.id, spec, null, LaunchPlanner.rootfs(spec.rootfs()),
                    net.plan(), dir), null);
            store.create(rec, planned.plan());
        } else {
            // Resolved and recorded under the image lock: an image removal in another JVM then
            // either sees this container as a user of its layers or has finished before.
            planned = images.locked(() -> {
                ImageRecord image = images.resolve(spec.image());
                List<Path> lowerDirs = images.lowerDirs(image);
                Planned p = new Planned(LaunchPlanner.plan(rec.id, spec, image, Workspace.root(root, dir, lowerDirs),
                        net.plan(), dir), lowerDirs.getFirst());
                store.create(rec, p.plan());
                return p;
            });
        }
        return planned;
    }

    /** A plan, and the image's top layer whose mode the write layer takes (null without an image). */
    private record Planned(LaunchPlan plan, Path topLayer) {
    }

    private ContainerRecord newRecord(ContainerSpec spec) {
        ContainerRecord rec = new ContainerRecord();
        rec.id = ContainerIds.random();
        // A generated name goes into the first record too: it is rewritten only if taken meanwhile.
        rec.name = spec.name() != null ? spec.name() : NameRegistry.generate();
        rec.created = Instant.now();
        rec.launcherPid = ProcessIdentity.self();
        rec.launcherStartTime = ProcessIdentity.selfStartTime();
        return rec;
    }

    // The directory exists before the name points at it, so a name never dangles.
    private void claimName(ContainerSpec spec, ContainerRecord rec) {
        if (spec.name() != null) {
            names.claim(spec.name(), rec.id);
        } else {
            String generated = names.claimGenerated(rec.id, rec.name);
            if (!generated.equals(rec.name)) {
                rec.name = generated;
                store.rewrite(rec);
            }
        }
    }

    // The command runs but could not be recorded: kill it and take back everything.
    private void abandon(StartedProcess process, ContainerRecord rec, RuntimeException cause) {
        try {
            process.monitor().abort();
            io.sixcontainer.ffi.Libc.closeAll(process.parentStreams());
            if (process.pty() != null) {
                process.pty().close();
            }
            if (process.cgroup() != null) {
                process.cgroup().remove();
            }
        } catch (RuntimeException cleanup) {
            cause.addSuppressed(cleanup);
        }
        discard(rec, cause);
    }

    private void discard(ContainerRecord rec, RuntimeException cause) {
        try {
            names.release(rec.name, rec.id);
            store.delete(rec.id);
        } catch (RuntimeException cleanup) {
            cause.addSuppressed(cleanup);
        }
    }
}

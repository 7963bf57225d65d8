package io.sixcontainer.internal.lifecycle;

import io.sixcontainer.Container;
import io.sixcontainer.ContainerException;
import io.sixcontainer.ContainerInfo;
import io.sixcontainer.ContainerSpec;
import io.sixcontainer.ContainerStatus;
import io.sixcontainer.ExitStatus;
import io.sixcontainer.internal.exec.ExecRunner;
import io.sixcontainer.internal.launch.Launcher;
import io.sixcontainer.internal.image.ImageStore;
import io.sixcontainer.internal.net.ContainerNetworks;
import io.sixcontainer.internal.net.Ipam;
import io.sixcontainer.internal.registry.ImagePull;
import io.sixcontainer.internal.plan.LaunchPlan;
import io.sixcontainer.internal.state.ProcessIdentity;
import io.sixcontainer.internal.state.ContainerRecord;
import io.sixcontainer.internal.state.NameRegistry;
import io.sixcontainer.internal.state.StateStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The containers under one runtime root: launching them ({@link ContainerLaunch}), finding
 * them by name, id or unique id prefix, listing them, the handles of those this JVM owns,
 * and repairing what dead JVMs left.
 */
public final class ContainerRegistry {

    private final StateStore store;
    private final NameRegistry names;
    private final Path root;
    private final ImageStore images;
    private final ImageCatalog imageOps;
    private final ContainerLaunch launches;
    private final ContainerControl ops;
    private final Map<String, AttachedHandle> attached = new ConcurrentHashMap<>();
    private final ContainerNetworks networks;

    /**
     * @param root the runtime root
     * @param pulls how images are pulled from registries
     */
    public ContainerRegistry(Path root, Launcher launcher, java.util.function.Function<ImageStore, ImagePull> pulls) {
        this.root = root;
        this.store = new StateStore(root);
        this.images = new ImageStore(root);
        this.imageOps = new ImageCatalog(images, store, pulls.apply(images));
        this.names = new NameRegistry(root);
        this.networks = new ContainerNetworks(root, store::dir);
        this.ops = new ContainerControl(store, names, new ExecRunner(launcher), imageOps, networks);
        this.launches = new ContainerLaunch(root, store, names, images, launcher, networks, this::owner);
    }

    /** The image operations. */
    public ImageCatalog images() {
        return imageOps;
    }

    /** The networks. */
    public ContainerNetworks networks() {
        return networks;
    }

    /** Removes network {@code name}; refused while a live container is on it. */
    public void removeNetwork(String name) {
        networks.remove(name, this::owner);
    }

    /** What the state says of container {@code id}, for the network's leases. */
    Ipam.Owner owner(String id) {
        Optional<ContainerRecord> r = store.read(id);
        if (r.isEmpty()) {
            return Ipam.Owner.NO_RECORD;
        }
        ContainerRecord rec = r.get();
        return switch (rec.status) {
            case CREATED -> ProcessIdentity.isAlive(rec.launcherPid, rec.launcherStartTime) ? Ipam.Owner.LIVE
                    : Ipam.Owner.ENDED;
            case RUNNING -> ProcessIdentity.isAlive(rec.pid, rec.pidStartTime) ? Ipam.Owner.LIVE : Ipam.Owner.ENDED;
            case EXITED, REMOVING -> Ipam.Owner.ENDED;
        };
    }

    /** Repairs what JVMs killed mid-launch or mid-remove left behind (see {@link Repair}). */
    public void repair() {
        new Repair(store, names, ops::cgroupOf).run();
        try {
            networks.repair(this::owner);
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(ContainerRegistry.class).warn("cannot repair the networks", e);
        }
        // Containers a repair removed may have been the last users of a removed image's layers;
        // a pull killed while it moved layers in leaves layers no image uses.
        imageOps.collectUnusedLayers();
        imageOps.sweepPulls();
    }

    // Before anything of the container exists: a failed pull leaves nothing to undo.
    private void pullIfWanted(ContainerSpec spec) {
        String image = spec.image();
        if (image == null || spec.pullPolicy() == io.sixcontainer.PullPolicy.NEVER) {
            return;
        }
        boolean pull = spec.pullPolicy() == io.sixcontainer.PullPolicy.ALWAYS
                ? io.sixcontainer.ImageReference.isValid(image) && !images.isBuiltin(image)
                : images.find(image).isEmpty() && io.sixcontainer.ImageReference.isValid(image);
        if (pull) {
            imageOps.pull(image, io.sixcontainer.PullOptions.defaults());
        }
    }

    /** Launches {@code spec} (see {@link ContainerLaunch}); returns its handle. Nothing remains if it fails. */
    public Container launch(ContainerSpec spec) {
        pullIfWanted(spec);
        ContainerLaunch.Started started = launches.start(spec);
        ContainerRecord rec = started.record();
        if (started.plan().detached()) {
            // Recorded as running first: a JVM killed before the detach leaves a killed
            // container with an exit record, never a running one without a record.
            started.process().monitor().detach();
            return new RecordHandle(rec.id, rec.name, ops);
        }
        AttachedHandle c = new AttachedHandle(rec.id, rec.name, started.plan().autoRemove(), started.process(), ops);
        attached.put(rec.id, c);
        c.follow(this::attachedExited);
        return c;
    }

    // What only this JVM knows is recorded here: an OOM kill (the cgroup that showed it is
    // gone). The exit itself is in the monitor's exit record, which every reader of the
    // record takes (StateStore.refresh); recording it here too would be one more write per
    // container, racing with the close() that usually follows.
    private void attachedExited(AttachedHandle c) {
        try {
            store.plan(c.id()).ifPresent(p -> networks.detach(c.id(), p.network()));
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(ContainerRegistry.class).warn("container {}: taking back its network"
                    + " failed", c.id(), e);
        }
        // Listed as attached until its removal (auto-remove) is done or queued: closeAttached
        // must not skip it and let ContainerRuntime.close finish before that removal.
        try {
            recordExit(c);
        } finally {
            attached.remove(c.id());
        }
    }

    private void recordExit(AttachedHandle c) {
        boolean oomKilled;
        try {
            oomKilled = c.waitFor(java.time.Duration.ZERO).map(ExitStatus::oomKilled).orElse(false);
        } catch (ContainerException noStatus) {
            // Its monitor ended without an exit event: its waiters get that error; here (a
            // reaper thread) it is only no OOM to record, and an auto-remove still happens.
            oomKilled = false;
        }
        if (!oomKilled && !c.autoRemove()) {
            return;
        }
        if (!ops.exists(c.id())) {
            return;  // closed and removed already
        }
        try {
            if (oomKilled) {
                store.update(c.id(), r -> r.oomKilled = true);
                store.refresh(c.id());
            }
            if (c.autoRemove()) {
                ops.remove(c.id(), true);
            }
        } catch (ContainerException e) {
            if (ops.exists(c.id())) {
                org.slf4j.LoggerFactory.getLogger(ContainerRegistry.class).warn("container {}: recording its exit failed",
                        c.id(), e);
            }
        }
    }

    /** Every recorded container, its status checked against the kernel. */
    public List<ContainerInfo> list() {
        List<ContainerInfo> out = new ArrayList<>();
        for (String id : store.ids()) {
            current(id).ifPresent(r -> out.add(r.toInfo(store.plan(id).orElse(null), store.dir(id))));
        }
        out.sort((a, b) -> b.created().compareTo(a.created()));
        return out;
    }

    /** Finds a container by name, full id, or a prefix of its id that only it has. */
    public Optional<Container> find(String nameOrId) {
        return resolve(nameOrId).flatMap(this::handle);
    }

    private Optional<String> resolve(String key) {
        Optional<String> byName = names.resolve(key);
        if (byName.isPresent() && store.read(byName.get()).isPresent()) {
            return byName;
        }
        if (!key.matches("[0-9a-f]{1,64}")) {
            return Optional.empty();
        }
        List<String> matches = store.ids().stream().filter(id -> id.startsWith(key)).toList();
        if (matches.size() > 1) {
            throw new ContainerException("container id prefix '" + key + "' is ambiguous: it matches "
                    + matches.stream().map(id -> id.substring(0, 12)).toList());
        }
        return matches.stream().findFirst();
    }

    // Empty when the container was removed since it was resolved.
    private Optional<Container> handle(String id) {
        AttachedHandle mine = attached.get(id);
        if (mine != null) {
            return Optional.of(mine);
        }
        return current(id).map(r -> new RecordHandle(id, r.name, ops));
    }

    // The record brought up to date; a detached auto-remove container that has exited is
    // removed here (no JVM watched it end; its monitor only records the exit).
    private Optional<ContainerRecord> current(String id) {
        Optional<ContainerRecord> r = store.refresh(id);
        if (r.isPresent() && r.get().status == ContainerStatus.EXITED) {
            // No JVM may have watched a detached one end: its network is taken back here.
            store.plan(id).filter(LaunchPlan::detached).ifPresent(p -> networks.detach(id, p.network()));
        }
        if (r.isPresent() && r.get().status == ContainerStatus.EXITED
                && store.plan(id).filter(p -> p.autoRemove() && p.detached()).isPresent()) {
            try {
                ops.remove(id, false);
            } catch (ContainerException raced) {
                // removed by another caller meanwhile
            }
            return Optional.empty();
        }
        return r;
    }

    /** Waits until the files of the containers this JVM removed are deleted (they go in the background). */
    public void finishRemovals() {
        store.drain();
    }

    /** Kills and waits for every attached container of this JVM. */
    public void closeAttached() {
        for (AttachedHandle c : List.copyOf(attached.values())) {
            c.close();
        }
    }
}

package io.sixcontainer.internal.lifecycle;

import io.sixcontainer.Container;
import io.sixcontainer.ContainerException;
import io.sixcontainer.ContainerInfo;
import io.sixcontainer.ContainerSpec;
import io.sixcontainer.ContainerStatus;
import io.sixcontainer.ExitStatus;
import io.sixcontainer.internal.exec.Executor;
import io.sixcontainer.internal.launch.LaunchedProcess;
import io.sixcontainer.internal.launch.Launcher;
import io.sixcontainer.internal.image.ImageRecord;
import io.sixcontainer.internal.image.ImageStore;
import io.sixcontainer.internal.plan.LaunchPlan;
import io.sixcontainer.internal.plan.LaunchPlanner;
import io.sixcontainer.internal.state.ContainerRecord;
import io.sixcontainer.internal.state.NameRegistry;
import io.sixcontainer.internal.state.ProcessIdentity;
import io.sixcontainer.internal.state.StateStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Containers under one runtime root: launching them with a record and a unique name,
 * finding them by name, id or unique id prefix, and the handles of those this JVM owns.
 */
public final class Lifecycle {


    private final StateStore store;
    private final NameRegistry names;
    private final Path root;
    private final ImageStore images;
    private final ImageOps imageOps;
    private final Launcher launcher;
    private final ContainerOps ops;
    private final Map<String, AttachedContainer> attached = new ConcurrentHashMap<>();

    /** @param root the runtime root */
    public Lifecycle(Path root, Launcher launcher) {
        this.root = root;
        this.store = new StateStore(root);
        this.images = new ImageStore(root);
        this.imageOps = new ImageOps(images, store);
        this.names = new NameRegistry(root);
        this.launcher = launcher;
        this.ops = new ContainerOps(store, names, new Executor(launcher), imageOps);
    }

    /** The image operations. */
    public ImageOps images() {
        return imageOps;
    }

    /** Repairs what JVMs killed mid-launch or mid-remove left behind (see {@link Repair}). */
    public void repair() {
        new Repair(store, names, ops::cgroupOf).run();
        // Containers a repair removed may have been the last users of a removed image's layers.
        imageOps.collectUnusedLayers();
    }

    /** Launches {@code spec}: plans it, records it, claims its name, starts it. Nothing remains if it fails. */
    public Container launch(ContainerSpec spec) {
        Workspace.prepareVolumes(spec);
        ContainerRecord rec = newRecord(spec);
        Path dir = store.dir(rec.id);
        Planned planned;
        if (spec.image() == null) {
            planned = new Planned(LaunchPlanner.plan(rec.id, spec, null, LaunchPlanner.rootfs(spec.rootfs())), null);
            store.create(rec, planned.plan());
        } else {
            // Resolved and recorded under the image lock: an image removal in another JVM then
            // either sees this container as a user of its layers or has finished before.
            planned = images.locked(() -> {
                ImageRecord image = images.resolve(spec.image());
                List<Path> lowerDirs = images.lowerDirs(image);
                Planned p = new Planned(LaunchPlanner.plan(rec.id, spec, image, Workspace.root(root, dir, lowerDirs)),
                        lowerDirs.getFirst());
                store.create(rec, p.plan());
                return p;
            });
        }
        LaunchPlan plan = planned.plan();
        try {
            claimName(spec, rec);
        } catch (RuntimeException e) {
            store.delete(rec.id);
            throw e;
        }
        LaunchedProcess process;
        try {
            if (planned.topLayer() != null) {
                Workspace.create(root, dir, planned.topLayer());
            }
            process = launcher.launch(plan, spec.stdin(), spec.stdout(), spec.stderr(), dir);
        } catch (RuntimeException e) {
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
            abandon(process, rec, e);
            throw e;
        }
        if (plan.detached()) {
            // Recorded as running first: a JVM killed before the detach leaves a killed
            // container with an exit record, never a running one without a record.
            process.monitor().detach();
            return new ObservedContainer(rec.id, rec.name, ops);
        }
        AttachedContainer c = new AttachedContainer(rec.id, rec.name, plan.autoRemove(), process, ops);
        attached.put(rec.id, c);
        c.follow(this::attachedExited);
        return c;
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
    private void abandon(LaunchedProcess process, ContainerRecord rec, RuntimeException cause) {
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

    // What only this JVM knows is recorded here: an OOM kill (the cgroup that showed it is
    // gone). The exit itself is in the monitor's exit record, which every reader of the
    // record takes (StateStore.refresh); recording it here too would be one more write per
    // container, racing with the close() that usually follows.
    private void attachedExited(AttachedContainer c) {
        // Listed as attached until its removal (auto-remove) is done or queued: closeAttached
        // must not skip it and let Runtime.close finish before that removal.
        try {
            recordExit(c);
        } finally {
            attached.remove(c.id());
        }
    }

    private void recordExit(AttachedContainer c) {
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
                org.slf4j.LoggerFactory.getLogger(Lifecycle.class).warn("container {}: recording its exit failed",
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
        AttachedContainer mine = attached.get(id);
        if (mine != null) {
            return Optional.of(mine);
        }
        return current(id).map(r -> new ObservedContainer(id, r.name, ops));
    }

    // The record brought up to date; a detached auto-remove container that has exited is
    // removed here (no JVM watched it end; its monitor only records the exit).
    private Optional<ContainerRecord> current(String id) {
        Optional<ContainerRecord> r = store.refresh(id);
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
        for (AttachedContainer c : List.copyOf(attached.values())) {
            c.close();
        }
    }
}

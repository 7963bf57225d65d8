package io.sixcontainer.internal.lifecycle;

import io.sixcontainer.ContainerStatus;
import io.sixcontainer.internal.state.ContainerRecord;
import io.sixcontainer.internal.state.NameRegistry;
import io.sixcontainer.internal.state.ProcessIdentity;
import io.sixcontainer.internal.state.StateStore;
import java.nio.file.Path;
import java.util.Optional;
import io.sixcontainer.internal.cgroup.CgroupManager;
import io.sixcontainer.internal.plan.LaunchPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the runtime root back in order when a runtime opens, so a JVM killed at any point of
 * a launch or a remove never needs a manual cleanup: launches whose JVM died before the
 * command ran are removed; removals that were cut short are finished (their cgroups too);
 * containers whose record a power loss left torn are removed; running records whose
 * process is gone become exited; auto-remove containers that have exited are removed; names
 * that point at no container are released.
 */
final class Repair {

    private static final Logger LOG = LoggerFactory.getLogger(Repair.class);

    private final StateStore store;
    private final NameRegistry names;
    private final java.util.function.Function<String, io.sixcontainer.internal.cgroup.CgroupManager> cgroups;

    /** @param cgroups the cgroup of a container id, from its plan or (without one) wherever it could be */
    Repair(StateStore store, NameRegistry names,
           java.util.function.Function<String, io.sixcontainer.internal.cgroup.CgroupManager> cgroups) {
        this.store = store;
        this.names = names;
        this.cgroups = cgroups;
    }

    void run() {
        for (Path debris : store.abandonedCreations()) {
            StateStore.deleteTree(debris);
        }
        for (Path debris : store.debris()) {
            // A removal cut short (its plan tells where its cgroup is), or a container whose
            // record is gone or torn (a power loss: records are not fsynced; then a cgroup
            // under the default parent goes with it).
            StateStore.idOf(debris).ifPresent(id -> {
                if (debris.getFileName().toString().equals(id) && store.recordIn(debris).isEmpty()) {
                    LOG.warn("removing container {}: it has no readable record", id);
                }
                store.planIn(debris).map(plan -> CgroupManager.of(plan.cgroups()))
                        .orElseGet(() -> cgroups.apply(id)).remove();
            });
            // A removal in another JVM may be deleting the same tree.
            StateStore.deleteTreeQuietly(debris);
        }
        for (String id : store.ids()) {
            try {
                repair(id);
            } catch (RuntimeException e) {
                LOG.warn("cannot repair container {}", id, e);
            }
        }
        for (String name : names.all()) {
            names.resolve(name).filter(id -> store.read(id).isEmpty()).ifPresent(id -> names.release(name, id));
        }
    }

    // Decided under the record's lock on a fresh read: a launcher updates the record under
    // that lock before it may exit, so "created, and its launcher is gone" read outside the
    // lock could be a launch that finished (and whose JVM exited) a moment ago.
    private void repair(String id) {
        try {
            store.locked(id, () -> {
                repairLocked(id);
                return null;
            });
        } catch (io.sixcontainer.ContainerException e) {
            if (store.read(id).isPresent()) {
                throw e;
            }
            // removed by its owner meanwhile
        }
    }

    private void repairLocked(String id) {
        Optional<ContainerRecord> rec = store.refresh(id);
        if (rec.isEmpty()) {
            return;
        }
        ContainerRecord r = rec.get();
        boolean abandonedLaunch = r.status == ContainerStatus.CREATED
                && !ProcessIdentity.isAlive(r.launcherPid, r.launcherStartTime);
        boolean exitedAutoRemove = r.status == ContainerStatus.EXITED
                && store.plan(id).map(LaunchPlan::autoRemove).orElse(false);
        if (abandonedLaunch || exitedAutoRemove || r.status == ContainerStatus.REMOVING) {
            LOG.debug("repair: removing container {} ({})", id, r.status);
            cgroups.apply(id).remove();
            names.release(r.name, id);
            store.delete(id);
        }
    }
}

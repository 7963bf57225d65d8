package io.sixcontainer.internal.lifecycle;

import io.sixcontainer.ImageInfo;
import io.sixcontainer.PullOptions;
import io.sixcontainer.internal.registry.ImagePull;
import io.sixcontainer.internal.image.ImageRecord;
import io.sixcontainer.internal.image.ImageStore;
import io.sixcontainer.internal.state.StateStore;
import io.sixcontainer.internal.plan.LaunchPlan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The image operations of a runtime: they need to know which images and layers containers use. */
public final class ImageCatalog {

    private final ImageStore images;
    private final StateStore containers;

    private final ImageTransfer transfer;
    private final ImagePull pulls;

    ImageCatalog(ImageStore images, StateStore containers, ImagePull pulls) {
        this.images = images;
        this.containers = containers;
        this.transfer = new ImageTransfer(images, containers, this);
        this.pulls = pulls;
    }

    /** Pulls {@code ref} from its registry (see {@link ImagePull}). */
    public ImageInfo pull(String ref, PullOptions options) {
        return info(pulls.pull(ref, options.platform(), options.progress()));
    }

    /** Deletes what pulls killed mid-way left. */
    void sweepPulls() {
        try {
            pulls.sweep();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(ImageCatalog.class).warn("cannot clean up after killed pulls", e);
        }
    }

    /** Imports, commits and exports. */
    public ImageTransfer transfer() {
        return transfer;
    }

    /** Every stored image. */
    public List<ImageInfo> list() {
        return images.list().stream().map(this::info).toList();
    }

    /** The image {@code ref} names, if any. */
    public Optional<ImageInfo> find(String ref) {
        return images.find(ref).map(this::info);
    }

    /** Points {@code newRef} at the image {@code ref} names. */
    public ImageInfo tag(String ref, String newRef) {
        return images.locked(() -> {
            ImageRecord image = images.resolve(ref);
            images.tag(image, newRef);
            return info(image);
        });
    }

    /** Removes a tag or an image; see {@link ImageStore#remove}. */
    public String remove(String ref, boolean force) {
        return images.locked(() -> {
            Set<String> imagesInUse = new HashSet<>();
            List<String> layersInUse = new ArrayList<>();
            usage(imagesInUse, layersInUse);
            return images.remove(ref, force, imagesInUse, layersInUse);
        });
    }

    /** After a container is removed: the layers of an image removed while it ran may be free now. */
    void containerRemoved(String imageId) {
        if (imageId == null || imageId.startsWith("builtin:") || images.find(imageId).isPresent()) {
            return;
        }
        collectUnusedLayers();
    }

    /** Deletes layers no image and no container uses (e.g. after a repair removed containers). */
    void collectUnusedLayers() {
        images.locked(() -> {
            List<String> layersInUse = new ArrayList<>();
            usage(new HashSet<>(), layersInUse);
            images.collectLayers(layersInUse);
            return null;
        });
    }

    private void usage(Set<String> imagesInUse, List<String> layersInUse) {
        for (String id : containers.ids()) {
            containers.plan(id).map(LaunchPlan::image).ifPresent(image -> {
                imagesInUse.add(image.id());
                layersInUse.addAll(image.layers());
            });
        }
    }

    ImageStore store() {
        return images;
    }

    ImageInfo info(ImageRecord r) {
        List<String> tags = r.builtin != null ? List.of(r.builtin + ":latest") : images.tagsOf(r);
        return new ImageInfo(r.id, tags, r.created, r.layers, r.config.env(), r.config.entrypoint(), r.config.cmd(),
                r.config.workingDir(), r.config.user().isEmpty() ? null : r.config.user(), r.config.exposedPorts(),
                r.config.labels(), r.repoDigests);
    }
}

package io.sixcontainer.internal.plan;

import java.util.List;

/**
 * The image a container's root is made from, as it was when the container was created.
 *
 * @param ref    the image as the spec named it
 * @param id     the image's id
 * @param layers its layers' diff ids, bottom first: the layers the container uses
 */
public record ImageLayers(String ref, String id, List<String> layers) {
    public ImageLayers {
        layers = List.copyOf(layers);
    }
}

package io.sixcontainer.examples.cli;

import io.sixcontainer.Container;
import io.sixcontainer.ContainerException;
import io.sixcontainer.ContainerRuntime;

/** Resolves what the user typed (a name, an id, or an id prefix) to a container. */
final class ContainerRef {

    private ContainerRef() {
    }

    static Container require(ContainerRuntime runtime, String key) {
        return runtime.get(key).orElseThrow(() -> new ContainerException("no such container: " + key));
    }
}

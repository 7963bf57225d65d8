package io.sixcontainer;

import java.time.Instant;
import java.util.List;

/**
 * A bridge network, as {@link ContainerRuntime#networks()} reports it.
 *
 * @param name       its name ({@link Network#DEFAULT_BRIDGE} for {@code sixc run}'s default)
 * @param subnet     its IPv4 subnet, {@code a.b.c.d/len}
 * @param gateway    the bridge's address: the containers' default route
 * @param bridge     the host's bridge device
 * @param created    when it was made
 * @param containers the ids of the containers that hold an address on it
 */
public record NetworkInfo(String name, String subnet, String gateway, String bridge, Instant created,
                          List<String> containers) {

    /** Copies the list. */
    public NetworkInfo {
        containers = List.copyOf(containers);
    }
}

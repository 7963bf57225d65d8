package io.sixcontainer;

/** When {@link ContainerRuntime#launch} pulls a container's image from its registry first. */
public enum PullPolicy {
    /** Pull when no stored image (or built-in) has that name: the default, as docker's {@code --pull missing}. */
    IF_MISSING,
    /** Pull every time (a tag may have moved); the layers the store already has are not downloaded again. */
    ALWAYS,
    /** Never pull: an image that is not stored is an error. */
    NEVER
}

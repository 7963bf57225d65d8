package io.sixcontainer;

/** Where a container is in its life. */
public enum ContainerStatus {
    /** Recorded, its command not yet running. */
    CREATED,
    /** Its command runs. */
    RUNNING,
    /** Its command has ended; the record stays until the container is removed. */
    EXITED,
    /** Being removed. */
    REMOVING
}

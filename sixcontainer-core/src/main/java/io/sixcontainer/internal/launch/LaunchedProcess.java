package io.sixcontainer.internal.launch;

/**
 * A container whose command runs: the init's host pid, the JVM's side of its monitor, and
 * the JVM's ends of its stdio pipes ({stdin, stdout, stderr}, -1 where not a pipe).
 *
 * @param initPid       host pid of the container's init
 * @param monitor       the helper monitor
 * @param parentStreams the JVM's pipe ends
 */
public record LaunchedProcess(int initPid, HelperProcess monitor, int[] parentStreams) {
}

package io.sixcontainer.internal.launch;

import io.sixcontainer.internal.cgroup.CgroupManager;
import io.sixcontainer.internal.tty.PtyMaster;

/**
 * A process whose command runs: its host pid and start time (read by its monitor before it
 * could be reaped, so the pid cannot have been reused), its cgroup (a container's;
 * null for an exec), the JVM's side of its monitor, and the JVM's ends of its stdio pipes
 * ({stdin, stdout, stderr}, -1 where not a pipe).
 *
 * @param initPid       host pid
 * @param startTime     field 22 of /proc/pid/stat; 0 for an exec
 * @param cgroup        the container's cgroup, or null
 * @param monitor       the helper monitor
 * @param parentStreams the JVM's pipe ends
 * @param pty           the terminal's master side when the process has one, else null
 */
public record StartedProcess(int initPid, long startTime, CgroupManager cgroup, MonitorLink monitor,
                              int[] parentStreams, PtyMaster pty) {
}

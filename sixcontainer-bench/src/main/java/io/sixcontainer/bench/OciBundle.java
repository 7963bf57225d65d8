package io.sixcontainer.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an OCI bundle (config.json) for crun and runc that matches the container
 * sixcontainer runs in the benchmark (Workbench.spec): the same rootfs directory (writable,
 * shared), the same five namespaces (pid, network, ipc, uts, mount), the same mounts (/proc,
 * a /dev tmpfs with devpts, shm and mqueue, a read-only /sys) and the same memory limit. Like
 * it (Security.privileged()) it sets no masked or read-only paths and no seccomp filter.
 * Modelled on the output of {@code runc spec}.
 */
final class OciBundle {

    private OciBundle() {
    }

    /**
     * Creates {@code dir}/config.json running {@code args} in {@code rootfs} with a memory
     * limit of {@code memoryLimit} bytes; returns {@code dir}.
     */
    static Path write(Path dir, Path rootfs, List<String> args, long memoryLimit) throws IOException {
        Files.createDirectories(dir);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("ociVersion", "1.0.2");
        config.put("process", Map.of(
                "terminal", false,
                "user", Map.of("uid", 0, "gid", 0),
                "args", args,
                "env", List.of("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"),
                "cwd", "/",
                "capabilities", capabilities(),
                "noNewPrivileges", false));
        config.put("root", Map.of("path", rootfs.toString(), "readonly", false));
        config.put("hostname", "bench");
        config.put("mounts", List.of(
                mount("/proc", "proc", "proc", List.of("nosuid", "noexec", "nodev")),
                mount("/dev", "tmpfs", "tmpfs", List.of("nosuid", "strictatime", "mode=755", "size=65536k")),
                mount("/dev/pts", "devpts", "devpts",
                        List.of("nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5")),
                mount("/dev/shm", "tmpfs", "shm", List.of("nosuid", "noexec", "nodev", "mode=1777", "size=65536k")),
                mount("/dev/mqueue", "mqueue", "mqueue", List.of("nosuid", "noexec", "nodev")),
                mount("/sys", "sysfs", "sysfs", List.of("nosuid", "noexec", "nodev", "ro"))));
        config.put("linux", Map.of(
                "namespaces", List.of(Map.of("type", "pid"), Map.of("type", "network"), Map.of("type", "ipc"),
                        Map.of("type", "uts"), Map.of("type", "mount")),
                "resources", Map.of("memory", Map.of("limit", memoryLimit))));
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(dir.resolve("config.json").toFile(), config);
        return dir;
    }

    private static Map<String, Object> mount(String destination, String type, String source, List<String> options) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("destination", destination);
        m.put("type", type);
        m.put("source", source);
        m.put("options", options);
        return m;
    }

    // Capability numbers 0..40 in order (linux/capability.h).
    private static final String[] CAPS = {"CHOWN", "DAC_OVERRIDE", "DAC_READ_SEARCH", "FOWNER", "FSETID", "KILL",
        "SETGID", "SETUID", "SETPCAP", "LINUX_IMMUTABLE", "NET_BIND_SERVICE", "NET_BROADCAST", "NET_ADMIN",
        "NET_RAW", "IPC_LOCK", "IPC_OWNER", "SYS_MODULE", "SYS_RAWIO", "SYS_CHROOT", "SYS_PTRACE", "SYS_PACCT",
        "SYS_ADMIN", "SYS_BOOT", "SYS_NICE", "SYS_RESOURCE", "SYS_TIME", "SYS_TTY_CONFIG", "MKNOD", "LEASE",
        "AUDIT_WRITE", "AUDIT_CONTROL", "SETFCAP", "MAC_OVERRIDE", "MAC_ADMIN", "SYSLOG", "WAKE_ALARM",
        "BLOCK_SUSPEND", "AUDIT_READ", "PERFMON", "BPF", "CHECKPOINT_RESTORE"};

    // sixcontainer keeps every capability root has; the OCI runtimes get the same set (this
    // process's bounding set: asking for more fails in capset), so that neither side pays for
    // a capability drop the other skips.
    private static Map<String, Object> capabilities() throws IOException {
        long bounding = 0;
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("CapBnd:")) {
                bounding = Long.parseUnsignedLong(line.substring("CapBnd:".length()).strip(), 16);
            }
        }
        List<String> caps = new ArrayList<>();
        for (int i = 0; i < CAPS.length; i++) {
            if ((bounding & (1L << i)) != 0) {
                caps.add("CAP_" + CAPS[i]);
            }
        }
        return Map.of("bounding", caps, "effective", caps, "permitted", caps);
    }
}

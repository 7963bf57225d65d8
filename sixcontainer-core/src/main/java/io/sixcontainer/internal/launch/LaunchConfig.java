package io.sixcontainer.internal.launch;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Encodes the launch config the init reads on fd 3: little-endian, versioned,
 * length-prefixed records (docs/protocol.md). The C side validates it as untrusted input.
 */
public final class LaunchConfig {

    static final int VERSION = 1;
    static final int FLAG_LOOPBACK_UP = 1;
    static final int FLAG_CONTROLLING_TTY = 2;

    private static final int TAG_ROOTFS = 1;
    private static final int TAG_ARG = 2;
    private static final int TAG_ENV = 3;
    private static final int TAG_CWD = 4;
    private static final int TAG_HOSTNAME = 5;
    private static final int TAG_MOUNT = 6;
    private static final int TAG_FLAGS = 7;
    private static final int TAG_USER = 8;
    private static final int TAG_CGROUP = 9;
    private static final int TAG_OVERLAY = 10;
    private static final int TAG_CAPS = 20;
    private static final int TAG_NO_NEW_PRIVS = 21;
    private static final int TAG_SECCOMP = 22;
    private static final int TAG_RLIMIT = 23;
    private static final int TAG_OOM_SCORE_ADJ = 24;
    private static final int TAG_GROUPS = 25;
    private static final int TAG_USER_NAME = 26;
    private static final int TAG_GROUP_NAME = 27;

    private final ByteArrayOutputStream payload = new ByteArrayOutputStream();

    /** Adds the record. */
    public LaunchConfig rootfs(String path) {
        return string(TAG_ROOTFS, path);
    }

    /** Adds the record. */
    public LaunchConfig args(List<String> argv) {
        argv.forEach(a -> string(TAG_ARG, a));
        return this;
    }

    /** Adds the record. */
    public LaunchConfig env(Map<String, String> env) {
        env.forEach((k, v) -> string(TAG_ENV, k + "=" + v));
        return this;
    }

    /** Adds the record. */
    public LaunchConfig cwd(String dir) {
        return string(TAG_CWD, dir);
    }

    /** Adds the record: the command's environment as KEY=VALUE strings. */
    public LaunchConfig envStrings(List<String> env) {
        env.forEach(e -> string(TAG_ENV, e));
        return this;
    }

    /** Adds the record: run the command as uid:gid. */
    public LaunchConfig user(int uid, int gid) {
        return record(TAG_USER, le(8).putInt(uid).putInt(gid).array());
    }

    /** Adds the records: cgroup.procs files the init (run) or the exec'd process (exec) joins first. */
    public LaunchConfig cgroups(List<String> procsFiles) {
        procsFiles.forEach(p -> string(TAG_CGROUP, p));
        return this;
    }

    /** Adds the record: mount an overlay with {@code options} (paths relative to {@code dir}) as the root. */
    LaunchConfig overlay(String dir, String options) {
        return record(TAG_OVERLAY, concat(cString(dir), cString(options)));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** Adds the record: the capability sets (bit masks) the command gets. */
    public LaunchConfig capabilities(long bounding, long permitted, long effective, long inheritable) {
        return record(TAG_CAPS, le(32).putLong(bounding).putLong(permitted).putLong(effective).putLong(inheritable)
                .array());
    }

    /** Adds the record: set no_new_privs. */
    public LaunchConfig noNewPrivileges() {
        return record(TAG_NO_NEW_PRIVS, new byte[0]);
    }

    /** Adds the record: the seccomp filter, as encoded sock_filters. */
    public LaunchConfig seccomp(byte[] program) {
        return record(TAG_SECCOMP, program);
    }

    /** Adds the record: one resource limit (-1 = RLIM_INFINITY). */
    public LaunchConfig rlimit(int resource, long soft, long hard) {
        return record(TAG_RLIMIT, le(24).putInt(resource).putInt(0).putLong(soft).putLong(hard).array());
    }

    /** Adds the record: the command's oom_score_adj. */
    public LaunchConfig oomScoreAdj(int adj) {
        return record(TAG_OOM_SCORE_ADJ, le(4).putInt(adj).array());
    }

    /** Adds the record: supplementary groups of the USER. */
    public LaunchConfig groups(List<Integer> gids) {
        ByteBuffer b = le(4 * gids.size());
        gids.forEach(b::putInt);
        return record(TAG_GROUPS, b.array());
    }

    /** Adds the record: run as {@code user[:group]} (names or numbers) looked up in the container. */
    public LaunchConfig userName(String user, String group) {
        return record(TAG_USER_NAME, concat(cString(user), cString(group == null ? "" : group)));
    }

    /** Adds the record: one supplementary group (a name or a number) looked up in the container. */
    public LaunchConfig groupName(String group) {
        return string(TAG_GROUP_NAME, group);
    }

    /** Appends records encoded by another LaunchConfig's {@link #payload()}. */
    public LaunchConfig records(byte[] encoded) {
        payload.writeBytes(encoded);
        return this;
    }

    /** The records added so far, without the header. */
    public byte[] payload() {
        return payload.toByteArray();
    }

    LaunchConfig hostname(String name) {
        return string(TAG_HOSTNAME, name);
    }

    LaunchConfig flags(int flags) {
        return record(TAG_FLAGS, le(4).putInt(flags).array());
    }

    LaunchConfig mounts(List<MountStep> plan) {
        for (MountStep s : plan) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(le(24).putInt(s.op().code).putInt(s.mode()).putLong(s.flags()).putLong(s.dev()).array());
            for (String str : new String[] {s.source(), s.target(), s.fstype(), s.data()}) {
                body.writeBytes(cString(str));
            }
            record(TAG_MOUNT, body.toByteArray());
        }
        return this;
    }

    /** The whole message: header and payload. */
    byte[] toBytes() {
        byte[] body = payload.toByteArray();
        ByteBuffer out = le(12 + body.length);
        out.put("SIXC".getBytes(StandardCharsets.US_ASCII)).putInt(VERSION).putInt(body.length).put(body);
        return out.array();
    }

    private LaunchConfig string(int tag, String value) {
        return record(tag, cString(value));
    }

    private LaunchConfig record(int tag, byte[] body) {
        payload.writeBytes(le(8).putShort((short) tag).putShort((short) 0).putInt(body.length).array());
        payload.writeBytes(body);
        return this;
    }

    private static byte[] cString(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        byte[] withNul = new byte[utf8.length + 1];
        System.arraycopy(utf8, 0, withNul, 0, utf8.length);
        return withNul;
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}

package io.sixcontainer.internal.launch;

import io.sixcontainer.internal.launch.Protocol.Tag;
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

    private final ByteArrayOutputStream payload = new ByteArrayOutputStream();

    /** Adds the record. */
    public LaunchConfig rootfs(String path) {
        return string(Tag.ROOTFS, path);
    }

    /** Adds the record. */
    public LaunchConfig args(List<String> argv) {
        argv.forEach(a -> string(Tag.ARG, a));
        return this;
    }

    /** Adds the record. */
    public LaunchConfig env(Map<String, String> env) {
        env.forEach((k, v) -> string(Tag.ENV, k + "=" + v));
        return this;
    }

    /** Adds the record. */
    public LaunchConfig cwd(String dir) {
        return string(Tag.CWD, dir);
    }

    /** Adds the record: the command's environment as KEY=VALUE strings. */
    public LaunchConfig envStrings(List<String> env) {
        env.forEach(e -> string(Tag.ENV, e));
        return this;
    }

    /** Adds the record: run the command as uid:gid. */
    public LaunchConfig user(int uid, int gid) {
        return record(Tag.USER, le(8).putInt(uid).putInt(gid).array());
    }

    /** Adds the records: cgroup.procs files the init (run) or the exec'd process (exec) joins first. */
    public LaunchConfig cgroups(List<String> procsFiles) {
        procsFiles.forEach(p -> string(Tag.CGROUP, p));
        return this;
    }

    /** Adds the record: mount an overlay with {@code options} (paths relative to {@code dir}) as the root. */
    LaunchConfig overlay(String dir, String options) {
        return record(Tag.OVERLAY, concat(cString(dir), cString(options)));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** Adds the record: the capability sets (bit masks) the command gets. */
    public LaunchConfig capabilities(long bounding, long permitted, long effective, long inheritable) {
        return record(Tag.CAPS, le(32).putLong(bounding).putLong(permitted).putLong(effective).putLong(inheritable)
                .array());
    }

    /** Adds the record: set no_new_privs. */
    public LaunchConfig noNewPrivileges() {
        return record(Tag.NO_NEW_PRIVS, new byte[0]);
    }

    /** Adds the record: the seccomp filter, as encoded sock_filters. */
    public LaunchConfig seccomp(byte[] program) {
        return record(Tag.SECCOMP, program);
    }

    /** Adds the record: one resource limit (-1 = RLIM_INFINITY). */
    public LaunchConfig rlimit(int resource, long soft, long hard) {
        return record(Tag.RLIMIT, le(24).putInt(resource).putInt(0).putLong(soft).putLong(hard).array());
    }

    /** Adds the record: the command's oom_score_adj. */
    public LaunchConfig oomScoreAdj(int adj) {
        return record(Tag.OOM_SCORE_ADJ, le(4).putInt(adj).array());
    }

    /** Adds the record: supplementary groups of the USER. */
    public LaunchConfig groups(List<Integer> gids) {
        ByteBuffer b = le(4 * gids.size());
        gids.forEach(b::putInt);
        return record(Tag.GROUPS, b.array());
    }

    /** Adds the record: run as {@code user[:group]} (names or numbers) looked up in the container. */
    public LaunchConfig userName(String user, String group) {
        return record(Tag.USER_NAME, concat(cString(user), cString(group == null ? "" : group)));
    }

    /** Adds the record: one supplementary group (a name or a number) looked up in the container. */
    public LaunchConfig groupName(String group) {
        return string(Tag.GROUP_NAME, group);
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
        return string(Tag.HOSTNAME, name);
    }

    LaunchConfig flags(int flags) {
        return record(Tag.FLAGS, le(4).putInt(flags).array());
    }

    LaunchConfig mounts(List<MountStep> plan) {
        for (MountStep s : plan) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(le(24).putInt(s.op().code).putInt(s.mode()).putLong(s.flags()).putLong(s.dev()).array());
            for (String str : new String[] {s.source(), s.target(), s.fstype(), s.data()}) {
                body.writeBytes(cString(str));
            }
            record(Tag.MOUNT, body.toByteArray());
        }
        return this;
    }

    /** The whole message: header and payload. */
    byte[] toBytes() {
        byte[] body = payload.toByteArray();
        ByteBuffer out = le(Protocol.HEADER_LEN + body.length);
        out.put(Protocol.MAGIC.getBytes(StandardCharsets.US_ASCII)).putInt(Protocol.VERSION).putInt(body.length)
                .put(body);
        return out.array();
    }

    private LaunchConfig string(Tag tag, String value) {
        return record(tag, cString(value));
    }

    private LaunchConfig record(Tag tag, byte[] body) {
        payload.writeBytes(le(8).putShort((short) tag.code).putShort((short) 0).putInt(body.length).array());
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

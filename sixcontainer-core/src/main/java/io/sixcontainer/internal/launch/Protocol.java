package io.sixcontainer.internal.launch;

import java.util.Arrays;

/**
 * The vocabulary of the protocol between Java and the C helper (docs/protocol.md), Java's half:
 * the helper's descriptor table, the launch config's header, record tags, FLAGS bits and mount
 * ops, the lifeline's detach byte and the monitor's event kinds. The C half is
 * {@code sixcontainer-native/src/main/c/protocol.h}; {@code ProtocolConsistencyTest} fails when
 * the two differ.
 */
public final class Protocol {

    /** The launch config's header: magic, u32 version, u32 payload length. */
    static final String MAGIC = "SIXC";
    static final int VERSION = 1;
    static final int HEADER_LEN = 12;

    /** The helper's descriptors: the container's stdio, then the protocol's four. */
    static final int FD_STDIN = 0;
    static final int FD_STDOUT = 1;
    static final int FD_STDERR = 2;
    /** Java to init: the launch config. */
    static final int FD_CONFIG = 3;
    /** Monitor to Java: event lines. */
    static final int FD_EVENTS = 4;
    /** Init to Java: one error line, or EOF when {@code execve} succeeded. */
    static final int FD_EXEC_STATUS = 5;
    /** Java to monitor: EOF when the JVM is gone. */
    static final int FD_LIFELINE = 6;
    /** Java to monitor: the first of the descriptors it keeps open while the container runs ({@code --held-fds N}). */
    static final int FD_HELD_FIRST = 7;
    /** The most descriptors a monitor keeps ({@code --held-fds}). */
    static final int FD_HELD_MAX = 64;

    /** The byte that releases a detached container from its lifeline. */
    static final byte LIFELINE_DETACH = 'D';

    /** Bits of the FLAGS record. */
    static final int FLAG_LOOPBACK = 1;
    static final int FLAG_CONTROLLING_TTY = 2;
    static final int FLAG_NETWORK_WAIT = 4;

    private Protocol() {
    }

    /** The record tags of the launch config; the code is the wire value. */
    enum Tag {
        ROOTFS(1), ARG(2), ENV(3), CWD(4), HOSTNAME(5), MOUNT(6), FLAGS(7), USER(8), CGROUP(9), OVERLAY(10),
        CAPS(20), NO_NEW_PRIVS(21), SECCOMP(22), RLIMIT(23), OOM_SCORE_ADJ(24), GROUPS(25), USER_NAME(26),
        GROUP_NAME(27);

        final int code;

        Tag(int code) {
            this.code = code;
        }
    }

    /** The op of a MOUNT record's step; the code is the wire value. */
    public enum MountOp {
        MOUNT(1), MKDIR(2), MKNOD(3), SYMLINK(4), MASK(10), READONLY(11);

        final int code;

        MountOp(int code) {
            this.code = code;
        }
    }

    /** The first word of a monitor event line on fd 4. */
    public enum Event {
        /** {@code pid PID [START-TIME]}: the init (run) or the exec'd process started. */
        PID("pid"),
        /** {@code exit CODE}. */
        EXIT("exit"),
        /** {@code signal SIGNO}. */
        SIGNAL("signal"),
        /** {@code error STEP ERRNO}: the helper itself failed. */
        ERROR("error");

        final String word;

        Event(String word) {
            this.word = word;
        }

        /** The kind a line starts with; an unknown word is an {@link IllegalArgumentException} naming it. */
        static Event parse(String word) {
            return Arrays.stream(values()).filter(e -> e.word.equals(word)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown event kind '" + word + "'"));
        }
    }
}

package io.sixcontainer;

import java.util.Locale;

/**
 * The Linux capabilities ({@code linux/capability.h}) this library knows, in the kernel's
 * order: {@link #number()} is the capability's number, the bit it sets in a capability mask.
 * {@link Security} names capabilities by these constants' names ({@code CAP_NET_ADMIN}); this
 * enum is the one list of them, which the builder checks names against and the launch turns
 * into masks.
 */
public enum Capability {
    // Index = capability number: keep the kernel's order, append new ones at the end.
    CAP_CHOWN, CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER, CAP_FSETID,
    CAP_KILL, CAP_SETGID, CAP_SETUID, CAP_SETPCAP, CAP_LINUX_IMMUTABLE,
    CAP_NET_BIND_SERVICE, CAP_NET_BROADCAST, CAP_NET_ADMIN, CAP_NET_RAW, CAP_IPC_LOCK,
    CAP_IPC_OWNER, CAP_SYS_MODULE, CAP_SYS_RAWIO, CAP_SYS_CHROOT, CAP_SYS_PTRACE,
    CAP_SYS_PACCT, CAP_SYS_ADMIN, CAP_SYS_BOOT, CAP_SYS_NICE, CAP_SYS_RESOURCE,
    CAP_SYS_TIME, CAP_SYS_TTY_CONFIG, CAP_MKNOD, CAP_LEASE, CAP_AUDIT_WRITE,
    CAP_AUDIT_CONTROL, CAP_SETFCAP, CAP_MAC_OVERRIDE, CAP_MAC_ADMIN, CAP_SYSLOG,
    CAP_WAKE_ALARM, CAP_BLOCK_SUSPEND, CAP_AUDIT_READ, CAP_PERFMON, CAP_BPF,
    CAP_CHECKPOINT_RESTORE;

    /** The capability's number ({@code CAP_CHOWN} is 0): its bit in a capability mask. */
    public int number() {
        return ordinal();
    }

    /**
     * The capability named {@code name}, given with or without the {@code CAP_} prefix, in any
     * case ({@code net_admin}, {@code CAP_NET_ADMIN}).
     *
     * @throws InvalidSpecException naming {@code name} if no capability has it
     */
    public static Capability of(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        String full = upper.startsWith("CAP_") ? upper : "CAP_" + upper;
        for (Capability c : values()) {
            if (c.name().equals(full)) {
                return c;
            }
        }
        throw new InvalidSpecException("unknown capability '" + name + "'");
    }
}

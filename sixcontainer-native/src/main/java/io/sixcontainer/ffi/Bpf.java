package io.sixcontainer.ffi;

import static io.sixcontainer.ffi.libc.libc_h$shared.C_LONG;
import static io.sixcontainer.ffi.libc.libc_h$shared.C_POINTER;
import static io.sixcontainer.ffi.libc.libc_h$shared.ERRNO_STATE_LAYOUT;
import static io.sixcontainer.ffi.libc.libc_h$shared.errno;

import io.sixcontainer.ffi.libc.bpf_attr;
import io.sixcontainer.ffi.libc.linux_bpf_h;
import io.sixcontainer.ffi.libc.sys_syscall_h;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/**
 * The {@code bpf(2)} commands sixcontainer uses, over {@code syscall(SYS_bpf, cmd, attr, size)}
 * (libc has no wrapper): load a program, attach it to a cgroup, list and open attached ones.
 * Failures are {@link ErrnoException}s naming the command; a refused program's carries the
 * verifier's log.
 */
public final class Bpf {

    private static final sys_syscall_h.syscall SYSCALL = sys_syscall_h.syscall.makeInvoker(C_LONG, C_POINTER, C_LONG);
    private static final int LOG_START = 64 * 1024;
    private static final int LOG_MAX = 16 * 1024 * 1024;
    private static final int LOG_KEPT = 8 * 1024;

    private Bpf() {
    }

    /**
     * {@code BPF_PROG_LOAD}: loads {@code insns} (8-byte eBPF instructions, native byte order)
     * as a program of {@code progType}; returns its descriptor (close-on-exec, as the kernel
     * makes every BPF descriptor). When the kernel refuses it, the load is repeated with the
     * verifier's log, and the exception's detail ends with that log (its last 8 KiB).
     *
     * @param name the program's name as bpftool shows it (at most 15 of {@code [A-Za-z0-9_.]})
     */
    public static int progLoad(int progType, byte[] insns, String license, String name) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment attr = bpf_attr.allocate(arena);
            MemorySegment code = arena.allocate(insns.length, 8);
            MemorySegment.copy(insns, 0, code, ValueLayout.JAVA_BYTE, 0, insns.length);
            bpf_attr.prog_type(attr, progType);
            bpf_attr.insn_cnt(attr, insns.length / 8);
            bpf_attr.insns(attr, code);
            bpf_attr.license(attr, arena.allocateFrom(license));
            byte[] n = name.getBytes(StandardCharsets.US_ASCII);
            MemorySegment.copy(n, 0, bpf_attr.prog_name(attr), ValueLayout.JAVA_BYTE, 0,
                    Math.min(n.length, linux_bpf_h.BPF_OBJ_NAME_LEN() - 1));
            MemorySegment err = arena.allocate(ERRNO_STATE_LAYOUT);
            long fd = call(err, linux_bpf_h.BPF_PROG_LOAD(), attr);
            if (fd >= 0) {
                return (int) fd;
            }
            return loadWithLog(arena, attr, err, insns.length / 8);
        }
    }

    // Again with the verifier's log, growing the buffer while the kernel says it is too small.
    private static int loadWithLog(Arena arena, MemorySegment attr, MemorySegment err, int count) {
        int firstErrno = errno(err);
        for (int size = LOG_START; ; size *= 2) {
            MemorySegment log = arena.allocate(size);
            bpf_attr.log_level(attr, 1);
            bpf_attr.log_size(attr, size);
            bpf_attr.log_buf(attr, log);
            long fd = call(err, linux_bpf_h.BPF_PROG_LOAD(), attr);
            if (fd >= 0) {
                return (int) fd;
            }
            if (errno(err) == Errno.ENOSPC && size < LOG_MAX) {
                continue;
            }
            String text = log.getString(0, StandardCharsets.US_ASCII).strip();
            if (text.length() > LOG_KEPT) {
                text = "..." + text.substring(text.length() - LOG_KEPT);
            }
            int errno = errno(err) == Errno.ENOSPC ? firstErrno : errno(err);
            throw new ErrnoException("bpf(BPF_PROG_LOAD)", count + " instructions; verifier log: "
                    + (text.isEmpty() ? "(empty)" : text), errno);
        }
    }

    /** {@code BPF_PROG_ATTACH}: attaches program {@code progFd} to {@code targetFd} (e.g. a cgroup directory). */
    public static void progAttach(int targetFd, int progFd, int attachType, int flags) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment attr = bpf_attr.allocate(arena);
            bpf_attr.target_fd(attr, targetFd);
            bpf_attr.attach_bpf_fd(attr, progFd);
            bpf_attr.attach_type(attr, attachType);
            bpf_attr.attach_flags(attr, flags);
            MemorySegment err = arena.allocate(ERRNO_STATE_LAYOUT);
            if (call(err, linux_bpf_h.BPF_PROG_ATTACH(), attr) < 0) {
                throw new ErrnoException("bpf(BPF_PROG_ATTACH)", "fd " + targetFd, errno(err));
            }
        }
    }

    /** {@code BPF_PROG_QUERY}: the ids of the programs attached to {@code targetFd} itself with {@code attachType}. */
    public static int[] progQuery(int targetFd, int attachType) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment err = arena.allocate(ERRNO_STATE_LAYOUT);
            for (int capacity = 64; ; capacity *= 2) {
                MemorySegment attr = bpf_attr.allocate(arena);
                MemorySegment ids = arena.allocate(ValueLayout.JAVA_INT, capacity);
                bpf_attr.query.target_fd(attr, targetFd);
                bpf_attr.query.attach_type(attr, attachType);
                bpf_attr.query.prog_ids(attr, ids);
                bpf_attr.query.prog_cnt(attr, capacity);
                if (call(err, linux_bpf_h.BPF_PROG_QUERY(), attr) < 0) {
                    if (errno(err) == Errno.ENOSPC && capacity < 1 << 16) {
                        continue;
                    }
                    throw new ErrnoException("bpf(BPF_PROG_QUERY)", "fd " + targetFd, errno(err));
                }
                return ids.asSlice(0, 4L * bpf_attr.query.prog_cnt(attr)).toArray(ValueLayout.JAVA_INT);
            }
        }
    }

    /** {@code BPF_PROG_GET_FD_BY_ID}: a descriptor of the loaded program {@code id} (ENOENT once it is freed). */
    public static int progGetFdById(int id) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment attr = bpf_attr.allocate(arena);
            bpf_attr.prog_id(attr, id);
            MemorySegment err = arena.allocate(ERRNO_STATE_LAYOUT);
            long fd = call(err, linux_bpf_h.BPF_PROG_GET_FD_BY_ID(), attr);
            if (fd < 0) {
                throw new ErrnoException("bpf(BPF_PROG_GET_FD_BY_ID)", "id " + id, errno(err));
            }
            return (int) fd;
        }
    }

    private static long call(MemorySegment err, int cmd, MemorySegment attr) {
        return SYSCALL.apply(err, sys_syscall_h.SYS_bpf(), (long) cmd, attr, attr.byteSize());
    }
}

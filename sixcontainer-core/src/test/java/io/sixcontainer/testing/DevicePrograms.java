package io.sixcontainer.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.sixcontainer.ffi.Bpf;
import io.sixcontainer.ffi.ErrnoException;
import io.sixcontainer.ffi.Libc;
import io.sixcontainer.ffi.libc.fcntl_h;
import io.sixcontainer.ffi.libc.linux_bpf_h;
import java.nio.file.Path;
import java.time.Instant;

/** The cgroup v2 device programs the kernel holds, as the host sees them. */
public final class DevicePrograms {

    private DevicePrograms() {
    }

    /** The ids of the device programs attached to the cgroup directory {@code cgroup} itself. */
    public static int[] attached(Path cgroup) {
        int fd = Libc.open(cgroup.toString(), fcntl_h.O_RDONLY() | fcntl_h.O_DIRECTORY() | fcntl_h.O_CLOEXEC(), 0);
        try {
            return Bpf.progQuery(fd, linux_bpf_h.BPF_CGROUP_DEVICE());
        } finally {
            Libc.close(fd);
        }
    }

    /**
     * Asserts that program {@code id} is freed: the kernel releases a removed cgroup's programs
     * from a work queue, shortly after the rmdir, so this waits up to 20 s for it.
     */
    public static void assertFreed(int id) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (true) {
            try {
                Libc.close(Bpf.progGetFdById(id));
            } catch (ErrnoException e) {
                assertThat(e.errno()).as("errno of opening program %d", id).isEqualTo(2);
                return;
            }
            assertThat(Instant.now()).as("program %d still loaded", id).isBefore(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}

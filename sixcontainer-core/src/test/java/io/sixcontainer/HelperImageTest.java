package io.sixcontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sixcontainer.ffi.ErrnoException;
import io.sixcontainer.ffi.Libc;
import io.sixcontainer.ffi.libc.fcntl_h;
import io.sixcontainer.testing.RuntimeTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * CVE-2019-5736: a process that can reach {@code /proc/<pid>/exe} of a helper process must
 * not be able to overwrite the helper. The helper runs from a sealed memfd, so the attack's
 * two steps — keep a handle on the executable, reopen it for writing once it no longer runs —
 * both fail.
 */
class HelperImageTest extends RuntimeTestBase {

    @Test
    void theHelperImageCannotBeRewrittenThroughProcExe() throws Exception {
        Path onDisk;
        try (var files = Files.list(root.resolve("helper"))) {
            onDisk = files.filter(p -> p.getFileName().toString().startsWith("sixc-helper-")).findFirst().orElseThrow();
        }
        byte[] before = Files.readAllBytes(onDisk);
        int held;
        try (Container c = runtime.launch(spec("sleep", "100").build())) {
            int monitor = helperParentOf(c.pid());
            assertThat(Files.readSymbolicLink(Path.of("/proc/" + monitor + "/exe")).toString()).startsWith("/memfd:sixc-helper");
            held = Libc.open("/proc/" + monitor + "/exe", fcntl_h.O_RDONLY() | fcntl_h.O_CLOEXEC(), 0);
            assertThatThrownBy(() -> Libc.open("/proc/" + monitor + "/exe", fcntl_h.O_WRONLY(), 0))
                    .isInstanceOf(ErrnoException.class);
        }
        try {
            // The helper no longer runs: the classic attack reopens the held image for writing now.
            assertThatThrownBy(() -> {
                int w = Libc.open("/proc/self/fd/" + held, fcntl_h.O_WRONLY(), 0);
                try {
                    Libc.writeFully(w, new byte[] {'X'}, 0, 1);
                } finally {
                    Libc.close(w);
                }
            }).isInstanceOf(ErrnoException.class).hasMessageContaining("EPERM");
        } finally {
            Libc.close(held);
        }
        assertThat(Files.readAllBytes(onDisk)).isEqualTo(before);
    }

    private static int helperParentOf(int pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
    }
}

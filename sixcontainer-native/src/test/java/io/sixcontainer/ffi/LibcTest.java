package io.sixcontainer.ffi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sixcontainer.ffi.libc.fcntl_h;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class LibcTest {

    @Test
    void failureNamesTheCallThePathAndTheErrno() {
        assertThatThrownBy(() -> Libc.open("/no/such/file", fcntl_h.O_RDONLY(), 0))
                .isInstanceOfSatisfying(ErrnoException.class, e -> {
                    assertThat(e.errno()).isEqualTo(Errno.ENOENT);
                    assertThat(e.call()).isEqualTo("open");
                    assertThat(e.getMessage()).isEqualTo("open(/no/such/file): ENOENT (No such file or directory)");
                });
    }

    @Test
    void errnoIsCapturedPerCallAcrossThreads() throws Exception {
        // Each thread provokes its own errno; a shared global would mix them up.
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                boolean enoent = i % 2 == 0;
                Callable<Boolean> task = () -> {
                    try {
                        if (enoent) {
                            Libc.open("/no/such/file", fcntl_h.O_RDONLY(), 0);
                        } else {
                            Libc.open("/etc/hostname", fcntl_h.O_RDONLY() | fcntl_h.O_DIRECTORY(), 0);
                        }
                        return false;
                    } catch (ErrnoException e) {
                        return e.errno() == (enoent ? Errno.ENOENT : 20 /* ENOTDIR */);
                    }
                };
                results.add(pool.submit(task));
            }
            for (Future<Boolean> f : results) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void pipesCarryBytesAndCloseCleanly() throws Exception {
        int[] p = Libc.pipeCloexec();
        try (FdInputStream in = new FdInputStream(p[0]); FdOutputStream out = new FdOutputStream(p[1])) {
            out.write("abc".getBytes());
            out.close();
            assertThat(new String(in.readAllBytes())).isEqualTo("abc");
        }
        assertThatThrownBy(() -> Libc.close(p[0])).isInstanceOf(ErrnoException.class).hasMessageContaining("EBADF");
    }

    @Test
    void refusesToSignalProcessGroups() {
        assertThatThrownBy(() -> Libc.kill(0, 9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Libc.kill(-1, 9)).isInstanceOf(IllegalArgumentException.class);
    }
}

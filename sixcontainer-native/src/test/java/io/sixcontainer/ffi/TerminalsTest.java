package io.sixcontainer.ffi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sixcontainer.ffi.libc.fcntl_h;
import io.sixcontainer.ffi.libc.termios_h;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The terminal bindings against a real pseudo-terminal of this machine. */
class TerminalsTest {

    @Test
    void allocatesAPtyWhoseSlaveCarriesDataAndWindowSize() {
        Terminals.Pty pty = Terminals.openPty();
        int slave = -1;
        try {
            assertThat(pty.slavePath()).matches("/dev/pts/\\d+");
            assertThat(Files.exists(Path.of(pty.slavePath()))).isTrue();
            slave = Libc.open(pty.slavePath(), fcntl_h.O_RDWR() | fcntl_h.O_NOCTTY() | fcntl_h.O_CLOEXEC(), 0);
            assertThat(Terminals.isTerminal(slave)).isTrue();
            assertThat(Terminals.isTerminal(pty.master())).isTrue();

            Terminals.setWindowSize(pty.master(), 132, 43);
            assertThat(Terminals.windowSize(slave)).containsExactly(132, 43);
            Terminals.setWindowSize(pty.master(), 65535, 1);
            assertThat(Terminals.windowSize(slave)).containsExactly(65535, 1);

            byte[] msg = "hi\n".getBytes(StandardCharsets.US_ASCII);
            Libc.writeFully(slave, msg, 0, msg.length);
            byte[] buf = new byte[16];
            int n = Libc.read(pty.master(), buf, 0, buf.length);
            assertThat(new String(buf, 0, n, StandardCharsets.US_ASCII)).isEqualTo("hi\r\n"); // ONLCR
        } finally {
            Libc.closeAll(slave, pty.master());
        }
    }

    @Test
    void rawModeIsUndoneByRestore() {
        Terminals.Pty pty = Terminals.openPty();
        int slave = Libc.open(pty.slavePath(), fcntl_h.O_RDWR() | fcntl_h.O_NOCTTY() | fcntl_h.O_CLOEXEC(), 0);
        try {
            int cooked = Terminals.localFlags(slave);
            assertThat(cooked & termios_h.ICANON()).isNotZero();
            assertThat(cooked & termios_h.ECHO()).isNotZero();
            byte[] saved = Terminals.makeRaw(slave);
            assertThat(Terminals.localFlags(slave) & (termios_h.ICANON() | termios_h.ECHO())).isZero();
            Terminals.restore(slave, saved);
            assertThat(Terminals.localFlags(slave)).isEqualTo(cooked);
        } finally {
            Libc.closeAll(slave, pty.master());
        }
    }

    @Test
    void failuresNameTheCall() {
        int[] pipe = Libc.pipeCloexec();
        try {
            assertThat(Terminals.isTerminal(pipe[0])).isFalse();
            assertThatThrownBy(() -> Terminals.makeRaw(pipe[0])).isInstanceOfSatisfying(ErrnoException.class,
                    e -> assertThat(e.getMessage()).startsWith("tcgetattr(fd " + pipe[0] + "): ENOTTY"));
            assertThatThrownBy(() -> Terminals.windowSize(pipe[0])).isInstanceOfSatisfying(ErrnoException.class,
                    e -> assertThat(e.call()).isEqualTo("ioctl"));
            assertThatThrownBy(() -> Terminals.setWindowSize(pipe[0], 80, 70000))
                    .isInstanceOf(IllegalArgumentException.class);
        } finally {
            Libc.closeAll(pipe);
        }
    }
}

package io.sixcontainer.internal.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.sixcontainer.ffi.FdInputStream;
import io.sixcontainer.ffi.HelperBinary;
import io.sixcontainer.ffi.Libc;
import io.sixcontainer.ffi.Spawn;
import io.sixcontainer.internal.state.ProcessIdentity;
import io.sixcontainer.testing.RootRequired;
import io.sixcontainer.testing.TestRoots;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The helper's exec mode enters a process only if its start time is the one Java recorded:
 * a pid that now names another process (here: a host process) is refused before any setns.
 */
class ExecTargetCheckTest {

    @Test
    void aPidWithAnotherStartTimeIsNeverEntered() throws Exception {
        RootRequired.assumeRoot();
        Path dir = TestRoots.create();
        Process bystander = new ProcessBuilder("sleep", "60").start();
        try {
            Path helper = HelperBinary.locate(dir);
            int pid = (int) bystander.pid();
            long wrongStart = ProcessIdentity.startTime(pid).orElseThrow() + 1;
            String cgroupsBefore = Files.readString(Path.of("/proc/" + pid + "/cgroup"));
            int[] config = Libc.pipeCloexec();
            int[] events = Libc.pipeCloexec();
            int[] status = Libc.pipeCloexec();
            int[] lifeline = Libc.pipeCloexec();
            int devnull = Libc.open("/dev/null", io.sixcontainer.ffi.libc.fcntl_h.O_RDWR() | io.sixcontainer.ffi.libc.fcntl_h.O_CLOEXEC(), 0);
            TreeMap<Integer, Integer> fds = new TreeMap<>();
            fds.put(Protocol.FD_STDIN, devnull);
            fds.put(Protocol.FD_STDOUT, devnull);
            fds.put(Protocol.FD_STDERR, devnull);
            fds.put(Protocol.FD_CONFIG, config[0]);
            fds.put(Protocol.FD_EVENTS, events[1]);
            fds.put(Protocol.FD_EXEC_STATUS, status[1]);
            fds.put(Protocol.FD_LIFELINE, lifeline[0]);
            int helperPid = Spawn.spawn(helper.toString(), List.of(helper.toString(), "exec", Integer.toString(pid),
                    Long.toString(wrongStart)), fds, false);
            Libc.closeAll(devnull, config[0], events[1], status[1], lifeline[0]);
            byte[] cfg = new LaunchConfig().rootfs("/").args(List.of("/bin/touch", "/tmp/entered-" + pid)).toBytes();
            Libc.writeFully(config[1], cfg, 0, cfg.length);
            Libc.close(config[1]);
            String event;
            try (FdInputStream in = new FdInputStream(events[0])) {
                event = new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
            }
            Libc.waitpid(helperPid, 0);
            Libc.closeAll(status[0], lifeline[1]);
            assertThat(event).isEqualTo("error verify-target 3");
            assertThat(Path.of("/tmp/entered-" + pid)).doesNotExist();
            assertThat(Files.readString(Path.of("/proc/" + pid + "/cgroup"))).isEqualTo(cgroupsBefore);
            assertThat(bystander.isAlive()).isTrue();
        } finally {
            bystander.destroyForcibly().waitFor();
            TestRoots.delete(dir);
        }
    }
}

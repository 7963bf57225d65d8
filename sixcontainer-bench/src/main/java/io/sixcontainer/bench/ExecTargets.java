package io.sixcontainer.bench;

import io.sixcontainer.Container;
import io.sixcontainer.ExecProcess;
import io.sixcontainer.ExecSpec;
import io.sixcontainer.ExitStatus;
import io.sixcontainer.Stdio;
import java.util.ArrayList;
import java.util.List;

/**
 * Sleeping containers to exec {@code /bin/true} into, one per runtime: ours launched through
 * the Java API, crun's and runc's started detached ({@code run -d}) on the sleep bundle.
 * {@link #close()} kills and deletes every one of them, state directories included.
 */
final class ExecTargets implements AutoCloseable {

    private final Workbench bench;
    private final List<Container> ours = new ArrayList<>();
    private final List<String> crunIds = new ArrayList<>();
    private final List<String> runcIds = new ArrayList<>();

    ExecTargets(Workbench bench) {
        this.bench = bench;
    }

    /** {@code exec(/bin/true).waitFor()} into a sleeping container of ours, stdio discarded. */
    Contender javaApi() {
        Container c = bench.runtime.launch(bench.spec("/bin/sleep", "3600"));
        ours.add(c);
        ExecSpec spec = ExecSpec.builder().command("/bin/true")
                .stdout(Stdio.discard()).stderr(Stdio.discard()).build();
        return new Contender("sixcontainer exec (Java API)", () -> {
            try (ExecProcess p = c.exec(spec)) {
                ExitStatus s = p.waitFor();
                if (!s.success()) {
                    throw new IllegalStateException("exec /bin/true in sixcontainer ended " + s);
                }
            }
        });
    }

    /** {@code crun exec ID /bin/true} into a detached crun container. */
    Contender crun() throws Exception {
        String id = bench.nextId();
        crunIds.add(id);
        ExternalCommand.run(bench.crunCommand("run", "-d", "--bundle", bench.bundleSleep.toString(), id),
                bench.errFile());
        List<String> exec = bench.crunCommand("exec", id, "/bin/true");
        return new Contender("crun exec", () -> ExternalCommand.run(exec, bench.errFile()));
    }

    /** {@code runc exec ID /bin/true} into a detached runc container. */
    Contender runc() throws Exception {
        String id = bench.nextId();
        runcIds.add(id);
        ExternalCommand.run(bench.runcCommand("run", "-d", "--bundle", bench.bundleSleep.toString(), id),
                bench.errFile());
        List<String> exec = bench.runcCommand("exec", id, "/bin/true");
        return new Contender("runc exec", () -> ExternalCommand.run(exec, bench.errFile()));
    }

    @Override
    public void close() throws Exception {
        Exception first = null;
        for (Container c : ours) {
            try {
                c.close();
            } catch (RuntimeException e) {
                first = keep(first, e);
            }
        }
        for (String id : crunIds) {
            first = keep(first, delete(bench.crunCommand("delete", "--force", id)));
        }
        for (String id : runcIds) {
            first = keep(first, delete(bench.runcCommand("delete", "--force", id)));
        }
        if (first != null) {
            throw first;
        }
    }

    private Exception delete(List<String> argv) {
        try {
            ExternalCommand.run(argv, bench.errFile());
            return null;
        } catch (Exception e) {
            return e;
        }
    }

    private static Exception keep(Exception first, Exception next) {
        if (first == null) {
            return next;
        }
        if (next != null) {
            first.addSuppressed(next);
        }
        return first;
    }
}

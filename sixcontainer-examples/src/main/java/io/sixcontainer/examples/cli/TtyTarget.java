package io.sixcontainer.examples.cli;

import io.sixcontainer.Container;
import io.sixcontainer.ExecProcess;
import io.sixcontainer.ExitStatus;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** What a terminal session attaches to: a container's or an exec'd process's terminal. */
record TtyTarget(InputStream output, OutputStream input, BooleanSupplier running, Resizer resizer,
                 Supplier<ExitStatus> waiter) {

    /** Sets the terminal's size. */
    interface Resizer {
        void resize(int columns, int rows);
    }

    static TtyTarget of(Container c) {
        return new TtyTarget(c.stdout(), c.stdin(), c::isRunning, c::resizeTty, c::waitFor);
    }

    static TtyTarget of(ExecProcess p) {
        return new TtyTarget(p.stdout(), p.stdin(), () -> p.waitFor(Duration.ZERO).isEmpty(), p::resizeTty, p::waitFor);
    }
}

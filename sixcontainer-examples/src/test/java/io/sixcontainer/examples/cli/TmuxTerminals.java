package io.sixcontainer.examples.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The terminals of a tmux-driven test ({@code @RegisterExtension}): each test needs root and
 * tmux (skipped without them, failed with CI=true), and every session it started is closed
 * after it, whatever the outcome.
 */
final class TmuxTerminals implements BeforeEachCallback, AfterEachCallback {

    private final List<TmuxSession> started = new ArrayList<>();

    @Override
    public void beforeEach(ExtensionContext context) {
        CliProcess.assumeRoot();
        assumeTrue(TmuxSession.available(), "needs tmux");
    }

    /** A session of {@code width} x {@code height} running {@code command}, closed after the test. */
    TmuxSession start(int width, int height, String command) {
        TmuxSession s = TmuxSession.start(width, height, command);
        started.add(s);
        return s;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        started.forEach(TmuxSession::close);
        started.clear();
    }
}

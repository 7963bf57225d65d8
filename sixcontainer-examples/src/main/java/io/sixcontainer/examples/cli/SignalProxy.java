package io.sixcontainer.examples.cli;

import io.sixcontainer.Container;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * docker's sig-proxy for an attached {@code sixc run}: SIGINT, SIGTERM and SIGHUP sent to
 * sixc go to the container instead of ending sixc (which would kill the container through its
 * lifeline, without a chance to clean up). The container runs in a session of its own, so ^C
 * on the caller's terminal reaches it only this way. A second SIGINT kills the container: a
 * PID 1 without a SIGINT handler ignores the first, and ^C must still end it.
 */
final class SignalProxy implements AutoCloseable {

    private static final int SIGKILL = 9;
    private static final Map<String, Integer> FORWARDED = Map.of("INT", 2, "TERM", 15, "HUP", 1);

    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
    private final AtomicInteger interrupts = new AtomicInteger();
    private final List<Integer> early = new ArrayList<>();
    private Container container;

    private SignalProxy() {
        FORWARDED.forEach((name, number) -> {
            Signal signal = new Signal(name);
            previous.put(signal, Signal.handle(signal, s -> received(number)));
        });
    }

    /**
     * Starts catching the signals; those that arrive before {@link #attach} are forwarded
     * then (installed before the launch, so that no ^C falls between the launch and the attach).
     */
    static SignalProxy install() {
        return new SignalProxy();
    }

    /** Forwards every signal caught so far, and from now on each one as it comes, to {@code target}. */
    void attach(Container target) {
        List<Integer> pending;
        synchronized (this) {
            container = target;
            pending = List.copyOf(early);
            early.clear();
        }
        pending.forEach(signal -> forward(target, signal));
    }

    private void received(int number) {
        int signal = number == 2 && interrupts.incrementAndGet() > 1 ? SIGKILL : number;
        Container target;
        synchronized (this) {
            target = container;
            if (target == null) {
                early.add(signal);
                return;
            }
        }
        forward(target, signal);
    }

    private static void forward(Container container, int signal) {
        try {
            container.kill(signal);
        } catch (RuntimeException e) {
            // It has just ended: nothing left to signal.
        }
    }

    /** Puts the previous handlers back. */
    @Override
    public void close() {
        previous.forEach(Signal::handle);
    }
}

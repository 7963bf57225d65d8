package io.sixcontainer.internal.net.nat;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs the host tools the NAT tests set up and check with: nft, ip, nsenter. Every wait is bounded. */
final class Shell {

    private Shell() {
    }

    /** Runs {@code argv}, fails the test unless it exits 0 within 20 s, returns its stdout. */
    static String run(String... argv) throws IOException, InterruptedException {
        Result r = exec(null, argv);
        if (r.code() != 0) {
            fail(String.join(" ", argv) + " exited " + r.code() + ":\n" + r.output());
        }
        return r.output();
    }

    /** Runs {@code argv} and returns its exit code and output (stdout and stderr together). */
    static Result exec(String stdin, String... argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        // Read while it runs, so a long listing cannot fill the pipe and stall it.
        CompletableFuture<String> output = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (InputStream out = p.getInputStream()) {
                output.complete(new String(out.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                output.completeExceptionally(e);
            }
        });
        try {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                fail(String.join(" ", argv) + " did not finish within 20 s");
            }
            return new Result(p.exitValue(), output.get(5, TimeUnit.SECONDS));
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("cannot read the output of " + String.join(" ", argv), e);
        } finally {
            p.getErrorStream().close();
        }
    }

    /**
     * A finished command.
     *
     * @param code   its exit code
     * @param output what it printed
     */
    record Result(int code, String output) {
    }
}

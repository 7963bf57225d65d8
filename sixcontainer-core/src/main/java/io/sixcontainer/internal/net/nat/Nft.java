package io.sixcontainer.internal.net.nat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code nft} binary. A script given on standard input ({@code nft -f -}) is one
 * netlink batch, so the kernel applies all of it or none of it.
 */
final class Nft {

    private static final List<Path> USUAL_PLACES = List.of(Path.of("/usr/sbin/nft"), Path.of("/sbin/nft"),
            Path.of("/usr/bin/nft"), Path.of("/usr/local/sbin/nft"));

    private final Path binary;
    private final Duration timeout;

    Nft(Path binary, Duration timeout) {
        this.binary = binary;
        this.timeout = timeout;
    }

    /** The nft on the PATH, else in the usual sbin directories (root's PATH may lack them). */
    static Path locate() {
        List<Path> candidates = new ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir, "nft"));
            }
        }
        candidates.addAll(USUAL_PLACES);
        return candidates.stream().filter(Files::isExecutable).findFirst().orElse(USUAL_PLACES.getFirst());
    }

    /** Applies {@code script} as one transaction. */
    void apply(String intent, String script) {
        run(intent, script, "-f", "-");
    }

    /**
     * Runs nft with {@code args} and {@code stdin} (null for none) and returns its standard output.
     *
     * @throws NftException naming {@code intent} when nft cannot be started, exits non-zero or hangs
     */
    String run(String intent, String stdin, String... args) {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(command).start();
        } catch (IOException e) {
            String why = Files.isExecutable(binary)
                    ? "could not be started: " + e.getMessage()
                    : "could not be started: nft is not installed (the nftables package); bridge networks need it,"
                            + " a container on Network.none() (--network none) or host does not";
            throw new NftException(intent, command, why, e);
        }
        // Both pipes drain at once so that neither can fill and stall nft.
        CompletableFuture<String> out = drain(p.getInputStream());
        CompletableFuture<String> err = drain(p.getErrorStream());
        try (OutputStream in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // nft exited before reading it all; its exit code and stderr say why.
        }
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor();
                throw new NftException(intent, command, "did not finish within " + timeout, null);
            }
            int rc = p.exitValue();
            String stdout = out.get();
            if (rc != 0) {
                throw new NftException(intent, command, rc, err.get());
            }
            return stdout;
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new NftException(intent, command, "was interrupted", e);
        } catch (ExecutionException e) {
            throw new NftException(intent, command, "output could not be read", e.getCause());
        }
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        CompletableFuture<String> result = new CompletableFuture<>();
        Thread.ofVirtual().name("nft-output").start(() -> {
            try (stream) {
                result.complete(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                result.completeExceptionally(new UncheckedIOException(e));
            }
        });
        return result;
    }
}

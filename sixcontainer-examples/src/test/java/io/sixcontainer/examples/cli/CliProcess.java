package io.sixcontainer.examples.cli;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs {@code sixc} as a separate process, the way a person does. */
final class CliProcess {

    private CliProcess() {
    }

    /** What one {@code sixc} run printed and how it exited. */
    record Result(int exitCode, String stdout, String stderr) {
    }

    /** The command line that starts sixc from the test class path (no jar needed). */
    static List<String> javaCommand(Path root, String... args) {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"),
                Sixc.class.getName(), "--root", root.toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Runs sixc with {@code args}, feeding {@code stdin}, with extra environment variables. */
    static Result run(Path root, byte[] stdin, Map<String, String> env, String... args) {
        return run(List.of(), root, stdin, env, args);
    }

    /** Runs sixc with {@code args} under {@code wrapper} (e.g. {@code setpriv ... --}), with no input. */
    static Result runWrapped(List<String> wrapper, Path root, String... args) {
        return run(wrapper, root, new byte[0], Map.of(), args);
    }

    private static Result run(List<String> wrapper, Path root, byte[] stdin, Map<String, String> env, String... args) {
        List<String> cmd = new ArrayList<>(wrapper);
        cmd.addAll(javaCommand(root, args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p, true));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p, false));
            p.getOutputStream().write(stdin);
            p.getOutputStream().close();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("sixc " + String.join(" ", args) + " did not end within 60 s");
            }
            return new Result(p.exitValue(), new String(out.join(), StandardCharsets.UTF_8),
                    new String(err.join(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Runs sixc with {@code args} and no input. */
    static Result run(Path root, String... args) {
        return run(root, new byte[0], Map.of(), args);
    }

    private static byte[] readAll(Process p, boolean stdout) {
        try {
            return (stdout ? p.getInputStream() : p.getErrorStream()).readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Skips unless root; with CI=true a skip is a failure (as in the core tests). */
    static void assumeRoot() {
        boolean root;
        try {
            root = Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("Uid:"))
                    .anyMatch(l -> l.split("\\s+")[2].equals("0"));
        } catch (IOException e) {
            root = false;
        }
        if (!root && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("integration tests must run as root when CI=true");
        }
        assumeTrue(root, "needs root");
    }
}

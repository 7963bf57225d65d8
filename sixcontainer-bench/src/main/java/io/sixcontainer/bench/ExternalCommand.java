package io.sixcontainer.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs a command with ProcessBuilder to completion, as a Java user without this library
 * would; a non-zero exit is an error, with the command's stderr in the message.
 */
final class ExternalCommand {

    private ExternalCommand() {
    }

    /** Runs {@code argv} with stdin from /dev/null, stdout discarded and stderr kept in {@code errFile}. */
    static void run(List<String> argv, Path errFile) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv)
                .redirectInput(new File("/dev/null"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(errFile.toFile())
                .start();
        int rc = p.waitFor();
        if (rc != 0) {
            String err = Files.readString(errFile, StandardCharsets.UTF_8).strip();
            throw new IOException(String.join(" ", argv) + " exited with " + rc + ": " + err);
        }
    }

    /** Runs {@code argv} and returns its stdout (stderr discarded), failing on a non-zero exit. */
    static String output(List<String> argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv)
                .redirectInput(new File("/dev/null"))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc = p.waitFor();
        if (rc != 0) {
            throw new IOException(String.join(" ", argv) + " exited with " + rc);
        }
        return out;
    }
}

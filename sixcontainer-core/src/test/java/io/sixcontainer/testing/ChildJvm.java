package io.sixcontainer.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Starts a JVM with this test class path running {@code main} of a test class. */
public final class ChildJvm {

    private ChildJvm() {
    }

    /** Starts {@code mainClass} with {@code args}; stderr is inherited. */
    public static Process start(Class<?> mainClass, String... args) throws IOException {
        return start(List.of(), mainClass, args);
    }

    /** {@link #start(Class, String...)} with more options for the JVM. */
    public static Process start(List<String> jvmOptions, Class<?> mainClass, String... args) throws IOException {
        // Small and quick: several of these run at once, also inside a 2 GiB test VM.
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "--enable-native-access=ALL-UNNAMED", "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }
}

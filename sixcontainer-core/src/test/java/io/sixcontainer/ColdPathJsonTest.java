package io.sixcontainer;

import static org.assertj.core.api.Assertions.assertThat;

import io.sixcontainer.testing.ChildJvm;
import io.sixcontainer.testing.ColdPathChild;
import io.sixcontainer.testing.RuntimeTestBase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A fresh JVM that launches, waits for, lists and removes containers (of the built-in image
 * and of a stored one) initializes no jackson-databind class: ObjectMapper's start-up cost
 * ~80 ms of every cold {@code sixc run}. The records go through jackson-core's streaming API.
 */
class ColdPathJsonTest extends RuntimeTestBase {

    @Test
    void aColdLaunchLoadsNoDatabindClass() throws Exception {
        try (Container c = runtime.launch(ContainerSpec.builder().image("busybox").command("sleep", "100").build())) {
            c.commit("coldpath:1", List.of("/bin/true"));
            c.kill();
        }
        Path log = root.resolve("classes.log");
        Process jvm = ChildJvm.start(List.of("-Xlog:class+load=info:file=" + log), ColdPathChild.class, root.toString(),
                "coldpath:1");
        // Its output ("ok") fits the pipe: wait first, so a hung child fails the test instead of blocking it.
        boolean ended = jvm.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            jvm.destroyForcibly().waitFor();
        }
        assertThat(ended).as("the child JVM ended within 60 s").isTrue();
        String out = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(jvm.exitValue()).isZero();
        assertThat(out).isEqualTo("ok\n");

        String classes = Files.readString(log);
        assertThat(classes).as("the log names the classes that read and wrote the records")
                .contains(" io.sixcontainer.internal.state.ContainerRecordJson ")
                .contains(" io.sixcontainer.internal.image.ImageRecordJson ")
                .contains(" com.fasterxml.jackson.core.JsonFactory ");
        assertThat(classes.lines().filter(l -> l.contains("com.fasterxml.jackson.databind"))).isEmpty();
        runtime.removeImage("coldpath:1", false);
    }
}

package io.sixcontainer.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sixcontainer.testing.registry.LayerTar;
import io.sixcontainer.testing.registry.LocalRegistry;
import io.sixcontainer.testing.registry.OciImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code sixc pull} and {@code sixc run} of an image only a registry has, as a user types them. */
class PullCommandsTest {

    private static Path root;
    private static Path work;
    private static CliRunner sixc;
    private static LocalRegistry registry;
    private static OciImage.Written app;

    @BeforeAll
    static void startRegistry() throws Exception {
        CliRunner.assumeRoot();
        root = Files.createTempDirectory("sixc-cli-pull-");
        work = Files.createTempDirectory("sixc-cli-registry-");
        sixc = new CliRunner(root);
        registry = LocalRegistry.anonymous(work);
        for (String name : new String[] {"app", "other"}) {
            Path layout = work.resolve("layout-" + name);
            OciImage.Written w = new OciImage().layer(LayerTar.busybox("sh", "echo", "cat"))
                    .layer(new LayerTar().file("etc/name", name + "\n")).cmd("cat", "/etc/name").writeTo(layout, "1");
            registry.upload(layout, w, "test/" + name, "1");
            if (name.equals("app")) {
                app = w;
            }
        }
    }

    @AfterAll
    static void stopRegistry() throws Exception {
        if (registry != null) {
            registry.close();
        }
        if (root == null) {
            return;
        }
        CliNetworks.removeAll(root);
        ScratchDirs.delete(root, work);
    }

    @Test
    void pullPrintsALinePerLayerWhenPipedAndTheImageIsListed() throws Exception {
        String ref = registry.host() + "/test/app:1";

        CliRunner.Result pull = sixc.run("pull", ref);

        assertThat(pull.code()).as(pull.err()).isZero();
        assertThat(pull.out()).isEqualTo(ref + "\n");
        // The busybox layer may be in the store already, from the other test's image.
        assertThat(pull.err().lines().filter(l -> l.endsWith(": Already exists") || l.contains(": Pull complete (")))
                .hasSize(2);
        assertThat(pull.err()).contains("Digest: " + app.manifest().digest()).doesNotContain("\u001b[");
        assertThat(sixc.run("images").out()).contains(registry.host() + "/test/app").contains(app.config().digest().substring(7, 19));
        CliRunner.Result again = sixc.run("pull", "-q", ref);
        assertThat(again.out()).isEqualTo(ref + "\n");
        assertThat(again.err()).isEmpty();
        assertThat(sixc.run("run", "--rm", ref).out()).isEqualTo("app\n");
    }

    @Test
    void runPullsAnImageItDoesNotHaveAndNeverRefusesTo() throws Exception {
        String ref = registry.host() + "/test/other:1";

        CliRunner.Result never = sixc.run("run", "--rm", "--pull", "never", ref);
        assertThat(never.code()).isNotZero();
        assertThat(never.err().strip()).contains(ref).doesNotContain("\n");

        CliRunner.Result run = sixc.run("run", "--rm", ref, "cat", "/etc/name");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).startsWith("Unable to find image '" + ref + "' locally\n");
        assertThat(run.out()).isEqualTo("other\n");
        assertThat(sixc.run("run", "--rm", "echo", "busybox is still the default").out())
                .isEqualTo("busybox is still the default\n");
    }

    @Test
    void aNameTheRegistryLacksIsOneLineAndLeavesNothing() throws Exception {
        String ref = registry.host() + "/test/missing:1";

        CliRunner.Result pull = sixc.run("pull", ref);

        assertThat(pull.code()).isNotZero();
        assertThat(pull.err().strip().lines().filter(l -> !l.startsWith("Pulling "))).singleElement().asString()
                .contains(ref).contains("manifest unknown");
        assertThat(root.resolve("pulls")).satisfies(p -> assertThat(!Files.exists(p) || isEmpty(p)).isTrue());
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

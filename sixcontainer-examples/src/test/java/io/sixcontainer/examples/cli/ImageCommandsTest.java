package io.sixcontainer.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The seed's documented sequence (volumes, commit, -d -name, ps, logs, exec, stop, rm, images) and the image commands. */
class ImageCommandsTest {

    private static Path root;
    private static Path work;
    private static CliRunner sixc;

    @BeforeAll
    static void createRoot() throws Exception {
        CliRunner.assumeRoot();
        root = Files.createTempDirectory("sixc-cli-images-");
        work = Files.createTempDirectory("sixc-cli-work-");
        sixc = new CliRunner(root);
    }

    @AfterAll
    static void removeRoot() throws Exception {
        if (root == null) {
            return;
        }
        sixc.run("rm", "-f", "sixHelloeverybody", "keeper");
        CliNetworks.removeAll(root);
        ScratchDirs.delete(root, work);
    }

    @Test
    void theSeedsSequenceWorksVerbatim() throws Exception {
        String v0 = work.resolve("volume0") + ":/tmp/v0:rw";
        String v1 = work.resolve("volume1") + ":/tmp/v1:ro";
        CliRunner.Result d = sixc.run("run", "-v", v0, "-v", v1, "-d", "-name", "sixHelloeverybody", "--",
                "sh", "-c", "echo hello > /tmp/commit_test.a; echo in-v0 > /tmp/v0/f; touch /tmp/v1/x || echo ro-refused; top -b");
        assertThat(d.code()).isZero();
        String id = d.out().strip();
        assertThat(sixc.run("ps").out()).contains("sixHelloeverybody");
        awaitLog(id, "ro-refused");
        assertThat(sixc.run("exec", "sixHelloeverybody", "/bin/sh", "-c", "cat /tmp/commit_test.a").out()).isEqualTo("hello\n");
        assertThat(work.resolve("volume0/f")).hasContent("in-v0");

        CliRunner.Result commit = sixc.run("commit", "-imageName", "testbusyBox");
        assertThat(commit.code()).as(commit.err()).isZero();
        assertThat(commit.err()).contains("testbusybox");
        assertThat(sixc.run("images").out()).contains("testbusybox").contains("latest");
        assertThat(sixc.run("run", "--rm", "testbusybox", "sh", "-c", "cat /tmp/commit_test.a; ls /tmp/v0").out())
                .as("the change is in the image, the volume's content is not").isEqualTo("hello\n");

        assertThat(sixc.run("stop", "sixHelloeverybody").code()).isZero();
        assertThat(sixc.run("rm", "sixHelloeverybody").code()).isZero();
        assertThat(sixc.run("rmi", "testbusybox").out()).startsWith("deleted: sha256:");
    }

    @Test
    void importExportTagRmiInspect() throws Exception {
        assertThat(sixc.run("run", "-d", "--name", "keeper", "busybox", "sh", "-c", "echo kept > /kept; sleep 100").code())
                .isZero();
        awaitFile("keeper", "/kept");
        assertThat(sixc.run("commit", "-n", "keeper", "-t", "kept:1").code()).isZero();
        Path flat = work.resolve("kept.tar");
        Path oci = work.resolve("kept-oci.tar");
        assertThat(sixc.run("export", "-o", flat.toString(), "kept:1").code()).isZero();
        assertThat(sixc.run("export", "--format", "oci", "-o", oci.toString(), "kept:1").code()).isZero();
        assertThat(sixc.run("import", flat.toString(), "flat:1").code()).isZero();
        assertThat(sixc.run("import", oci.toString(), "viaoci").code()).isZero();
        assertThat(sixc.run("run", "--rm", "flat:1", "cat", "/kept").out()).isEqualTo("kept\n");
        assertThat(sixc.run("run", "--rm", "viaoci", "cat", "/kept").out()).isEqualTo("kept\n");
        assertThat(sixc.run("tag", "viaoci", "again:2").code()).isZero();
        assertThat(sixc.run("inspect", "again:2").out()).contains("\"again:2\"").contains("\"viaoci:latest\"");
        assertThat(sixc.run("images", "-q").out().lines().distinct().count()).isEqualTo(2);
        assertThat(sixc.run("rmi", "again:2").out().strip()).isEqualTo("untagged: again:2");

        assertThat(sixc.run("rm", "-f", "keeper").code()).isZero();
        CliRunner.Result unknown = sixc.run("rmi", "nosuch:9");
        assertThat(unknown.code()).isEqualTo(125);
        assertThat(unknown.err()).contains("nosuch:9");
        CliRunner.Result bad = sixc.run("import", work.resolve("missing.tar").toString());
        assertThat(bad.code()).isEqualTo(125);
        assertThat(bad.err().strip()).startsWith("sixc: ").contains("missing.tar").doesNotContain("Exception");
        assertThat(sixc.run("run", "--rm", "--cap-drop", "ALL", "busybox", "grep", "CapEff", "/proc/self/status").out())
                .contains("0000000000000000");
    }

    private static void awaitLog(String id, String text) throws Exception {
        for (int i = 0; i < 100; i++) {
            if (sixc.run("logs", "-containerId", id).out().contains(text)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(text + " never appeared in the log");
    }

    private static void awaitFile(String container, String path) throws Exception {
        for (int i = 0; i < 100; i++) {
            if (sixc.run("exec", container, "test", "-e", path).code() == 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " never appeared");
    }
}

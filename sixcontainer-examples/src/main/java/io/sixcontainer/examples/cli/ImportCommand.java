package io.sixcontainer.examples.cli;

import io.sixcontainer.ImageInfo;
import io.sixcontainer.ContainerRuntime;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sixc import}: make an image from an archive. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import an image: a rootfs tarball (docker export; .tar or .tar.gz) as one layer,",
                "an OCI image layout (a directory or a tar of one: skopeo, umoci) or a docker-archive",
                "(docker save) with its layers and config."},
        footer = {"", "Examples:", "  sixc import busybox.tar mybox", "  sixc import alpine-oci.tar",
                "  sixc import ./oci-dir myimage:2"})
final class ImportCommand implements Callable<Integer> {

    @ParentCommand
    Sixc top;

    @Parameters(index = "0", paramLabel = "ARCHIVE")
    Path archive;

    @Parameters(index = "1", arity = "0..1", paramLabel = "NAME[:TAG]",
            description = "The image's name (default: the archive's own tag, if it has one).")
    String name;

    @Override
    public Integer call() {
        try (ContainerRuntime runtime = ContainerRuntime.open(top.root());
             Progress ignored = Progress.start("importing " + archive.getFileName())) {
            ImageInfo image = runtime.importImage(archive.toAbsolutePath(), name);
            ignored.close();
            System.out.println(image.id());
        }
        return 0;
    }
}

package io.sixcontainer.examples.cli;

import io.sixcontainer.ExportFormat;
import io.sixcontainer.ContainerRuntime;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sixc export}: write an image out. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export an image as one flattened rootfs tar (default) or an OCI image layout.",
        footer = {"", "Examples:", "  sixc export -o myapp.tar myapp:1", "  sixc export --format oci -o myapp-oci.tar myapp:1",
                "  sixc export --format oci -o ./myapp-oci myapp:1       # a directory"})
final class ExportCommand implements Callable<Integer> {

    @ParentCommand
    Sixc top;

    @Parameters(index = "0", paramLabel = "IMAGE")
    String image;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "PATH",
            description = "Where to write: a .tar file, or (oci) a directory.")
    Path output;

    @Option(names = "--format", paramLabel = "FORMAT", description = "rootfs (default) or oci.")
    String format = "rootfs";

    @Override
    public Integer call() {
        ExportFormat f = switch (format) {
            case "rootfs" -> ExportFormat.ROOTFS_TAR;
            case "oci" -> ExportFormat.OCI_LAYOUT;
            default -> throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "unknown --format '" + format + "': use rootfs or oci");
        };
        try (ContainerRuntime runtime = ContainerRuntime.open(top.root());
             Progress ignored = Progress.start("exporting " + image)) {
            runtime.exportImage(image, output.toAbsolutePath(), f);
        }
        return 0;
    }
}

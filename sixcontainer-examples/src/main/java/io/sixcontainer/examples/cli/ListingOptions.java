package io.sixcontainer.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The output options listing commands share: {@code -q} and {@code --format table|json}. */
final class ListingOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = {"-q", "--quiet"}, description = "Only show ids.")
    boolean quiet;

    @Option(names = "--format", paramLabel = "FORMAT", description = "'table' (default) or 'json'.")
    String format = "table";

    /** True for JSON output; rejects an unknown format. */
    boolean json() {
        if (!format.equals("table") && !format.equals("json")) {
            throw new CommandLine.ParameterException(command.commandLine(),
                    "unknown --format '" + format + "': use table or json");
        }
        return format.equals("json");
    }
}

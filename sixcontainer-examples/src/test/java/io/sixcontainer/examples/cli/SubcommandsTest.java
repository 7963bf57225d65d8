package io.sixcontainer.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SubcommandsTest {

    @Test
    void theFirstTopLevelWordNamesTheSubcommandAndTheRootsValueIsSkipped() {
        assertThat(Subcommands.named(List.of("--root", "ps", "run", "busybox", "ps"))).isEqualTo("run");
        assertThat(Subcommands.named(List.of("--debug", "--root=/x", "ps", "-a"))).isEqualTo("ps");
        assertThat(Subcommands.named(List.of("--help"))).isNull();
        assertThat(Subcommands.named(List.of("rn", "busybox"))).isNull();
        assertThat(Subcommands.named(List.of("--", "run"))).isNull();
    }

    @Test
    void aNamedSubcommandIsTheOnlyOneAddedOtherwiseAllAre() {
        CommandLine one = new CommandLine(new Sixc());
        Subcommands.addTo(one, List.of("--root", "/x", "images", "-q"));
        assertThat(one.getSubcommands().keySet()).containsExactly("images");

        CommandLine all = new CommandLine(new Sixc());
        Subcommands.addTo(all, List.of("--help"));
        assertThat(all.getSubcommands().keySet()).containsExactly("run", "ps", "logs", "stop", "kill", "rm", "wait",
                "inspect", "exec", "images", "rmi", "tag", "commit", "import", "pull", "export", "network", "port");
    }
}

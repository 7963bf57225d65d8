package io.sixcontainer;

/**
 * The outcome of {@link ContainerRuntime#run}: how the command ended and everything it printed.
 *
 * @param status how the command ended
 * @param stdout everything written to stdout, decoded as UTF-8
 * @param stderr everything written to stderr, decoded as UTF-8
 */
public record ContainerResult(ExitStatus status, String stdout, String stderr) {
}

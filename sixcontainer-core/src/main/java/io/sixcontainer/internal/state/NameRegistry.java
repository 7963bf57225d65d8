package io.sixcontainer.internal.state;

import io.sixcontainer.ContainerException;
import io.sixcontainer.ContainerSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotLinkException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.List;
import java.util.Optional;

/**
 * Unique container names: {@code names/<name>} is a symlink to the container id, made with
 * one {@code symlink(2)}, which fails if the name exists — atomic across threads and JVMs.
 */
public final class NameRegistry {

    private static final List<String> ADJECTIVES = List.of("brave", "calm", "eager", "fancy", "gentle", "happy",
            "jolly", "keen", "lucid", "merry", "nimble", "proud", "quiet", "rapid", "sharp", "swift", "tidy", "vivid",
            "witty", "zesty");
    private static final List<String> NOUNS = List.of("otter", "falcon", "lynx", "heron", "badger", "panda",
            "cobra", "bison", "koala", "raven", "tiger", "whale", "gecko", "moose", "eagle", "hyena", "lemur",
            "mamba", "okapi", "yak");
    private static final String RELEASE_LOCK = "names.lock";

    private final Path names;

    /** @param root the runtime root */
    public NameRegistry(Path root) {
        this.names = root.resolve("names");
        try {
            Files.createDirectories(names);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + names, e);
        }
    }

    /**
     * Claims {@code name} for {@code id}; fails if any container has it. The name's syntax was
     * checked when its {@link ContainerSpec} was built.
     */
    public void claim(String name, String id) {
        try {
            Files.createSymbolicLink(names.resolve(name), Path.of(id));
        } catch (FileAlreadyExistsException e) {
            throw new ContainerException("name in use: '" + name + "' belongs to container "
                    + resolve(name).map(i -> i.substring(0, 12)).orElse("(being removed)"));
        } catch (IOException e) {
            throw new ContainerException("cannot claim name '" + name + "': " + e.getMessage(), e);
        }
    }

    /** A readable name, such as {@link #claimGenerated} claims, not checked for use. */
    public static String generate() {
        return generate(0);
    }

    private static String generate(int attempt) {
        return ADJECTIVES.get(ThreadLocalRandom.current().nextInt(ADJECTIVES.size())) + "_"
                + NOUNS.get(ThreadLocalRandom.current().nextInt(NOUNS.size())) + (attempt < 10 ? "" : "_" + attempt);
    }

    /** Claims a generated readable name for {@code id}: {@code preferred} if it is free, else another. */
    public String claimGenerated(String id, String preferred) {
        for (int attempt = 0; attempt < 100; attempt++) {
            String name = attempt == 0 ? preferred : generate(attempt);
            try {
                Files.createSymbolicLink(names.resolve(name), Path.of(id));
                return name;
            } catch (FileAlreadyExistsException taken) {
                // try another
            } catch (IOException e) {
                throw new ContainerException("cannot claim a name: " + e.getMessage(), e);
            }
        }
        throw new ContainerException("could not find a free container name");
    }

    /** The id that owns {@code name}. */
    public Optional<String> resolve(String name) {
        if (!ContainerSpec.isValidName(name)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readSymbolicLink(names.resolve(name)).toString());
        } catch (NoSuchFileException | NotLinkException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Releases {@code name} if it still belongs to {@code id}. Check and delete happen under
     * one lock that every releaser takes (across threads and JVMs): otherwise two releasers of
     * one claim could interleave so that the second deletes a new claim made in between.
     */
    public void release(String name, String id) {
        if (name == null) {
            return;
        }
        synchronized (NameRegistry.class) {
            try (FileChannel ch = FileChannel.open(names.resolveSibling(RELEASE_LOCK), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
                 FileLock ignored = ch.lock()) {
                if (resolve(name).filter(id::equals).isPresent()) {
                    Files.deleteIfExists(names.resolve(name));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot release name " + name, e);
            }
        }
    }

    /** Every claimed name. */
    public List<String> all() {
        try (var s = Files.list(names)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

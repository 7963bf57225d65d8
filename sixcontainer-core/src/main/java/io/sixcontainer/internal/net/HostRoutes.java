package io.sixcontainer.internal.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The host's IPv4 routes, from {@code /proc/net/route}, to refuse a subnet the host already
 * reaches some other way (a bridge on it would take that traffic).
 */
final class HostRoutes {

    /** A route: destination and prefix length, the device it goes out of. */
    record Route(long destination, int prefix, String device) {
    }

    private HostRoutes() {
    }

    /** Every route but the default one (whose 0/0 overlaps everything and is no subnet of its own). */
    static List<Route> read() {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of("/proc/net/route"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the host's routes", e);
        }
        List<Route> out = new ArrayList<>();
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 8) {
                continue;
            }
            long dest = Long.reverseBytes(Long.parseLong(f[1], 16)) >>> 32;
            int prefix = Long.bitCount(Long.parseLong(f[7], 16));
            if (prefix > 0) {
                out.add(new Route(dest, prefix, f[0]));
            }
        }
        return out;
    }
}

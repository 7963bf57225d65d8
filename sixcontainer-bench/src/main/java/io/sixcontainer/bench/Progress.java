package io.sixcontainer.bench;

/** Progress lines on stderr, so that a long run shows where it is. */
final class Progress {

    private Progress() {
    }

    static void line(String format, Object... args) {
        System.err.println("[bench] " + String.format(format, args));
    }
}

package io.stockflow.bench;

/** Text helpers for the bench's tables. */
final class BenchText {
    private BenchText() {}

    /** The name cut to at most {@code max} characters, ending in "..." where cut. */
    static String shorten(String name, int max) {
        return name.length() > max ? name.substring(0, max - 3) + "..." : name;
    }
}

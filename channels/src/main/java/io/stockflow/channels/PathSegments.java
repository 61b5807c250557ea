package io.stockflow.channels;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Ids put into the channels' URLs. */
final class PathSegments {
    private PathSegments() {}

    /** One segment of a URL's path or a query value, percent-encoded (a space as {@code %20}, not {@code +}). */
    static String encode(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

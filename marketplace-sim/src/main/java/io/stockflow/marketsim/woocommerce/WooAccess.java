package io.stockflow.marketsim.woocommerce;

import io.javalin.http.Context;
import io.stockflow.marketsim.core.Reply;
import io.stockflow.marketsim.core.SimRoutes;
import io.stockflow.marketsim.core.TokenBucket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Who may call and how often: the store's request rate (a host-level limit, checked first, answering 429 with
 * {@code Retry-After}), then the REST API key, sent as HTTP Basic auth or as {@code consumer_key} and
 * {@code consumer_secret} query parameters.
 */
final class WooAccess {
    private final String consumerKey;
    private final String consumerSecret;
    private final TokenBucket rate;

    WooAccess(String consumerKey, String consumerSecret, TokenBucket rate) {
        this.consumerKey = consumerKey;
        this.consumerSecret = consumerSecret;
        this.rate = rate;
    }

    /**
     * Null when the call may go on; otherwise the refusal. {@code deniedCode} and {@code deniedMessage} are what
     * WordPress says to a caller with no credentials for this route.
     */
    Reply check(Context ctx, String deniedCode, String deniedMessage) {
        Duration wait = rate.tryTake();
        if (!wait.isZero()) {
            return new WooErrors()
                    .tooManyRequests()
                    .withHeader("Retry-After", Long.toString(SimRoutes.retryAfterSeconds(wait)));
        }
        String key = ctx.queryParam("consumer_key");
        String secret = ctx.queryParam("consumer_secret");
        String header = ctx.header("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(
                        Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                decoded = "";
            }
            int colon = decoded.indexOf(':');
            key = colon < 0 ? decoded : decoded.substring(0, colon);
            secret = colon < 0 ? "" : decoded.substring(colon + 1);
        }
        if (key == null || key.isEmpty()) return WooErrors.reply(deniedCode, deniedMessage, 401);
        if (!consumerKey.equals(key))
            return WooErrors.reply("woocommerce_rest_authentication_error", "Consumer key is invalid.", 401);
        if (!consumerSecret.equals(secret))
            return WooErrors.reply("woocommerce_rest_authentication_error", "Consumer secret is invalid.", 401);
        return null;
    }
}

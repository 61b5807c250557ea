package io.stockflow.notifier.send;

import java.net.URI;
import java.time.Duration;

/**
 * Twilio's Messages API: the base URL (Twilio's, or the simulator's), the account SID, the sending number, and the auth
 * token from the environment, which {@link #toString()} masks.
 */
public record SmsSettings(URI baseUrl, String accountSid, String authToken, String from, Duration timeout) {
    @Override
    public String toString() {
        return "SmsSettings[" + baseUrl + ", account " + accountSid + ", token "
                + (authToken == null ? "(none)" : "****") + ", from " + from + ", timeout " + timeout + "]";
    }
}

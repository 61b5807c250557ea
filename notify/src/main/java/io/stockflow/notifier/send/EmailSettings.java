package io.stockflow.notifier.send;

import java.time.Duration;

/**
 * The SMTP server and the sender's address. The password comes from the environment and is never printed: {@link
 * #toString()} masks it.
 */
public record EmailSettings(
        String host, int port, String from, String username, String password, boolean startTls, Duration timeout) {
    public boolean authenticated() {
        return username != null && !username.isBlank();
    }

    @Override
    public String toString() {
        return "EmailSettings[smtp://" + host + ":" + port + ", from " + from + ", user "
                + (authenticated() ? username : "(none)") + ", password " + (password == null ? "(none)" : "****")
                + ", starttls " + startTls + ", timeout " + timeout + "]";
    }
}

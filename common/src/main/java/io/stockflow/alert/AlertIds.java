package io.stockflow.alert;

import io.stockflow.json.Sha256;
import java.nio.charset.StandardCharsets;

/** Deterministic alert ids: a hash of the alert type and the parts that identify one breach. */
public final class AlertIds {
    private AlertIds() {}

    public static String of(String type, Object... parts) {
        StringBuilder identity = new StringBuilder(type);
        for (Object part : parts) identity.append('|').append(part);
        return type.toLowerCase() + "-"
                + Sha256.hex(identity.toString().getBytes(StandardCharsets.UTF_8))
                        .substring(0, 20);
    }
}

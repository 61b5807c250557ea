package io.stockflow.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.listing.ChannelSyncRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A channel.sync record reads back as it was written: the sync job reads its own answers back. */
class ChannelSyncJsonTest {
    @Test
    void aRecordReadsBackAsItWasWritten() throws Exception {
        ChannelSyncRecord r = new ChannelSyncRecord();
        r.channel = "amazon";
        r.listingIds = List.of("seller_sku=TEE-M");
        r.sku = "TEE-M";
        r.quantity = 4;
        r.version = 2;
        r.status = "FAILED";
        r.attempts = 2;
        r.latencyMs = 1234;
        r.reason = "ATVPDKIKX0DER: 503 ServiceUnavailable";
        r.pushedAt = 1_765_000_000_000L;

        ChannelSyncRecord back = ChannelSyncJson.read(ChannelSyncJson.write(r).getBytes(StandardCharsets.UTF_8));

        assertThat(back).usingRecursiveComparison().isEqualTo(r);
        assertThat(back.targetKey()).isEqualTo("amazon|seller_sku=TEE-M|");
    }
}

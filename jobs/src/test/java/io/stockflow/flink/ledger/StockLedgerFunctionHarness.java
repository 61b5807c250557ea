package io.stockflow.flink.ledger;

import io.stockflow.flink.time.DecisionClock;
import io.stockflow.ledger.AvailabilityUpdate;
import io.stockflow.ledger.LedgerCommand;
import io.stockflow.ledger.LedgerPolicy;
import io.stockflow.ledger.LineCorrection;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;

/** The ledger function in a test harness: commands on the first input, corrections on the second, keyed by SKU. */
final class StockLedgerFunctionHarness {
    private StockLedgerFunctionHarness() {}

    static KeyedTwoInputStreamOperatorTestHarness<String, LedgerCommand, LineCorrection, AvailabilityUpdate> of(
            LedgerPolicy policy) throws Exception {
        return new KeyedTwoInputStreamOperatorTestHarness<>(
                new KeyedCoProcessOperator<>(
                        new StockLedgerFunction(policy, Duration.ofDays(7), new DecisionClock(true))),
                c -> c.sku,
                c -> c.sku,
                Types.STRING);
    }
}

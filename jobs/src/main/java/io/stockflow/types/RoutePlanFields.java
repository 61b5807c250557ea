package io.stockflow.types;

import io.stockflow.ledger.RoutePlan;
import java.io.IOException;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** A {@link RoutePlan} (or null) inside the records that carry one. */
final class RoutePlanFields {
    private RoutePlanFields() {}

    static void write(RoutePlan plan, DataOutputView out) throws IOException {
        out.writeBoolean(plan != null);
        if (plan == null) return;
        BinaryFields.writeString(plan.ruleSetVersion, out);
        BinaryFields.writeStrings(plan.candidates, out);
        BinaryFields.writeLongsByName(plan.safetyStock, out);
        out.writeInt(plan.maxShipments);
        out.writeBoolean(plan.allowBackorder);
        BinaryFields.writeBytes(plan.evaluation, out);
    }

    static RoutePlan read(DataInputView in) throws IOException {
        if (!in.readBoolean()) return null;
        RoutePlan plan = new RoutePlan();
        plan.ruleSetVersion = BinaryFields.readString(in);
        plan.candidates = BinaryFields.readStrings(in);
        plan.safetyStock = BinaryFields.readLongsByName(in);
        plan.maxShipments = in.readInt();
        plan.allowBackorder = in.readBoolean();
        plan.evaluation = BinaryFields.readBytes(in);
        return plan;
    }
}

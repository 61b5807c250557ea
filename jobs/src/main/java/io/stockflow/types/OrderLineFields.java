package io.stockflow.types;

import io.stockflow.model.MarketplaceLine;
import io.stockflow.model.OrderLine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** The lines of an order or fulfilment event, and an order's marketplace lines (the lists, or elements, may be null). */
final class OrderLineFields {
    private OrderLineFields() {}

    static void write(List<OrderLine> lines, DataOutputView out) throws IOException {
        out.writeInt(lines == null ? -1 : lines.size());
        if (lines == null) return;
        for (OrderLine line : lines) {
            out.writeBoolean(line != null);
            if (line == null) continue;
            BinaryFields.writeString(line.sku, out);
            out.writeLong(line.quantity);
            BinaryFields.writeString(line.unitPrice, out);
            out.writeBoolean(line.restock);
            BinaryFields.writeString(line.location, out);
        }
    }

    static List<OrderLine> read(DataInputView in) throws IOException {
        int size = in.readInt();
        if (size < 0) return null;
        List<OrderLine> lines = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            if (!in.readBoolean()) {
                lines.add(null);
                continue;
            }
            OrderLine line = new OrderLine();
            line.sku = BinaryFields.readString(in);
            line.quantity = in.readLong();
            line.unitPrice = BinaryFields.readString(in);
            line.restock = in.readBoolean();
            line.location = BinaryFields.readString(in);
            lines.add(line);
        }
        return lines;
    }

    static void writeMarketplaceLines(List<MarketplaceLine> lines, DataOutputView out) throws IOException {
        out.writeInt(lines == null ? -1 : lines.size());
        if (lines == null) return;
        for (MarketplaceLine line : lines) {
            out.writeBoolean(line != null);
            if (line == null) continue;
            BinaryFields.writeString(line.ref, out);
            BinaryFields.writeString(line.sku, out);
            out.writeLong(line.quantity);
        }
    }

    static List<MarketplaceLine> readMarketplaceLines(DataInputView in) throws IOException {
        int size = in.readInt();
        if (size < 0) return null;
        List<MarketplaceLine> lines = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            if (!in.readBoolean()) {
                lines.add(null);
                continue;
            }
            MarketplaceLine line = new MarketplaceLine();
            line.ref = BinaryFields.readString(in);
            line.sku = BinaryFields.readString(in);
            line.quantity = in.readLong();
            lines.add(line);
        }
        return lines;
    }
}

package io.stockflow.flink.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.stockflow.alert.Alert;
import io.stockflow.ledger.AvailabilityUpdate;
import io.stockflow.listing.ChannelSyncRecord;
import io.stockflow.listing.ListingPush;
import io.stockflow.listing.ListingSyncState;
import io.stockflow.shipments.ChannelOrder;
import io.stockflow.shipments.OrderAction;
import io.stockflow.shipments.ShipmentSyncRecord;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.api.Test;

/** Every record and state type of the sync job is a Flink POJO with Flink's own serializers, never Kryo. */
class SyncTypesTest {
    @Test
    void everyTypeIsAPojoThatNeedsNoGenericSerializer() {
        SerializerConfigImpl noKryo = new SerializerConfigImpl();
        noKryo.setGenericTypes(false);
        for (Class<?> type : List.of(
                ListingSyncState.class,
                ListingPush.class,
                ChannelSyncRecord.class,
                AvailabilityUpdate.class,
                OrderAction.class,
                ChannelOrder.class,
                ShipmentSyncRecord.class,
                Alert.class)) {
            TypeInformation<?> info = TypeInformation.of(type);
            assertThat(info).as(type.getSimpleName()).isInstanceOf(PojoTypeInfo.class);
            assertThatCode(() -> info.createSerializer(noKryo))
                    .as(type.getSimpleName())
                    .doesNotThrowAnyException();
        }
    }
}

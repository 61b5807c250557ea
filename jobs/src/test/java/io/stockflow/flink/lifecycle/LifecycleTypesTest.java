package io.stockflow.flink.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.stockflow.alert.Alert;
import io.stockflow.lifecycle.AllocationNotice;
import io.stockflow.lifecycle.LifecycleInput;
import io.stockflow.lifecycle.OrderTrack;
import io.stockflow.lifecycle.OutcomeCounts;
import io.stockflow.lifecycle.SlaOutcome;
import io.stockflow.notify.Notification;
import io.stockflow.tracking.TrackingUpdate;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.api.Test;

/** Every record and state type of the lifecycle job is a Flink POJO with Flink's own serializers, never Kryo. */
class LifecycleTypesTest {
    @Test
    void everyTypeIsAPojoThatNeedsNoGenericSerializer() {
        SerializerConfigImpl noKryo = new SerializerConfigImpl();
        noKryo.setGenericTypes(false);
        for (Class<?> type : List.of(
                OrderTrack.class,
                LifecycleInput.class,
                TrackingInput.class,
                TrackingUpdate.class,
                AllocationNotice.class,
                SlaOutcome.class,
                RateSample.class,
                OutcomeCounts.class,
                Notification.class,
                Alert.class)) {
            TypeInformation<?> info = TypeInformation.of(type);
            assertThat(info).as(type.getSimpleName()).isInstanceOf(PojoTypeInfo.class);
            assertThatCode(() -> info.createSerializer(noKryo))
                    .as(type.getSimpleName())
                    .doesNotThrowAnyException();
        }
    }
}

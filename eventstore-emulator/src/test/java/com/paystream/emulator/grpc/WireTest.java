package com.paystream.emulator.grpc;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.paystream.emulator.store.CommittedEvent;
import io.kurrent.dbclient.proto.persistentsubscriptions.Persistent;
import io.kurrent.dbclient.proto.streams.StreamsOuterClass;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class WireTest {
    private static final CommittedEvent EVENT = new CommittedEvent(4096, "orders-1", 7, UUID.randomUUID(), "OrderPlaced",
            true, 638_000_000_000_000_000L, "{\"amount\":100}".getBytes(StandardCharsets.UTF_8),
            "{\"$correlationId\":\"p-1\"}".getBytes(StandardCharsets.UTF_8));

    @Test
    void thePersistentSubscriptionsRecordedEventHasTheStreamsFieldsUnderTheSameNumbers() {
        Descriptor streams = StreamsOuterClass.ReadResp.ReadEvent.RecordedEvent.getDescriptor();
        Descriptor persistent = Persistent.ReadResp.ReadEvent.RecordedEvent.getDescriptor();

        assertThat(persistent.getFields()).hasSameSizeAs(streams.getFields());
        for (FieldDescriptor field : streams.getFields()) {
            FieldDescriptor same = persistent.findFieldByNumber(field.getNumber());
            assertThat(same).as(field.getName()).isNotNull();
            assertThat(same.getName()).isEqualTo(field.getName());
            assertThat(same.getType()).as(field.getName()).isEqualTo(field.getType());
            assertThat(same.isRepeated()).as(field.getName()).isEqualTo(field.isRepeated());
        }
    }

    @Test
    void aRecordedEventCarriedOverToThePersistentMessageKeepsEveryValue() {
        StreamsOuterClass.ReadResp.ReadEvent.RecordedEvent streams = Wire.recorded(EVENT, true);

        Persistent.ReadResp.ReadEvent.RecordedEvent persistent = Wire.recorded(EVENT, true,
                Persistent.ReadResp.ReadEvent.RecordedEvent.parser());

        assertThat(persistent.getId()).isEqualTo(streams.getId());
        assertThat(persistent.getStreamIdentifier()).isEqualTo(streams.getStreamIdentifier());
        assertThat(persistent.getStreamRevision()).isEqualTo(7);
        assertThat(persistent.getPreparePosition()).isEqualTo(4096);
        assertThat(persistent.getCommitPosition()).isEqualTo(4096);
        assertThat(persistent.getMetadataMap()).isEqualTo(streams.getMetadataMap()).hasSize(3);
        assertThat(persistent.getCustomMetadata()).isEqualTo(streams.getCustomMetadata());
        assertThat(persistent.getData()).isEqualTo(streams.getData());
        assertThat(persistent.getUnknownFields().asMap()).isEmpty();
    }
}

package com.paystream.infrastructure.store;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class EventMetadataTest {
    @Test
    void everyValueIsWrittenAsTextAsAMultiStreamAppendCarriesOnlyText() {
        String json = new String(new EventMetadata("corr", "cause", 2).toJson(), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("{\"$correlationId\":\"corr\",\"$causationId\":\"cause\",\"schemaVersion\":\"2\"}");
    }

    @Test
    void aSchemaVersionWrittenAsANumberBeforeIsStillRead() {
        byte[] before = "{\"$correlationId\":\"corr\",\"$causationId\":\"cause\",\"schemaVersion\":3}"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(EventMetadata.parse(before)).isEqualTo(new EventMetadata("corr", "cause", 3));
    }

    @Test
    void metadataWrittenAsTextReadsBackTheSame() {
        EventMetadata metadata = new EventMetadata("corr", "cause", 2);

        assertThat(EventMetadata.parse(metadata.toJson())).isEqualTo(metadata);
    }
}

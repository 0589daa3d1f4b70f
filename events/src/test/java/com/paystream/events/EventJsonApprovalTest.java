package com.paystream.events;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Freezes each published event's JSON: a change to a contract fails here until its approved file
 * ({@code src/test/resources/approved/{EventType}.json}) is updated on purpose. A missing or differing file leaves the
 * JSON actually produced in {@code target/approval/{EventType}.received.json}.
 */
class EventJsonApprovalTest {

    @Test
    void everyPublishedEventHasASample() {
        assertThat(Samples.all().stream().map(e -> EventTypes.nameOf(e.getClass())))
                .containsExactlyInAnyOrderElementsOf(EventTypes.all().keySet());
    }

    @TestFactory
    Stream<DynamicTest> theJsonOfEachEventMatchesItsApprovedContract() {
        return Samples.all().stream().map(event -> {
            String name = EventTypes.nameOf(event.getClass());
            return DynamicTest.dynamicTest(name + " matches approved/" + name + ".json", () -> approve(name, event));
        });
    }

    private static void approve(String name, PaymentEvent event) throws IOException {
        String received = EventJson.mapper().writerWithDefaultPrettyPrinter()
                .writeValueAsString(EventJson.mapper().readTree(EventJson.serialize(event))) + "\n";
        try (InputStream approved = EventJsonApprovalTest.class.getResourceAsStream("/approved/" + name + ".json")) {
            if (approved == null) {
                keep(name, received);
                fail("No approved JSON for " + name + ": review target/approval/" + name
                        + ".received.json and copy it to src/test/resources/approved/" + name + ".json");
            }
            JsonNode expected = EventJson.mapper().readTree(approved);
            if (!expected.equals(EventJson.mapper().readTree(received))) {
                keep(name, received);
            }
            assertThat(EventJson.mapper().readTree(received)).as("JSON of " + name).isEqualTo(expected);
        }
    }

    private static void keep(String name, String json) throws IOException {
        Path dir = Path.of("target", "approval");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + ".received.json"), json);
    }
}

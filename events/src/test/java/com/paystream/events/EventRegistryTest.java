package com.paystream.events;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventRegistryTest {

    sealed interface NoteEvent permits NoteWritten, NoteErased {
    }

    @EventType(name = "NoteWritten", version = 2)
    record NoteWritten(String text) implements NoteEvent {
    }

    @EventType(name = "NoteErased")
    record NoteErased(String reason) implements NoteEvent {
    }

    sealed interface Unnamed permits Nameless {
    }

    record Nameless(String text) implements Unnamed {
    }

    sealed interface Clashing permits First, Second {
    }

    @EventType(name = "Same")
    record First() implements Clashing {
    }

    @EventType(name = "Same")
    record Second() implements Clashing {
    }

    @Test
    void aPrivateFamilyOfEventsIsStoredUnderItsOwnNamesAndVersions() {
        EventRegistry<NoteEvent> registry = EventRegistry.of(NoteEvent.class);

        assertThat(registry.all()).containsOnlyKeys("NoteWritten", "NoteErased");
        assertThat(registry.versionOf(NoteWritten.class)).isEqualTo(2);
    }

    @Test
    void anEventOfThePrivateFamilyReadsBackAsWritten() {
        EventRegistry<NoteEvent> registry = EventRegistry.of(NoteEvent.class);

        byte[] json = registry.serialize(new NoteWritten("hello"));

        assertThat(registry.deserialize("NoteWritten", json)).isEqualTo(new NoteWritten("hello"));
    }

    @Test
    void aPublishedEventTypeIsUnknownToAPrivateFamily() {
        EventRegistry<NoteEvent> registry = EventRegistry.of(NoteEvent.class);

        assertThatThrownBy(() -> registry.deserialize("InboundPaymentFailed", "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventJson.UnreadableEventException.class);
    }

    @Test
    void anEventClassWithoutAStoredNameIsRefusedWhenTheRegistryIsBuilt() {
        assertThatThrownBy(() -> EventRegistry.of(Unnamed.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has no @EventType");
    }

    @Test
    void twoEventClassesSharingAStoredNameAreRefusedWhenTheRegistryIsBuilt() {
        assertThatThrownBy(() -> EventRegistry.of(Clashing.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is used by both");
    }
}

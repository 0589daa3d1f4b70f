package com.paystream.emulator.projections;

import com.paystream.emulator.EmulatorExtension;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.ReadStreamOptions;
import io.kurrent.dbclient.ResolvedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static com.paystream.emulator.TestEvents.await;
import static com.paystream.emulator.TestEvents.json;
import static org.assertj.core.api.Assertions.assertThat;

class SystemProjectionsTest {
    @RegisterExtension
    static final EmulatorExtension emulator = new EmulatorExtension();

    private final KurrentDBClient client = emulator.client();
    private final String category = "cat" + UUID.randomUUID().toString().replace("-", "");

    private List<ResolvedEvent> read(String stream, boolean resolveLinks) throws Throwable {
        ReadStreamOptions options = ReadStreamOptions.get();
        options = resolveLinks ? options.resolveLinkTos() : options.notResolveLinkTos();
        return await(client.readStream(stream, options)).getEvents();
    }

    @Test
    void categoryStreamResolvesToTheOriginalEventsWithTheLinkAttached() throws Throwable {
        String stream = category + "-1";
        await(client.appendToStream(stream, json("Opened", "{\"x\":1}"), json("Closed", "{\"x\":2}")));

        List<ResolvedEvent> events = read("$ce-" + category, true);

        assertThat(events).hasSize(2);
        ResolvedEvent first = events.get(0);
        assertThat(first.getEvent().getStreamId()).isEqualTo(stream);
        assertThat(first.getEvent().getRevision()).isZero();
        assertThat(first.getEvent().getEventType()).isEqualTo("Opened");
        assertThat(first.getLink()).isNotNull();
        assertThat(first.getLink().getStreamId()).isEqualTo("$ce-" + category);
        assertThat(first.getLink().getEventType()).isEqualTo("$>");
        assertThat(first.getOriginalEvent()).isSameAs(first.getLink());
    }

    @Test
    void categoryIsThePartOfTheStreamNameBeforeTheFirstDash() throws Throwable {
        await(client.appendToStream(category + "-a-b", json("Opened")));

        List<ResolvedEvent> events = read("$ce-" + category, true);

        assertThat(events).extracting(e -> e.getEvent().getStreamId()).containsExactly(category + "-a-b");
    }

    @Test
    void categoryStreamWithoutResolveLinksReturnsTheLinkEventsThemselves() throws Throwable {
        String stream = category + "-2";
        await(client.appendToStream(stream, json("Opened")));

        List<ResolvedEvent> events = read("$ce-" + category, false);

        assertThat(events).hasSize(1);
        assertThat(events.get(0).getLink()).isNull();
        assertThat(events.get(0).getEvent().getEventType()).isEqualTo("$>");
        assertThat(new String(events.get(0).getEvent().getEventData(), StandardCharsets.UTF_8))
                .isEqualTo("0@" + stream);
    }

    @Test
    void eventTypeStreamLinksEveryEventOfThatTypeAcrossStreams() throws Throwable {
        String type = "Paid" + UUID.randomUUID().toString().replace("-", "");
        await(client.appendToStream(category + "-1", json(type)));
        await(client.appendToStream(category + "-2", json("Other"), json(type)));

        List<ResolvedEvent> events = read("$et-" + type, true);

        assertThat(events).extracting(e -> e.getEvent().getStreamId() + "@" + e.getEvent().getRevision())
                .containsExactly(category + "-1@0", category + "-2@1");
        assertThat(events).allSatisfy(e -> assertThat(e.getLink().getStreamId()).isEqualTo("$et-" + type));
    }
}

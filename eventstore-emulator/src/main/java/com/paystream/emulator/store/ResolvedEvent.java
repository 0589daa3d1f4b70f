package com.paystream.emulator.store;

import java.util.function.Predicate;

/**
 * An event as a read returns it: {@code event} is what the reader sees; {@code link} is set when the event was reached
 * through a link event (the link itself), as EventStoreDB does when asked to resolve links.
 */
public record ResolvedEvent(CommittedEvent event, CommittedEvent link) {

    /** The record that was actually read from the stream: the link if there was one. */
    public CommittedEvent original() {
        return link != null ? link : event;
    }

    /**
     * As a reader who may read only the streams {@code mayRead} accepts sees it: a link to an event in any other
     * stream comes back unresolved, as a link whose target cannot be read does.
     */
    public ResolvedEvent visibleTo(Predicate<String> mayRead) {
        return link == null || mayRead.test(event.stream()) ? this : new ResolvedEvent(link, null);
    }
}

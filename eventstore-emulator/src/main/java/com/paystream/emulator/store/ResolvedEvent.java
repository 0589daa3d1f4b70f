package com.paystream.emulator.store;

/**
 * An event as a read returns it: {@code event} is what the reader sees; {@code link} is set when the event was reached
 * through a link event (the link itself), as EventStoreDB does when asked to resolve links.
 */
public record ResolvedEvent(StoredEvent event, StoredEvent link) {

    /** The record that was actually read from the stream: the link if there was one. */
    public StoredEvent original() {
        return link != null ? link : event;
    }
}

package com.paystream.emulator.store;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * One event as recorded in the log. {@code position} is its commit (and prepare) position in {@code $all}:
 * the byte offset of its record in the log, so positions are strictly increasing.
 */
public record CommittedEvent(
        long position,
        String stream,
        long revision,
        UUID id,
        String type,
        boolean json,
        long createdTicks,
        byte[] data,
        byte[] metadata) {

    /** Event type of a link event (a pointer to another event, as written by the system projections). */
    public static final String LINK_TYPE = "$>";
    /** Event type of a tombstone, written at revision {@link Long#MAX_VALUE} by a hard delete. */
    public static final String TOMBSTONE_TYPE = "$streamDeleted";
    /** Event type of stream metadata, written to {@code $$stream}. */
    public static final String METADATA_TYPE = "$metadata";

    public String contentType() {
        return json ? "application/json" : "application/octet-stream";
    }

    public boolean isLink() {
        return LINK_TYPE.equals(type);
    }

    /** For a link event: the stream it points to and the revision there, parsed from {@code "rev@stream"}. */
    public LinkTarget linkTarget() {
        if (!isLink()) {
            return null;
        }
        String text = new String(data, StandardCharsets.UTF_8);
        int at = text.indexOf('@');
        if (at <= 0) {
            return null;
        }
        try {
            return new LinkTarget(text.substring(at + 1), Long.parseLong(text.substring(0, at)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public record LinkTarget(String stream, long revision) {
    }
}

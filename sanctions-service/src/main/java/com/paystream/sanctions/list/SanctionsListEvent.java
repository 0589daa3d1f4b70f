package com.paystream.sanctions.list;

/**
 * The private events of a {@code sanctionslist-{listId}} stream. Stored names are the {@code @EventType} names
 * (never the class names) and are frozen: see {@link SanctionsListCodec}.
 */
public sealed interface SanctionsListEvent
        permits SanctionedNameAdded, SanctionedNameRemoved, SanctionedNameChanged, SanctionsListImported {
}

package com.paystream.emulator.store;

import java.util.UUID;

/** An event a client asks to append. */
public record ProposedEvent(UUID id, String type, boolean json, byte[] data, byte[] metadata) {
}

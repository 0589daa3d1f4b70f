package com.paystream.simulator.files;

/**
 * The Standard 18 files the simulated scheme made and sent to the bank, and what came back: the private events of its
 * {@code schemefile-{serial}} streams, and of {@code schemefileserials}, where each serial number is taken once.
 */
public sealed interface SchemeFileEvent
        permits SchemeFileSerialTaken, SchemeFileSent, SchemeFileAnswered, SchemeFileDeliveryFailed {
    String serialNumber();
}

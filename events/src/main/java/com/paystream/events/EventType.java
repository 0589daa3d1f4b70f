package com.paystream.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The stored name and schema version of an event. The name is what EventStoreDB records as the event type (and so
 * names the {@code $et-} stream consumers subscribe to); it never changes when the class is renamed or moved.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {
    String name();

    int version() default 1;
}

package com.paystream.infrastructure.readmodel;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How far a read model got: the last revision applied in the followed stream. Stored as the JSON of a
 * {@code ReadModelCheckpointed} event; an empty checkpoint means "from the start". A checkpoint of an earlier release
 * that followed {@code $all} (a position, no revision) reads as the start.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Checkpoint(Long revision) {
    public static final Checkpoint START = new Checkpoint(null);

    public static Checkpoint revision(long revision) {
        return new Checkpoint(revision);
    }

    @JsonIgnore
    public boolean isStart() {
        return revision == null;
    }
}

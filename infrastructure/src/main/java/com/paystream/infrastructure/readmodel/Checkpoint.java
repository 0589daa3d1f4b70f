package com.paystream.infrastructure.readmodel;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How far a read model got: the last revision applied in the followed stream, or the last {@code $all} position.
 * Stored as the JSON of a {@code ReadModelCheckpointed} event; an empty checkpoint means "from the start".
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Checkpoint(Long revision, Long commit, Long prepare) {
    public static final Checkpoint START = new Checkpoint(null, null, null);

    public static Checkpoint revision(long revision) {
        return new Checkpoint(revision, null, null);
    }

    public static Checkpoint position(long commit, long prepare) {
        return new Checkpoint(null, commit, prepare);
    }

    @JsonIgnore
    public boolean isStart() {
        return revision == null && commit == null;
    }
}

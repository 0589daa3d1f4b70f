package com.paystream.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;

/**
 * The system properties of a stream's metadata ({@code $$stream}) that change how the stream reads.
 * Values absent from the JSON are {@code null}. Custom properties are kept verbatim in {@code json}.
 */
public record StreamMetadata(Long maxCount, Long maxAgeSeconds, Long truncateBefore, ObjectNode json) {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    public static final StreamMetadata NONE = new StreamMetadata(null, null, null, MAPPER.createObjectNode());

    /** Truncate-before value a soft delete writes: the stream reads as not found until it is written again. */
    public static final long DELETED = Long.MAX_VALUE;

    public static StreamMetadata parse(byte[] bytes) {
        try {
            JsonNode node = MAPPER.readTree(bytes);
            if (node == null || !node.isObject()) {
                return NONE;
            }
            ObjectNode object = (ObjectNode) node;
            return new StreamMetadata(longOrNull(object, "$maxCount"), longOrNull(object, "$maxAge"),
                    longOrNull(object, "$tb"), object);
        } catch (IOException e) {
            return NONE;
        }
    }

    /** The stream's own access control list ({@code $acl}), or null when it has none. */
    public StreamAcl acl() {
        return StreamAcl.parse(json.get("$acl"));
    }

    public boolean softDeleted() {
        return truncateBefore != null && truncateBefore == DELETED;
    }

    /** The same metadata with {@code $tb} replaced. */
    public byte[] withTruncateBefore(long value) {
        ObjectNode copy = json.deepCopy();
        copy.put("$tb", value);
        try {
            return MAPPER.writeValueAsBytes(copy);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Long longOrNull(ObjectNode object, String field) {
        JsonNode value = object.get(field);
        return value != null && value.canConvertToLong() ? value.asLong() : null;
    }
}

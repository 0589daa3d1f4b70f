package com.paystream.emulator.persistent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.paystream.emulator.grpc.EventFilter;

import java.util.ArrayList;
import java.util.List;

/**
 * What a client asked for when it created (or last updated) a group: the source, where to start, the $all filter and
 * the settings. {@code resolvedStart} is where delivery really starts when there is no checkpoint: a start "from the
 * end" is fixed at creation (or update) time, so events written before the first consumer connects are delivered.
 */
record GroupDefinition(
        String stream,
        String group,
        Start start,
        long resolvedStart,
        FilterSpec filter,
        Settings settings) {

    static final String ALL = "$all";

    boolean isAll() {
        return ALL.equals(stream);
    }

    GroupKey key() {
        return new GroupKey(stream, group);
    }

    GroupDefinition withSettings(Start newStart, long newResolvedStart, Settings newSettings) {
        return new GroupDefinition(stream, group, newStart, newResolvedStart, filter, newSettings);
    }

    /** Identity of a group: the stream ({@code $all} for all) and the group name. */
    record GroupKey(String stream, String group) {
    }

    /** Start as declared: {@code START}, {@code END}, or a revision / position in {@code value} (+ prepare). */
    record Start(Kind kind, long value, long prepare) {
        enum Kind { START, END, AT }

        static Start start() {
            return new Start(Kind.START, 0, 0);
        }

        static Start end() {
            return new Start(Kind.END, -1, -1);
        }

        /** The {@code start_from} string the client parses: a revision, or {@code C:commit/P:prepare} for $all. */
        String wire(boolean all) {
            if (!all) {
                return switch (kind) {
                    case START -> "0";
                    case END -> "-1";
                    case AT -> Long.toString(value);
                };
            }
            return switch (kind) {
                case START -> "C:0/P:0";
                case END -> "C:-1/P:-1";
                case AT -> "C:" + value + "/P:" + prepare;
            };
        }
    }

    /** A server-side filter of a $all group, kept as the client sent it so it survives a restart. */
    record FilterSpec(boolean onStreamName, String regex, List<String> prefixes, Integer window, int multiplier) {
        EventFilter toFilter() {
            return EventFilter.of(onStreamName, regex, prefixes, window, multiplier);
        }
    }

    record Settings(
            boolean resolveLinks,
            boolean extraStatistics,
            int messageTimeoutMs,
            int maxRetryCount,
            int checkpointAfterMs,
            int minCheckpointCount,
            int maxCheckpointCount,
            int maxSubscriberCount,
            int liveBufferSize,
            int readBatchSize,
            int historyBufferSize,
            String consumerStrategy) {
    }

    // ------------------------------------------------------------------------------------------- persistence

    ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode node = mapper.createObjectNode();
        node.put("stream", stream);
        node.put("group", group);
        node.put("startKind", start.kind().name());
        node.put("startValue", start.value());
        node.put("startPrepare", start.prepare());
        node.put("resolvedStart", resolvedStart);
        if (filter != null) {
            ObjectNode f = node.putObject("filter");
            f.put("onStreamName", filter.onStreamName());
            f.put("regex", filter.regex());
            ArrayNode prefixes = f.putArray("prefixes");
            filter.prefixes().forEach(prefixes::add);
            if (filter.window() != null) {
                f.put("window", filter.window());
            }
            f.put("multiplier", filter.multiplier());
        }
        ObjectNode s = node.putObject("settings");
        s.put("resolveLinks", settings.resolveLinks());
        s.put("extraStatistics", settings.extraStatistics());
        s.put("messageTimeoutMs", settings.messageTimeoutMs());
        s.put("maxRetryCount", settings.maxRetryCount());
        s.put("checkpointAfterMs", settings.checkpointAfterMs());
        s.put("minCheckpointCount", settings.minCheckpointCount());
        s.put("maxCheckpointCount", settings.maxCheckpointCount());
        s.put("maxSubscriberCount", settings.maxSubscriberCount());
        s.put("liveBufferSize", settings.liveBufferSize());
        s.put("readBatchSize", settings.readBatchSize());
        s.put("historyBufferSize", settings.historyBufferSize());
        s.put("consumerStrategy", settings.consumerStrategy());
        return node;
    }

    static GroupDefinition fromJson(JsonNode node) {
        Start start = new Start(Start.Kind.valueOf(node.get("startKind").asText()), node.get("startValue").asLong(),
                node.get("startPrepare").asLong());
        FilterSpec filter = null;
        JsonNode f = node.get("filter");
        if (f != null && f.isObject()) {
            List<String> prefixes = new ArrayList<>();
            f.get("prefixes").forEach(p -> prefixes.add(p.asText()));
            filter = new FilterSpec(f.get("onStreamName").asBoolean(), f.get("regex").asText(), prefixes,
                    f.has("window") ? f.get("window").asInt() : null, f.get("multiplier").asInt());
        }
        JsonNode s = node.get("settings");
        Settings settings = new Settings(s.get("resolveLinks").asBoolean(), s.get("extraStatistics").asBoolean(),
                s.get("messageTimeoutMs").asInt(), s.get("maxRetryCount").asInt(), s.get("checkpointAfterMs").asInt(),
                s.get("minCheckpointCount").asInt(), s.get("maxCheckpointCount").asInt(),
                s.get("maxSubscriberCount").asInt(), s.get("liveBufferSize").asInt(), s.get("readBatchSize").asInt(),
                s.get("historyBufferSize").asInt(), s.get("consumerStrategy").asText());
        return new GroupDefinition(node.get("stream").asText(), node.get("group").asText(), start,
                node.get("resolvedStart").asLong(), filter, settings);
    }
}

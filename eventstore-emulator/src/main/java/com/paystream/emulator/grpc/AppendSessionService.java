package com.paystream.emulator.grpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Value;
import com.paystream.emulator.auth.AccessControl;
import com.paystream.emulator.auth.Authentication;
import com.paystream.emulator.auth.Principal;
import com.paystream.emulator.stats.MessageCounter;
import com.paystream.emulator.store.AppendOutcome;
import com.paystream.emulator.store.ExpectedRevision;
import com.paystream.emulator.store.ProposedEvent;
import com.paystream.emulator.store.SessionOutcome;
import com.paystream.emulator.store.StreamAcl.Action;
import com.paystream.emulator.store.StreamAppend;
import com.paystream.emulator.store.StreamDatabase;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.kurrentdb.protocol.v2.streams.AppendRecord;
import io.kurrentdb.protocol.v2.streams.AppendRequest;
import io.kurrentdb.protocol.v2.streams.AppendResponse;
import io.kurrentdb.protocol.v2.streams.AppendSessionResponse;
import io.kurrentdb.protocol.v2.streams.SchemaFormat;
import io.kurrentdb.protocol.v2.streams.StreamsServiceGrpc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code kurrentdb.protocol.v2.streams.StreamsService/AppendSession}: a client stream of one request per stream, then
 * one answer. The streams are written in one commit of the store ({@link StreamDatabase#appendSession}): all of them,
 * or, when any stream is not at its expected revision or is tombstoned, none, the error naming that stream in the v2
 * errors' typed details ({@link V2Errors}). Each stream is checked against the caller's rights as a v1 append is.
 *
 * <p>A record becomes an event as the v1 read API shows it: its schema name is the event type, a JSON schema format
 * makes it {@code application/json} (anything else {@code application/octet-stream}), its record id is the event id
 * (one is made when missing), and its properties are stored as a JSON object in the event's metadata, where the
 * KurrentDB client took them from (it sends JSON-object metadata as properties).
 */
public final class AppendSessionService extends StreamsServiceGrpc.StreamsServiceImplBase {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StreamDatabase store;
    private final AccessControl access;
    private final MessageCounter counter;
    private final AppendLimits limits;

    public AppendSessionService(StreamDatabase store, AccessControl access, MessageCounter counter,
                                AppendLimits limits) {
        this.store = store;
        this.access = access;
        this.counter = counter;
        this.limits = limits;
    }

    @Override
    public StreamObserver<AppendRequest> appendSession(StreamObserver<AppendSessionResponse> responses) {
        Principal caller = Authentication.current();
        return new StreamObserver<>() {
            private final List<StreamAppend> appends = new ArrayList<>();
            private final Set<String> named = new HashSet<>();
            private long size;
            private boolean failed;

            @Override
            public void onNext(AppendRequest request) {
                if (failed) {
                    return;
                }
                counter.sessionStream();
                try {
                    appends.add(streamAppend(request));
                } catch (StatusRuntimeException e) {
                    // the session is over: nothing is written, the client learns why at once
                    failed = true;
                    responses.onError(e);
                }
            }

            private StreamAppend streamAppend(AppendRequest request) {
                String stream = request.getStream();
                if (stream.isEmpty()) {
                    throw V2Errors.badRequest("Every append request names its stream");
                }
                if (!named.add(stream)) {
                    throw V2Errors.alreadyInSession(stream);
                }
                if (!access.allowed(caller, stream, Action.WRITE)) {
                    throw V2Errors.accessDenied("streams:append", caller.login(), stream);
                }
                if (request.getRecordsCount() == 0) {
                    // as the real server: a stream of the session with nothing to write is a mistake, not a no-op
                    throw V2Errors.badRequest("Write to stream \"" + stream + "\" does not have any records");
                }
                long expected = request.hasExpectedRevision() ? request.getExpectedRevision() : ExpectedRevision.ANY;
                if (expected < 0 && expected != ExpectedRevision.ANY && expected != ExpectedRevision.NO_STREAM
                        && expected != ExpectedRevision.STREAM_EXISTS) {
                    throw V2Errors.badRequest("Expected revision " + expected + " of stream '" + stream
                            + "' is neither a revision nor one of -1 (no stream), -2 (any), -4 (exists)");
                }
                List<ProposedEvent> events = new ArrayList<>(request.getRecordsCount());
                for (AppendRecord record : request.getRecordsList()) {
                    ProposedEvent event = event(stream, record);
                    int recordSize = event.data().length + event.metadata().length;
                    if (recordSize > limits.maxRecordSize()) {
                        throw V2Errors.recordTooLarge(stream, event.id().toString(), recordSize,
                                limits.maxRecordSize());
                    }
                    size += recordSize;
                    if (size > limits.maxAppendSize()) {
                        throw V2Errors.transactionTooLarge((int) Math.min(Integer.MAX_VALUE, size),
                                limits.maxAppendSize());
                    }
                    events.add(event);
                }
                return new StreamAppend(stream, expected, events);
            }

            @Override
            public void onError(Throwable t) {
                // the client gave up before completing: nothing was written
            }

            @Override
            public void onCompleted() {
                if (failed) {
                    return;
                }
                counter.session();
                if (appends.isEmpty()) {
                    responses.onError(V2Errors.noRequests());
                    return;
                }
                store.appendSession(appends).whenComplete((outcome, error) -> {
                    if (error != null) {
                        responses.onError(Status.UNAVAILABLE.withDescription("The store could not write: "
                                + error.getMessage()).asRuntimeException());
                    } else {
                        answer(outcome, appends, responses);
                    }
                });
            }
        };
    }

    private void answer(SessionOutcome outcome, List<StreamAppend> appends,
                        StreamObserver<AppendSessionResponse> responses) {
        if (outcome instanceof SessionOutcome.Committed committed) {
            AppendSessionResponse.Builder response = AppendSessionResponse.newBuilder()
                    .setPosition(committed.position());
            int events = 0;
            for (int i = 0; i < committed.results().size(); i++) {
                AppendOutcome.Success result = committed.results().get(i);
                AppendResponse.Builder output = AppendResponse.newBuilder()
                        .setStream(appends.get(i).stream()).setStreamRevision(result.currentRevision());
                if (result.position() >= 0) {
                    output.setPosition(result.position());
                }
                response.addOutput(output);
                events += appends.get(i).events().size();
            }
            counter.sessionEvents(events);
            responses.onNext(response.build());
            responses.onCompleted();
        } else if (outcome instanceof SessionOutcome.RevisionConflict conflict) {
            responses.onError(V2Errors.revisionConflict(conflict.stream(), conflict.expected(), conflict.actual()));
        } else if (outcome instanceof SessionOutcome.Tombstoned tombstoned) {
            responses.onError(V2Errors.tombstoned(tombstoned.stream()));
        } else {
            responses.onError(V2Errors.badRequest(((SessionOutcome.Rejected) outcome).reason()));
        }
    }

    private static ProposedEvent event(String stream, AppendRecord record) {
        UUID id;
        if (record.hasRecordId()) {
            try {
                id = UUID.fromString(record.getRecordId());
            } catch (IllegalArgumentException e) {
                throw V2Errors.badRequest("Record id '" + record.getRecordId() + "' of stream '" + stream
                        + "' is not a UUID");
            }
        } else {
            id = StreamDatabase.newEventId();
        }
        String type = record.getSchema().getName();
        if (type.isEmpty()) {
            throw V2Errors.badRequest("Record " + id + " of stream '" + stream + "' has no schema name (event type)");
        }
        boolean json = record.getSchema().getFormat() == SchemaFormat.SCHEMA_FORMAT_JSON;
        return new ProposedEvent(id, type, json, record.getData().toByteArray(), metadata(record.getPropertiesMap()));
    }

    /** The properties as a JSON object, or no metadata at all when there are none. */
    private static byte[] metadata(Map<String, Value> properties) {
        if (properties.isEmpty()) {
            return new byte[0];
        }
        ObjectNode object = JSON.createObjectNode();
        properties.forEach((key, value) -> object.set(key, json(value)));
        return object.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode json(Value value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (value.getKindCase()) {
            case STRING_VALUE -> nodes.textNode(value.getStringValue());
            case BOOL_VALUE -> nodes.booleanNode(value.getBoolValue());
            case NUMBER_VALUE -> {
                double number = value.getNumberValue();
                yield number == Math.rint(number) && Math.abs(number) < 1e15 ? nodes.numberNode((long) number)
                        : nodes.numberNode(number);
            }
            case STRUCT_VALUE -> {
                ObjectNode object = nodes.objectNode();
                value.getStructValue().getFieldsMap().forEach((k, v) -> object.set(k, json(v)));
                yield object;
            }
            case LIST_VALUE -> {
                ArrayNode array = nodes.arrayNode();
                value.getListValue().getValuesList().forEach(v -> array.add(json(v)));
                yield array;
            }
            default -> nodes.nullNode();
        };
    }
}

package com.paystream.emulator.grpc;

import com.google.protobuf.Any;
import com.google.protobuf.Message;
import com.google.rpc.Code;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.kurrentdb.protocol.v2.common.errors.AccessDeniedErrorDetails;
import io.kurrentdb.protocol.v2.streams.errors.AppendRecordSizeExceededErrorDetails;
import io.kurrentdb.protocol.v2.streams.errors.AppendTransactionSizeExceededErrorDetails;
import io.kurrentdb.protocol.v2.streams.errors.StreamAlreadyInAppendSessionErrorDetails;
import io.kurrentdb.protocol.v2.streams.errors.StreamRevisionConflictErrorDetails;
import io.kurrentdb.protocol.v2.streams.errors.StreamTombstonedErrorDetails;

/**
 * The errors of the v2 protocol: a {@code google.rpc.Status} (sent in the {@code grpc-status-details-bin} trailer)
 * whose code is the one {@code kurrentdb/protocol/v2/streams/errors.proto} and {@code .../common/errors.proto} give
 * the error, with the typed details message the KurrentDB client unpacks to pick its exception.
 */
final class V2Errors {
    private static final Metadata.Key<String> EXCEPTION = Metadata.Key.of("exception",
            Metadata.ASCII_STRING_MARSHALLER);

    private V2Errors() {
    }

    /** {@code STREAMS_ERROR_STREAM_REVISION_CONFLICT}: the client raises {@code WrongExpectedVersionException}. */
    static StatusRuntimeException revisionConflict(String stream, long expected, long actual) {
        return error(Code.FAILED_PRECONDITION, "Append failed due to a revision conflict on stream '" + stream
                + "': expected revision " + expected + ", actual " + actual, StreamRevisionConflictErrorDetails
                .newBuilder().setStream(stream).setExpectedRevision(expected).setActualRevision(actual).build());
    }

    /** {@code STREAMS_ERROR_STREAM_TOMBSTONED}: the client raises {@code StreamTombstonedException}. */
    static StatusRuntimeException tombstoned(String stream) {
        return error(Code.FAILED_PRECONDITION, "Stream '" + stream + "' is tombstoned",
                StreamTombstonedErrorDetails.newBuilder().setStream(stream).build());
    }

    /** {@code STREAMS_ERROR_APPEND_RECORD_SIZE_EXCEEDED}: the client raises {@code RecordSizeExceededException}. */
    static StatusRuntimeException recordTooLarge(String stream, String recordId, int size, int maxSize) {
        return error(Code.INVALID_ARGUMENT, "Record " + recordId + " to stream '" + stream + "' is " + size
                + " bytes, more than the " + maxSize + " allowed", AppendRecordSizeExceededErrorDetails.newBuilder()
                .setStream(stream).setRecordId(recordId).setSize(size).setMaxSize(maxSize).build());
    }

    /**
     * {@code STREAMS_ERROR_APPEND_TRANSACTION_SIZE_EXCEEDED}: the client raises
     * {@code TransactionMaxSizeExceededException}.
     */
    static StatusRuntimeException transactionTooLarge(int size, int maxSize) {
        return error(Code.ABORTED, "The append session is " + size + " bytes or more, more than the " + maxSize
                + " allowed", AppendTransactionSizeExceededErrorDetails.newBuilder().setSize(size)
                .setMaxSize(maxSize).build());
    }

    /** {@code STREAMS_ERROR_STREAM_ALREADY_IN_APPEND_SESSION}: a session names each stream once. */
    static StatusRuntimeException alreadyInSession(String stream) {
        return error(Code.ABORTED, "Stream '" + stream + "' is already in this append session",
                StreamAlreadyInAppendSessionErrorDetails.newBuilder().setStream(stream).build());
    }

    /** {@code STREAMS_ERROR_APPEND_SESSION_NO_REQUESTS}: a session completed without naming any stream. */
    static StatusRuntimeException noRequests() {
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(Code.FAILED_PRECONDITION_VALUE).setMessage("The append session has no requests").build());
    }

    /** {@code SERVER_ERROR_ACCESS_DENIED}, with the {@code exception: access-denied} trailer the v1 errors carry. */
    static StatusRuntimeException accessDenied(String operation, String username, String stream) {
        AccessDeniedErrorDetails.Builder details = AccessDeniedErrorDetails.newBuilder().setOperation(operation)
                .setPermission("write " + stream);
        if (username != null) {
            details.setUsername(username);
        }
        Metadata trailers = new Metadata();
        trailers.put(EXCEPTION, "access-denied");
        return StatusProto.toStatusRuntimeException(status(Code.PERMISSION_DENIED, "Access Denied",
                details.build()), trailers);
    }

    /** {@code SERVER_ERROR_BAD_REQUEST}. */
    static StatusRuntimeException badRequest(String message) {
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(Code.INVALID_ARGUMENT_VALUE).setMessage(message).build());
    }

    private static StatusRuntimeException error(Code code, String message, Message details) {
        return StatusProto.toStatusRuntimeException(status(code, message, details));
    }

    private static com.google.rpc.Status status(Code code, String message, Message details) {
        return com.google.rpc.Status.newBuilder().setCode(code.getNumber()).setMessage(message)
                .addDetails(Any.pack(details)).build();
    }
}

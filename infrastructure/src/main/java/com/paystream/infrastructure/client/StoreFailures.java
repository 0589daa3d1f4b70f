package com.paystream.infrastructure.client;

import com.paystream.infrastructure.store.RevisionConflictException;
import com.paystream.infrastructure.store.StoreAccessDeniedException;
import com.paystream.infrastructure.store.StoreUnavailableException;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.kurrent.dbclient.ConnectionShutdownException;
import io.kurrent.dbclient.NoClusterNodeFoundException;
import io.kurrent.dbclient.NotLeaderException;
import io.kurrent.dbclient.WrongExpectedVersionException;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** Turns what the official client throws into the infrastructure's typed failures. */
public final class StoreFailures {
    private static final Metadata.Key<String> LEADER_HOST =
            Metadata.Key.of("leader-endpoint-host", Metadata.ASCII_STRING_MARSHALLER);

    private StoreFailures() {
    }

    /**
     * {@link WrongExpectedVersionException} becomes {@link RevisionConflictException}; a shut-down client, no node,
     * a timeout, a node that is not the leader ({@link #isNotLeader}) or an UNAVAILABLE-like gRPC status becomes
     * {@link StoreUnavailableException}; PERMISSION_DENIED and UNAUTHENTICATED become
     * {@link StoreAccessDeniedException}; anything else is returned unwrapped.
     */
    public static RuntimeException translate(Throwable failure) {
        Throwable unwrapped = unwrap(failure);
        for (Throwable t = unwrapped; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StoreUnavailableException) {
                return (StoreUnavailableException) t;
            }
            if (t instanceof RevisionConflictException) {
                return (RevisionConflictException) t;
            }
            if (t instanceof WrongExpectedVersionException) {
                WrongExpectedVersionException e = (WrongExpectedVersionException) t;
                return new RevisionConflictException(e.getStreamName(), e.getExpectedState().toRawLong(),
                        e.getActualState().toRawLong(), e);
            }
            if (isNotLeader(t)) {
                return new StoreUnavailableException("The EventStoreDB node asked is not the leader (any more): "
                        + t, t);
            }
            if (t instanceof ConnectionShutdownException || t instanceof NoClusterNodeFoundException
                    || t instanceof TimeoutException) {
                return new StoreUnavailableException("EventStoreDB is unreachable: " + t, t);
            }
            if (t instanceof StatusRuntimeException && isTransient(((StatusRuntimeException) t).getStatus())) {
                return new StoreUnavailableException("EventStoreDB is unreachable: " + t.getMessage(), t);
            }
            if (t instanceof StatusRuntimeException && isRefusal(((StatusRuntimeException) t).getStatus())) {
                Status status = ((StatusRuntimeException) t).getStatus();
                return new StoreAccessDeniedException("EventStoreDB refused this service (" + status.getCode()
                        + (status.getDescription() == null ? "" : ": " + status.getDescription()) + ")", t);
            }
        }
        return unwrapped instanceof RuntimeException ? (RuntimeException) unwrapped
                : new IllegalStateException(unwrapped.getMessage(), unwrapped);
    }

    /**
     * Whether a node refused the call because it does not lead: {@link NotLeaderException}, or the status it comes
     * from (the leader's endpoint in its trailers), which the client hands over as it is when it refuses a persistent
     * subscription. The node did nothing: the call may be made again, on the leader.
     */
    public static boolean isNotLeader(Throwable failure) {
        if (failure instanceof NotLeaderException) {
            return true;
        }
        return failure instanceof StatusRuntimeException refusal && refusal.getTrailers() != null
                && refusal.getTrailers().containsKey(LEADER_HOST);
    }

    /** The gRPC status code of a failure, if it is (or wraps) a gRPC status failure. */
    public static Status.Code statusCode(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StatusRuntimeException) {
                return ((StatusRuntimeException) t).getStatus().getCode();
            }
        }
        return null;
    }

    private static boolean isRefusal(Status status) {
        return status.getCode() == Status.Code.PERMISSION_DENIED || status.getCode() == Status.Code.UNAUTHENTICATED;
    }

    private static boolean isTransient(Status status) {
        switch (status.getCode()) {
            case UNAVAILABLE:
            case DEADLINE_EXCEEDED:
            case ABORTED:
            case RESOURCE_EXHAUSTED:
            case INTERNAL:
            case UNKNOWN:
            case CANCELLED:
                return true;
            default:
                return false;
        }
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}

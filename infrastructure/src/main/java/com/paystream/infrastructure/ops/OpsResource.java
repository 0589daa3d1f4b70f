package com.paystream.infrastructure.ops;

import com.paystream.infrastructure.problem.NotFoundProblem;
import com.paystream.infrastructure.problem.ValidationProblem;
import com.paystream.infrastructure.readmodel.ReadModelRunner;
import com.paystream.infrastructure.readmodel.ReadModelStatus;
import com.paystream.infrastructure.security.Caller;
import com.paystream.infrastructure.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import com.paystream.infrastructure.api.SharedResponses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * The operations API every service has: its consumer groups (lag, in flight, parked), their parked messages with the
 * reasons, replaying them once the fault is fixed; its read models, and rebuilding one from the start of history.
 * Operators with the {@code ops} role change things (replay, rebuild); auditors may read too (parked messages carry
 * payment details, so no one else).
 */
@Path("/ops")
@Tag(name = "Operations", description = "This service's consumer groups, parked messages and read models, for "
        + "operators")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPS, Roles.AUDITOR})
public class OpsResource {
    private static final Logger LOG = Logger.getLogger(OpsResource.class);
    private static final int MAX_PARKED_PAGE = 1000;

    @Inject
    SubscriptionOps subscriptions;
    @Inject
    ReadModelRunner readModels;
    @Inject
    SecurityIdentity operator;

    /** What a replay or rebuild request started, and for whom. */
    @Schema(name = "OperationStarted", description = "What a replay or rebuild request started, and who asked")
    public record Accepted(String target, String action, String requestedBy) {
    }

    @GET
    @Path("/subscriptions")
    @Operation(summary = "List this service's consumer groups", description = "Each persistent-subscription group "
            + "this service consumes, with its state (caught-up, behind by its lag, parked, missing): whether it "
            + "exists and is subscribed here, how far behind it is, what is in flight and how many messages are parked.")
    @APIResponse(responseCode = "200", description = "The groups, in name order")
    @APIResponse(responseCode = "503", ref = SharedResponses.STORE_UNAVAILABLE)
    public List<GroupStatus> groups() {
        return subscriptions.groups();
    }

    @GET
    @Path("/subscriptions/{group}")
    @Operation(summary = "Read one consumer group", description = "The group's state (caught-up, behind by its "
            + "lag, parked, missing), how far behind it is, what is in flight and how many messages are parked.")
    @APIResponse(responseCode = "200", description = "The group's state")
    @APIResponse(responseCode = "404", description = "This service runs no consumer group of this name")
    @APIResponse(responseCode = "503", ref = SharedResponses.STORE_UNAVAILABLE)
    public GroupStatus group(@PathParam("group") String group) {
        return known(() -> subscriptions.group(group));
    }

    @GET
    @Path("/subscriptions/{group}/parked")
    @Operation(summary = "List a group's parked messages", description = "The messages the group gave up on, "
            + "oldest first, each with the reason it was parked and the event it carries.")
    @APIResponse(responseCode = "200", description = "The parked messages, oldest first")
    @APIResponse(responseCode = "404", description = "This service runs no consumer group of this name")
    @APIResponse(responseCode = "502", description = "The store lets only its admins read this group's parked "
            + "messages now (it resets their access list once it has replayed some); replaying still works")
    @APIResponse(responseCode = "503", ref = SharedResponses.STORE_UNAVAILABLE)
    public List<ParkedMessage> parked(@PathParam("group") String group,
                                      @Parameter(description = "At most this many, 1 to 1000", example = "20")
                                      @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > MAX_PARKED_PAGE) {
            throw ValidationProblem.field("limit", "must be between 1 and " + MAX_PARKED_PAGE);
        }
        return known(() -> subscriptions.parked(group, limit));
    }

    /** 202: the store redelivers the parked messages to the group's consumers; they leave the list once handled. */
    @POST
    @Path("/subscriptions/{group}/parked/replay")
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "Replay a group's parked messages", description = "Once the fault is fixed: the store "
            + "delivers the parked messages to the group's consumers again, and each leaves the list once handled. "
            + "The log keeps who asked.")
    @APIResponse(responseCode = "202", description = "The replay has started",
            content = @Content(schema = @Schema(implementation = Accepted.class)))
    @APIResponse(responseCode = "404", description = "This service runs no consumer group of this name")
    @APIResponse(responseCode = "503", ref = SharedResponses.STORE_UNAVAILABLE)
    public Response replay(@PathParam("group") String group) {
        known(() -> {
            subscriptions.replayParked(group);
            return group;
        });
        return accepted(group, "replay-parked");
    }

    @GET
    @Path("/read-models")
    @Operation(summary = "List this service's read models", description = "Each read model: whether it has caught "
            + "up, its checkpoint, how many events it applied or skipped, and why it failed if it did.")
    @APIResponse(responseCode = "200", description = "The read models")
    public List<ReadModelStatus> readModels() {
        return readModels.statuses();
    }

    /** 202: the read model forgets its state and checkpoint and reads all history again (readiness DOWN until then). */
    @POST
    @Path("/read-models/{name}/rebuild")
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "Rebuild a read model", description = "The read model forgets its state and checkpoint "
            + "and reads all history again; the service is not ready until it has caught up. The log keeps who "
            + "asked.")
    @APIResponse(responseCode = "202", description = "The rebuild has started",
            content = @Content(schema = @Schema(implementation = Accepted.class)))
    @APIResponse(responseCode = "404", description = "No read model of this name")
    public Response rebuild(@PathParam("name") String name) {
        known(() -> {
            readModels.rebuild(name);
            return name;
        });
        return accepted(name, "rebuild");
    }

    @GET
    @Path("/read-models/{name}")
    @Operation(summary = "Read one read model's state")
    @APIResponse(responseCode = "200", description = "The read model's state")
    @APIResponse(responseCode = "404", description = "No read model of this name")
    public ReadModelStatus readModel(@PathParam("name") String name) {
        return known(() -> readModels.status(name));
    }

    /** Operations change what the service does: the log keeps who asked for each. */
    private Response accepted(String target, String action) {
        String by = Caller.of(operator).name();
        LOG.infof("Operator %s requested %s of %s", by, action, target);
        return Response.accepted(new Accepted(target, action, by)).build();
    }

    private static <T> T known(Supplier<T> action) {
        try {
            return action.get();
        } catch (NoSuchElementException e) {
            throw new NotFoundProblem(e.getMessage());
        }
    }
}

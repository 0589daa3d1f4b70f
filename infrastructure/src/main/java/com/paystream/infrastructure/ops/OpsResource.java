package com.paystream.infrastructure.ops;

import com.paystream.infrastructure.problem.NotFoundProblem;
import com.paystream.infrastructure.problem.Problem;
import com.paystream.infrastructure.problem.ValidationProblem;
import com.paystream.infrastructure.readmodel.ReadModelRunner;
import com.paystream.infrastructure.readmodel.ReadModelStatus;
import com.paystream.infrastructure.security.Caller;
import com.paystream.infrastructure.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid access token", content = @Content(
        mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token lacks the role the operation needs (ops; auditor to read)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "The store is unavailable (Retry-After)", content = @Content(
        mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
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
    public record Accepted(String target, String action, String requestedBy) {
    }

    @GET
    @Path("/subscriptions")
    @Operation(summary = "This service's consumer groups",
            description = "Each consumer group with its state (caught up, behind by its lag, parked), lag, messages "
                    + "in flight and parked, and consumers, as the store reports them; in group name order.")
    @APIResponse(responseCode = "200", description = "The consumer groups",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = GroupStatus.class)))
    public List<GroupStatus> groups() {
        return subscriptions.groups();
    }

    @GET
    @Path("/subscriptions/{group}")
    @Operation(summary = "One consumer group of this service",
            description = "The group's state (caught up, behind by its lag, parked), lag, messages in flight and "
                    + "parked, and consumers, as the store reports them.")
    @APIResponse(responseCode = "200", description = "The consumer group", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GroupStatus.class)))
    @APIResponse(responseCode = "404", description = "This service runs no such consumer group", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public GroupStatus group(@PathParam("group") String group) {
        return known(() -> subscriptions.group(group));
    }

    @GET
    @Path("/subscriptions/{group}/parked")
    public List<ParkedMessage> parked(@PathParam("group") String group,
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
    public Response replay(@PathParam("group") String group) {
        known(() -> {
            subscriptions.replayParked(group);
            return group;
        });
        return accepted(group, "replay-parked");
    }

    @GET
    @Path("/read-models")
    public List<ReadModelStatus> readModels() {
        return readModels.statuses();
    }

    /** 202: the read model forgets its state and checkpoint and reads all history again (readiness DOWN until then). */
    @POST
    @Path("/read-models/{name}/rebuild")
    @RolesAllowed(Roles.OPS)
    public Response rebuild(@PathParam("name") String name) {
        known(() -> {
            readModels.rebuild(name);
            return name;
        });
        return accepted(name, "rebuild");
    }

    @GET
    @Path("/read-models/{name}")
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

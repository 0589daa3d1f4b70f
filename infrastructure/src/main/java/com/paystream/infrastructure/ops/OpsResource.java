package com.paystream.infrastructure.ops;

import com.paystream.infrastructure.problem.NotFoundProblem;
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
    public List<GroupStatus> groups() {
        return subscriptions.groups();
    }

    @GET
    @Path("/subscriptions/{group}")
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

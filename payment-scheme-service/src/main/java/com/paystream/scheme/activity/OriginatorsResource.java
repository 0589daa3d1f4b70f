package com.paystream.scheme.activity;

import com.paystream.infrastructure.problem.NotFoundProblem;
import com.paystream.infrastructure.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** Originators' activity and fraud signals, from the {@link OriginatorActivity} read model: for the bank's staff. */
@Path("/originators")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AUDITOR, Roles.OPS, Roles.SANCTIONS_OFFICER, Roles.ACCOUNT_OFFICER})
public class OriginatorsResource {
    @Inject
    OriginatorActivity activity;

    /** Every originator, the most active first; {@code ?flagged=true} for those with a signal only. */
    @GET
    public List<OriginatorActivity.Activity> list(@QueryParam("flagged") boolean flagged) {
        return activity.all(flagged);
    }

    @GET
    @Path("/{sortCode}/{accountNumber}")
    public OriginatorActivity.Activity get(@PathParam("sortCode") String sortCode,
                                           @PathParam("accountNumber") String accountNumber) {
        return activity.of(sortCode, accountNumber).orElseThrow(() -> new NotFoundProblem(
                "No payments from " + sortCode + " " + accountNumber));
    }
}

package com.paystream.scheme.activity;

import com.paystream.infrastructure.problem.NotFoundProblem;
import com.paystream.infrastructure.security.Roles;
import com.paystream.infrastructure.api.SharedResponses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Originators' activity and fraud signals, from the {@link OriginatorActivity} read model: for the bank's staff. */
@Path("/originators")
@Tag(name = "Originators", description = "Who sends the bank payments, and the fraud signals on each")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AUDITOR, Roles.OPS, Roles.SANCTIONS_OFFICER, Roles.ACCOUNT_OFFICER})
public class OriginatorsResource {
    @Inject
    OriginatorActivity activity;

    /** Every originator, the most active first; {@code ?flagged=true} for those with a signal only. */
    @GET
    @Operation(summary = "List originators", description = "Every originator that has sent the bank payments, the "
            + "most active first, with their daily totals and fraud signals. From a read model, which may trail the "
            + "latest payments briefly.")
    @APIResponse(responseCode = "200", description = "The originators, most active first")
    public List<OriginatorActivity.Activity> list(
            @Parameter(description = "true: only originators with a fraud signal")
            @QueryParam("flagged") boolean flagged) {
        return activity.all(flagged);
    }

    @GET
    @Path("/{sortCode}/{accountNumber}")
    @Operation(summary = "Read one originator's activity")
    @APIResponse(responseCode = "200", description = "The originator's payments, daily totals and signals")
    @APIResponse(responseCode = "404", description = "No payments from this sort code and account number")
    public OriginatorActivity.Activity get(@PathParam("sortCode") String sortCode,
                                           @PathParam("accountNumber") String accountNumber) {
        return activity.of(sortCode, accountNumber).orElseThrow(() -> new NotFoundProblem(
                "No payments from " + sortCode + " " + accountNumber));
    }
}

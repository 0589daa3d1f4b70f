package com.paystream.console;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * Who is signed in, for the page's header: from the identity provider's tokens (the ID token's name and subject, the
 * access token's realm roles), never a token itself.
 */
@Path("/api/me")
@Tag(name = "Signing in")
@Authenticated
public class WhoIsSignedIn {
    /** The signed-in operator: their login, full name, subject at the identity provider, and realm roles. */
    public record Operator(String username, String name, String subject, List<String> roles) {
    }

    @Inject
    SecurityIdentity identity;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Who is signed in", description = "The signed-in operator's login, name, subject at the "
            + "identity provider and realm roles, for the page's header; never a token.")
    @APIResponse(responseCode = "200", description = "The signed-in operator",
            content = @Content(schema = @Schema(implementation = Operator.class)))
    @APIResponse(responseCode = "499", description = "A call from the page with no live session: sign in again "
            + "(sign-in-required)",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    schema = @Schema(implementation = Problems.Problem.class)))
    public Response me() {
        String username = identity.getPrincipal().getName();
        String name = username;
        String subject = null;
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            subject = token.getSubject();
            username = claim(token, "preferred_username", username);
            name = claim(token, "name", username);
        }
        return Response.ok(new Operator(username, name, subject, identity.getRoles().stream().sorted().toList()))
                .header("Cache-Control", "no-store").build();
    }

    private static String claim(JsonWebToken token, String claim, String otherwise) {
        Object value = token.getClaim(claim);
        String text = value instanceof JsonString string ? string.getString() : value == null ? null : value.toString();
        return text == null || text.isBlank() ? otherwise : text;
    }
}

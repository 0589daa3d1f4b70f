package com.paystream.console;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

/**
 * Signing in and out happens on the identity provider's own pages, never on the console's: the page's "Sign in" comes
 * here, which needs a signed-in operator, so the OIDC code flow (with PKCE) takes the browser to the identity
 * provider's login page and back; once back, here sends it on to the page. "Sign out" is
 * {@code quarkus.oidc.logout.path} ({@value #SIGN_OUT}): the session cookie is removed and the browser goes to the
 * identity provider to end its session there too, then comes back to {@value #SIGNED_OUT}.
 */
@Path("/")
@Tag(name = "Signing in", description = "Operators sign in and out on the identity provider's own pages")
public class SignIn {
    /** The header the page sends with each of its calls (the browser sends it only for the console's own page). */
    static final String PAGE_HEADER = "X-Requested-With";
    static final String SIGN_OUT = "/sign-out";
    static final String SIGNED_OUT = "/signed-out";
    /** Where the identity provider's sign-out state waits for its return (set by Quarkus, for half an hour). */
    private static final String POST_LOGOUT_COOKIE = "q_post_logout";

    @GET
    @Path("sign-in")
    @Authenticated
    @Operation(summary = "Sign in", description = "Sends the browser to the identity provider's sign-in page (code "
            + "flow with PKCE) when no one is signed in here, then back to the console's page.")
    @APIResponse(responseCode = "303", description = "Signed in: on to the console's page (Location: /)")
    @APIResponse(responseCode = "302", description = "Not signed in yet: to the identity provider's sign-in page")
    public Response signIn() {
        return Response.seeOther(URI.create("/")).header("Cache-Control", "no-store").build();
    }

    /** The identity provider sends the browser back here once its session has ended: on to the page, signed out. */
    @GET
    @Path("signed-out")
    @PermitAll
    @Operation(summary = "Come back signed out", description = "Where the identity provider sends the browser once "
            + "its session has ended: on to the console's page.")
    @APIResponse(responseCode = "303", description = "On to the console's page (Location: /)")
    public Response signedOut() {
        return Response.seeOther(URI.create("/")).header("Cache-Control", "no-store")
                .cookie(new NewCookie.Builder(POST_LOGOUT_COOKIE).value("").path("/").maxAge(0).httpOnly(true).build())
                .build();
    }
}

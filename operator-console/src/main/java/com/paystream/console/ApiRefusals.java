package com.paystream.console;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The refusals smallrye-openapi adds to a signed-in-only operation, made true of the console: the 401 a bearer token
 * that is not valid gets, as the problem it is; and no 403, since the console asks for no role (the services decide,
 * and their 403 comes back as the "service's answer"). Registered as {@code mp.openapi.filter}.
 */
public class ApiRefusals implements OASFilter {
    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            return operation;
        }
        APIResponse forbidden = responses.getAPIResponse("403");
        if (forbidden != null && forbidden.getContent() == null) {
            responses.removeAPIResponse("403");
        }
        APIResponse unauthenticated = responses.getAPIResponse("401");
        if (unauthenticated != null && unauthenticated.getContent() == null) {
            responses.addAPIResponse("401", OASFactory.createAPIResponse()
                    .description("A bearer token that is not valid here")
                    .content(OASFactory.createContent().addMediaType(Problems.MEDIA_TYPE, OASFactory.createMediaType()
                            .schema(OASFactory.createSchema().ref("Problem")))));
        }
        return operation;
    }
}

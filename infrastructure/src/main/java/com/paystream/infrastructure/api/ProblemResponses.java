package com.paystream.infrastructure.api;

import com.paystream.infrastructure.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives every operation of a service's OpenAPI document the refusals it can answer, from {@link SharedResponses}: 401
 * where it needs a token, 403 where it needs a role, 400 where it takes a body, a query or a header parameter, 413 and
 * 415 where it takes a body, and 500 everywhere. Every other 4xx or 5xx an operation declares gets the problem+json
 * body. Registered as {@code mp.openapi.filter} in the shared configuration.
 */
public class ProblemResponses implements OASFilter {
    private static final String RESPONSES = "#/components/responses/";
    /** What smallrye-openapi writes for the refusals it adds itself, with no body. */
    private static final Set<String> GENERATED = Set.of("Not Authorized", "Not Allowed", "Bad Request");

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        if (api.getComponents() == null) {
            api.setComponents(OASFactory.createComponents());
        }
        SharedResponses.describe(api.getComponents());
        api.getPaths().getPathItems().values().forEach(path -> path.getOperations().values()
                .forEach(operation -> refusals(operation, path.getParameters())));
    }

    private static void refusals(Operation operation, List<Parameter> shared) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        List<SecurityRequirement> security = operation.getSecurity();
        if (security != null && !security.isEmpty()) {
            shared(responses, "401", SharedResponses.UNAUTHENTICATED);
            if (security.stream().anyMatch(ProblemResponses::namesRoles)) {
                shared(responses, "403", SharedResponses.FORBIDDEN);
            } else {
                responses.removeAPIResponse("403");
            }
        }
        boolean body = operation.getRequestBody() != null;
        if (body || takesParameters(operation.getParameters()) || takesParameters(shared)) {
            shared(responses, "400", SharedResponses.BAD_REQUEST);
        }
        if (body) {
            shared(responses, "413", SharedResponses.BODY_TOO_LARGE);
            shared(responses, "415", SharedResponses.UNSUPPORTED_MEDIA_TYPE);
        }
        shared(responses, "500", SharedResponses.INTERNAL_ERROR);
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                asProblem(response);
            }
        });
    }

    private static boolean namesRoles(SecurityRequirement requirement) {
        Map<String, List<String>> schemes = requirement.getSchemes();
        return schemes != null && schemes.values().stream().anyMatch(roles -> roles != null && !roles.isEmpty());
    }

    private static boolean takesParameters(List<Parameter> parameters) {
        return parameters != null && parameters.stream().anyMatch(parameter -> parameter.getIn() == Parameter.In.QUERY
                || parameter.getIn() == Parameter.In.HEADER);
    }

    /** The shared response, unless the operation describes this status in its own words. */
    private static void shared(APIResponses responses, String status, String name) {
        APIResponse own = responses.getAPIResponse(status);
        if (own == null || own.getRef() == null && own.getContent() == null
                && GENERATED.contains(own.getDescription())) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().ref(RESPONSES + name));
        }
    }

    private static void asProblem(APIResponse response) {
        if (response.getRef() != null || response.getContent() != null) {
            return;
        }
        response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, problemBody()));
    }

    /** A problem+json body: the {@link Problem} schema (described by its annotations). */
    static MediaType problemBody() {
        return OASFactory.createMediaType().schema(OASFactory.createSchema().ref(Problem.class.getSimpleName()));
    }
}

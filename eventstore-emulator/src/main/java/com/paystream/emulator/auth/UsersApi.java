package com.paystream.emulator.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.paystream.emulator.grpc.HttpApi;

import java.io.IOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * User management as EventStoreDB's HTTP API offers it, enough for a deployment script or a seeder: create
 * ({@code POST /users/}), read ({@code GET /users/}, {@code GET /users/{login}}), update ({@code PUT /users/{login}}),
 * delete, and the commands {@code enable}, {@code disable} and {@code reset-password}
 * ({@code POST /users/{login}/command/...}). Everything but reading oneself is for {@code $admins}; a caller without
 * valid credentials gets 401, one without the right 403.
 */
public final class UsersApi implements HttpApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Users users;

    public UsersApi(Users users) {
        this.users = users;
    }

    @Override
    public Response handle(Request request) {
        String path = request.path();
        if (!path.equals("/users") && !path.startsWith("/users/")) {
            return null;
        }
        String header = request.headers().get("authorization");
        Optional<Principal> caller = header == null ? Optional.empty() : Authentication.basic(header, users);
        if (caller.isEmpty()) {
            return new Response(401, "Unauthorized", Map.of("WWW-Authenticate", "Basic realm=\"ES\""), null,
                    new byte[0]);
        }
        String[] parts = path.replaceAll("^/users/?", "").split("/");
        String login = parts[0];
        boolean admin = caller.get().isAdmin();
        try {
            if (login.isEmpty()) {
                return switch (request.method()) {
                    case "GET" -> admin ? list() : forbidden();
                    case "POST" -> admin ? create(request) : forbidden();
                    default -> methodNotAllowed();
                };
            }
            if (parts.length == 1) {
                return switch (request.method()) {
                    case "GET" -> admin || login.equals(caller.get().login()) ? read(login) : forbidden();
                    case "PUT" -> admin ? update(login, request) : forbidden();
                    case "DELETE" -> admin ? done(users.delete(login), login) : forbidden();
                    default -> methodNotAllowed();
                };
            }
            if (parts.length == 3 && parts[1].equals("command") && request.method().equals("POST")) {
                if (!admin) {
                    return forbidden();
                }
                return switch (parts[2]) {
                    case "enable" -> done(users.setDisabled(login, false), login);
                    case "disable" -> done(users.setDisabled(login, true), login);
                    case "reset-password" -> resetPassword(login, request);
                    default -> Response.empty(404, "Not Found");
                };
            }
            return Response.empty(404, "Not Found");
        } catch (IOException | IllegalArgumentException e) {
            return Response.json(400, "Bad Request", "{\"error\":" + quoted(e.getMessage()) + "}");
        }
    }

    private Response create(Request request) throws IOException {
        JsonNode body = body(request);
        String login = text(body, "loginName");
        String password = text(body, "password");
        if (!login.matches("[A-Za-z0-9._@-]{1,64}")) {
            throw new IllegalArgumentException("loginName: 1 to 64 letters, digits or . _ @ -");
        }
        if (!users.create(login, body.path("fullName").asText(login), groups(body), password)) {
            return Response.json(409, "Conflict", "{\"loginName\":" + quoted(login) + ",\"success\":false,"
                    + "\"error\":\"Conflict\"}");
        }
        Response created = succeeded(login);
        return new Response(201, "Created", Map.of("Location", "/users/" + login), created.contentType(),
                created.body());
    }

    private Response update(String login, Request request) throws IOException {
        JsonNode body = body(request);
        Optional<Users.UserView> known = users.find(login);
        if (known.isEmpty()) {
            return Response.empty(404, "Not Found");
        }
        return done(users.update(login, body.path("fullName").asText(known.get().fullName()),
                body.has("groups") ? groups(body) : known.get().groups()), login);
    }

    private Response resetPassword(String login, Request request) throws IOException {
        return done(users.resetPassword(login, text(body(request), "newPassword")), login);
    }

    private Response read(String login) throws IOException {
        Optional<Users.UserView> user = users.find(login);
        if (user.isEmpty()) {
            return Response.empty(404, "Not Found");
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.set("data", view(user.get()));
        return Response.json(200, "OK", JSON.writeValueAsString(answer));
    }

    private Response list() throws IOException {
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode data = answer.putArray("data");
        users.all().forEach(user -> data.add(view(user)));
        return Response.json(200, "OK", JSON.writeValueAsString(answer));
    }

    private static ObjectNode view(Users.UserView user) {
        ObjectNode node = JSON.createObjectNode().put("loginName", user.loginName())
                .put("fullName", user.fullName()).put("disabled", user.disabled());
        user.groups().forEach(node.putArray("groups")::add);
        return node;
    }

    private static Response done(boolean found, String login) {
        return found ? succeeded(login) : Response.empty(404, "Not Found");
    }

    private static Response succeeded(String login) {
        return Response.json(200, "OK", "{\"loginName\":" + quoted(login) + ",\"success\":true}");
    }

    private static JsonNode body(Request request) throws IOException {
        JsonNode body = JSON.readTree(request.body());
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("the body is a JSON object");
        }
        return body;
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value.asText();
    }

    private static Set<String> groups(JsonNode body) {
        Set<String> groups = new HashSet<>();
        body.path("groups").forEach(group -> groups.add(group.asText()));
        return groups;
    }

    private static Response forbidden() {
        return Response.empty(403, "Forbidden");
    }

    private static Response methodNotAllowed() {
        return Response.empty(405, "Method Not Allowed");
    }

    private static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

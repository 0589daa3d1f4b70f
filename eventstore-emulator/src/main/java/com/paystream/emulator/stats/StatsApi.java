package com.paystream.emulator.stats;

import com.paystream.emulator.auth.OpsAndAdminsOnly;
import com.paystream.emulator.grpc.HttpApi;

/**
 * {@code GET /stats/messages} (the {@link MessageCounter}'s counts as JSON) and {@code POST /stats/messages/reset}.
 * On a secure node only {@code $admins} and {@code $ops} may: 401 without valid credentials, 403 without the right,
 * as for {@code /users}.
 */
public final class StatsApi implements HttpApi {
    private static final String PATH = "/stats/messages";

    private final MessageCounter counter;
    private final OpsAndAdminsOnly access;

    public StatsApi(MessageCounter counter, OpsAndAdminsOnly access) {
        this.counter = counter;
        this.access = access;
    }

    @Override
    public Response handle(Request request) {
        String path = request.path();
        if (!path.equals(PATH) && !path.equals(PATH + "/reset")) {
            return null;
        }
        Response refusal = access.refusal(request);
        if (refusal != null) {
            return refusal;
        }
        if (path.equals(PATH)) {
            return request.method().equals("GET") ? Response.json(200, "OK", counter.toJson())
                    : Response.empty(405, "Method Not Allowed");
        }
        if (!request.method().equals("POST")) {
            return Response.empty(405, "Method Not Allowed");
        }
        counter.reset();
        return Response.json(200, "OK", counter.toJson());
    }
}

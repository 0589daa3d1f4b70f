package com.paystream.emulator.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.paystream.emulator.auth.OpsAndAdminsOnly;
import com.paystream.emulator.grpc.HttpApi;
import com.paystream.emulator.grpc.Wire;
import io.kurrent.dbclient.proto.gossip.GossipOuterClass.MemberInfo;

/**
 * One node's cluster endpoints on the HTTP API, as the real server names them: {@code GET /gossip} (the members as
 * JSON, for anyone) and {@code POST /admin/node/resign} (the node, if it leads, resigns and the next node leads; for
 * {@code $ops} and {@code $admins} on a secure node, answered 200 whether or not the node led, as the real server
 * does).
 */
public final class ClusterApi implements HttpApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Cluster cluster;
    private final Cluster.Node node;
    private final OpsAndAdminsOnly access;

    public ClusterApi(Cluster cluster, Cluster.Node node, OpsAndAdminsOnly access) {
        this.cluster = cluster;
        this.node = node;
        this.access = access;
    }

    @Override
    public Response handle(Request request) {
        return switch (request.path()) {
            case "/gossip" -> request.method().equals("GET") ? Response.json(200, "OK", gossip())
                    : Response.empty(405, "Method Not Allowed");
            case "/admin/node/resign" -> resign(request);
            default -> null;
        };
    }

    private Response resign(Request request) {
        if (!request.method().equals("POST")) {
            return Response.empty(405, "Method Not Allowed");
        }
        Response refusal = access.refusal(request);
        if (refusal != null) {
            return refusal;
        }
        cluster.resign(node);
        return Response.empty(200, "OK");
    }

    private String gossip() {
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode members = answer.putArray("members");
        for (MemberInfo member : cluster.gossip().getMembersList()) {
            members.addObject()
                    .put("instanceId", Wire.uuid(member.getInstanceId()).toString())
                    .put("timeStamp", member.getTimeStamp())
                    .put("state", member.getState().name())
                    .put("isAlive", member.getIsAlive())
                    .put("httpEndPointIp", member.getHttpEndPoint().getAddress())
                    .put("httpEndPointPort", member.getHttpEndPoint().getPort());
        }
        answer.put("serverPort", node.port());
        return answer.toString();
    }
}

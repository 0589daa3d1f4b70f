package com.paystream.emulator.grpc;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Plain HTTP/1.1 requests on the gRPC port besides the health probe (e.g. user management), one per connection. */
public interface HttpApi {
    /** Header names are lower case. */
    record Request(String method, String path, Map<String, String> headers, byte[] body) {
    }

    record Response(int status, String reason, Map<String, String> headers, String contentType, byte[] body) {
        public static Response json(int status, String reason, String json) {
            return new Response(status, reason, Map.of(), "application/json", json.getBytes(StandardCharsets.UTF_8));
        }

        public static Response empty(int status, String reason) {
            return new Response(status, reason, Map.of(), null, new byte[0]);
        }
    }

    /** The answer, or null when this API has nothing at that path (404). */
    Response handle(Request request);

    /** The APIs in turn: the first answer wins. */
    static HttpApi of(java.util.List<HttpApi> apis) {
        java.util.List<HttpApi> all = java.util.List.copyOf(apis);
        return request -> {
            for (HttpApi api : all) {
                Response answer = api.handle(request);
                if (answer != null) {
                    return answer;
                }
            }
            return null;
        };
    }
}

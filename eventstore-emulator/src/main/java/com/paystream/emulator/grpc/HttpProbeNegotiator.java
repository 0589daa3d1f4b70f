package com.paystream.emulator.grpc;

import io.grpc.netty.shaded.io.grpc.netty.GrpcHttp2ConnectionHandler;
import io.grpc.netty.shaded.io.grpc.netty.InternalProtocolNegotiator;
import io.grpc.netty.shaded.io.grpc.netty.InternalProtocolNegotiators;
import io.grpc.netty.shaded.io.netty.buffer.ByteBuf;
import io.grpc.netty.shaded.io.netty.buffer.Unpooled;
import io.grpc.netty.shaded.io.netty.channel.ChannelDuplexHandler;
import io.grpc.netty.shaded.io.netty.channel.ChannelHandler;
import io.grpc.netty.shaded.io.netty.channel.ChannelHandlerContext;
import io.grpc.netty.shaded.io.netty.channel.ChannelPromise;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.util.AsciiString;
import io.grpc.netty.shaded.io.netty.util.ReferenceCountUtil;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;

/**
 * Serves HTTP/1.1 probes ({@code GET /health/live} → 204) on the gRPC port, as EventStoreDB does, so container
 * health checks work, and hands other HTTP/1.1 requests to an {@link HttpApi} (user management on a secure
 * emulator). Each connection is sniffed: the HTTP/2 preface ({@code PRI * HTTP/2.0}) goes on to gRPC untouched;
 * anything else is read as one HTTP/1.1 request (with its body, up to 1 MiB), answered and closed. Until the
 * decision, what gRPC wants to write (its SETTINGS frame) is held back, so an HTTP/1.1 client never sees HTTP/2 bytes.
 *
 * <p>With a TLS context it serves the same over TLS only: the handshake comes first ({@link TlsHandshake}), then the
 * same sniffing of the decrypted bytes; a client speaking plain text is disconnected.
 */
public final class HttpProbeNegotiator implements InternalProtocolNegotiator.ProtocolNegotiator {
    private static final AsciiString HTTPS = AsciiString.of("https");

    private final InternalProtocolNegotiator.ProtocolNegotiator plaintext = InternalProtocolNegotiators.serverPlaintext();
    private final HttpApi api;
    private final SslContext tls;

    /**
     * The health probe, and {@code api} (when not null) for every other HTTP/1.1 request; over TLS only with
     * {@code tls} (from {@link TlsHandshake#serverContext}), in plain text when it is null.
     */
    public HttpProbeNegotiator(HttpApi api, SslContext tls) {
        this.api = api;
        this.tls = tls;
    }

    @Override
    public AsciiString scheme() {
        return tls == null ? plaintext.scheme() : HTTPS;
    }

    @Override
    public ChannelHandler newHandler(GrpcHttp2ConnectionHandler grpcHandler) {
        if (tls == null) {
            return new Sniffer(plaintext.newHandler(grpcHandler), api);
        }
        Sniffer sniffer = new Sniffer(InternalProtocolNegotiators.grpcNegotiationHandler(grpcHandler), api);
        return InternalProtocolNegotiators.waitUntilActiveHandler(new TlsHandshake(tls, sniffer),
                grpcHandler.getNegotiationLogger());
    }

    @Override
    public void close() {
        plaintext.close();
    }

    private static final class Sniffer extends ChannelDuplexHandler {
        private static final byte[] PREFACE = "PRI ".getBytes(StandardCharsets.US_ASCII);
        private static final int MAX_REQUEST_HEAD = 8192;
        private static final int MAX_REQUEST_BODY = 1024 * 1024;

        private final ChannelHandler next;
        private final HttpApi api;
        private final Queue<Object[]> heldWrites = new ArrayDeque<>();
        private ByteBuf received;
        private boolean http1;

        Sniffer(ChannelHandler next, HttpApi api) {
            this.next = next;
            this.api = api;
        }

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            ctx.pipeline().addAfter(ctx.name(), null, next);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (http1) {
                // gRPC's bytes (e.g. the GOAWAY it writes when the channel closes) never reach an HTTP/1.1 client
                ReferenceCountUtil.release(msg);
                promise.trySuccess();
                return;
            }
            heldWrites.add(new Object[]{msg, promise});
        }

        @Override
        public void flush(ChannelHandlerContext ctx) {
            // held until the protocol is known
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (!(msg instanceof ByteBuf buf)) {
                ctx.fireChannelRead(msg);
                return;
            }
            if (received == null) {
                received = ctx.alloc().buffer();
            }
            received.writeBytes(buf);
            buf.release();
            if (http1) {
                answerWhenComplete(ctx);
                return;
            }
            if (received.readableBytes() < PREFACE.length) {
                return;
            }
            boolean grpc = true;
            for (int i = 0; i < PREFACE.length; i++) {
                grpc &= received.getByte(i) == PREFACE[i];
            }
            if (grpc) {
                ByteBuf bytes = received;
                received = null;
                ctx.pipeline().remove(this);
                for (Object[] write; (write = heldWrites.poll()) != null; ) {
                    ctx.write(write[0], (ChannelPromise) write[1]);
                }
                ctx.flush();
                ctx.fireChannelRead(bytes);
            } else {
                http1 = true;
                for (Object[] write; (write = heldWrites.poll()) != null; ) {
                    ReferenceCountUtil.release(write[0]);
                    ((ChannelPromise) write[1]).trySuccess();
                }
                answerWhenComplete(ctx);
            }
        }

        private void answerWhenComplete(ChannelHandlerContext ctx) {
            String head = received.toString(StandardCharsets.ISO_8859_1);
            int end = head.indexOf("\r\n\r\n");
            int separator = 4;
            if (end < 0) {
                end = head.indexOf("\n\n");
                separator = 2;
            }
            if (end < 0) {
                if (received.readableBytes() > MAX_REQUEST_HEAD) {
                    respond(ctx, HttpApi.Response.empty(431, "Request Header Fields Too Large"));
                }
                return;
            }
            String[] lines = head.substring(0, end).split("\r?\n");
            String[] requestLine = lines[0].trim().split(" ");
            String method = requestLine[0];
            String path = requestLine.length > 1 ? requestLine[1] : "";
            int query = path.indexOf('?');
            if (query >= 0) {
                path = path.substring(0, query);
            }
            Map<String, String> headers = new HashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            lines[i].substring(colon + 1).trim());
                }
            }
            int length;
            try {
                length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            } catch (NumberFormatException e) {
                respond(ctx, HttpApi.Response.empty(400, "Bad Request"));
                return;
            }
            if (length < 0 || length > MAX_REQUEST_BODY) {
                respond(ctx, HttpApi.Response.empty(413, "Payload Too Large"));
                return;
            }
            int bodyStart = end + separator;
            if (received.readableBytes() < bodyStart + length) {
                return; // the body is still coming
            }
            byte[] body = new byte[length];
            received.getBytes(bodyStart, body);
            if ((method.equals("GET") || method.equals("HEAD")) && path.equals("/health/live")) {
                respond(ctx, HttpApi.Response.empty(204, "No Content"));
                return;
            }
            HttpApi.Response answer = api == null ? null
                    : api.handle(new HttpApi.Request(method, path, Map.copyOf(headers), body));
            if (answer != null) {
                respond(ctx, answer);
            } else if (!method.equals("GET") && !method.equals("HEAD")) {
                respond(ctx, HttpApi.Response.empty(405, "Method Not Allowed"));
            } else {
                respond(ctx, HttpApi.Response.empty(404, "Not Found"));
            }
        }

        private void respond(ChannelHandlerContext ctx, HttpApi.Response answer) {
            received.release();
            received = null;
            StringBuilder response = new StringBuilder("HTTP/1.1 ").append(answer.status()).append(' ')
                    .append(answer.reason()).append("\r\n");
            answer.headers().forEach((name, value) -> response.append(name).append(": ").append(value)
                    .append("\r\n"));
            if (answer.contentType() != null) {
                response.append("Content-Type: ").append(answer.contentType()).append("\r\n");
            }
            response.append("Content-Length: ").append(answer.body().length).append("\r\nConnection: close\r\n\r\n");
            ByteBuf bytes = Unpooled.buffer();
            bytes.writeBytes(response.toString().getBytes(StandardCharsets.ISO_8859_1));
            bytes.writeBytes(answer.body());
            // Close from this handler towards the socket: a close from the tail would pass through the HTTP/2 handler,
            // which first writes a GOAWAY and waits for it, and the connection would never close.
            ctx.writeAndFlush(bytes).addListener(written -> ctx.close());
        }


        @Override
        public void handlerRemoved(ChannelHandlerContext ctx) {
            if (http1) {
                for (Object[] write; (write = heldWrites.poll()) != null; ) {
                    ReferenceCountUtil.release(write[0]);
                }
            }
            if (received != null) {
                received.release();
                received = null;
            }
        }
    }
}

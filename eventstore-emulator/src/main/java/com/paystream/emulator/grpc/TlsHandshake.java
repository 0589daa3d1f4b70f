package com.paystream.emulator.grpc;

import com.paystream.emulator.tls.NodeCertificate;
import io.grpc.Grpc;
import io.grpc.InternalChannelz;
import io.grpc.SecurityLevel;
import io.grpc.internal.GrpcAttributes;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.InternalProtocolNegotiationEvent;
import io.grpc.netty.shaded.io.grpc.netty.ProtocolNegotiationEvent;
import io.grpc.netty.shaded.io.netty.channel.ChannelHandler;
import io.grpc.netty.shaded.io.netty.channel.ChannelHandlerContext;
import io.grpc.netty.shaded.io.netty.channel.ChannelInboundHandlerAdapter;
import io.grpc.netty.shaded.io.netty.handler.ssl.ApplicationProtocolConfig;
import io.grpc.netty.shaded.io.netty.handler.ssl.ApplicationProtocolNames;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslHandler;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslHandshakeCompletionEvent;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;

/**
 * The TLS side of the port: puts TLS in front of the connection and, once the handshake is done, hands the decrypted
 * connection to {@code next} (which tells gRPC from HTTP/1.1 by its first bytes), passing gRPC the TLS session as its
 * own TLS negotiator does. A client that does not complete a handshake (one speaking plain text, one that does not
 * trust the certificate) is disconnected.
 */
public final class TlsHandshake extends ChannelInboundHandlerAdapter {
    private final SslContext context;
    private final ChannelHandler next;
    private ProtocolNegotiationEvent negotiation = InternalProtocolNegotiationEvent.getDefault();

    TlsHandshake(SslContext context, ChannelHandler next) {
        this.context = context;
        this.next = next;
    }

    /**
     * A server context for {@code certificate} with gRPC's HTTP/2 cipher suites. In ALPN the server prefers HTTP/1.1
     * to h2, so a client that offers both (curl, browsers, Java's HTTP client) reaches the HTTP API over HTTP/1.1,
     * while gRPC clients, which offer only h2, get h2; a client that negotiates nothing is told apart by its bytes.
     */
    public static SslContext serverContext(NodeCertificate certificate) {
        try {
            return GrpcSslContexts.configure(SslContextBuilder.forServer(certificate.key(), certificate.chain()))
                    .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                            ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                            ApplicationProtocolNames.HTTP_1_1, ApplicationProtocolNames.HTTP_2))
                    .build();
        } catch (SSLException e) {
            throw new IllegalArgumentException("cannot serve TLS with the certificate "
                    + certificate.certificate().getSubjectX500Principal().getName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        ctx.pipeline().addBefore(ctx.name(), null, new SslHandler(context.newEngine(ctx.alloc()), false));
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof ProtocolNegotiationEvent arrived) {
            negotiation = arrived; // held until the handshake is done
        } else if (event instanceof SslHandshakeCompletionEvent handshake) {
            if (!handshake.isSuccess()) {
                ctx.fireExceptionCaught(handshake.cause());
                return;
            }
            SSLSession session = ctx.pipeline().get(SslHandler.class).engine().getSession();
            ctx.pipeline().replace(this, null, next);
            ProtocolNegotiationEvent secured = InternalProtocolNegotiationEvent.withAttributes(negotiation,
                    InternalProtocolNegotiationEvent.getAttributes(negotiation).toBuilder()
                            .set(GrpcAttributes.ATTR_SECURITY_LEVEL, SecurityLevel.PRIVACY_AND_INTEGRITY)
                            .set(Grpc.TRANSPORT_ATTR_SSL_SESSION, session)
                            .build());
            ctx.fireUserEventTriggered(InternalProtocolNegotiationEvent.withSecurity(secured,
                    new InternalChannelz.Security(new InternalChannelz.Tls(session))));
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }
}

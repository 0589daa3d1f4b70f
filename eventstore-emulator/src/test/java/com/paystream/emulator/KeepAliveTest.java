package com.paystream.emulator;

import io.grpc.netty.shaded.io.netty.bootstrap.Bootstrap;
import io.grpc.netty.shaded.io.netty.channel.Channel;
import io.grpc.netty.shaded.io.netty.channel.ChannelHandlerContext;
import io.grpc.netty.shaded.io.netty.channel.ChannelInitializer;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.SimpleChannelInboundHandler;
import io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.socket.SocketChannel;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioSocketChannel;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.DefaultHttp2PingFrame;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2Frame;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2GoAwayFrame;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2PingFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The official client pings every 10 s (grpc-java will not ping more often than that). A grpc-java server permits
 * one ping every 5 minutes by default and answers the third early ping with GOAWAY {@code too_many_pings}, which
 * kills long idle subscriptions. This drives the HTTP/2 connection directly: three pings 5.2 s apart, faster than
 * the client ever pings, must all be answered with no GOAWAY.
 */
class KeepAliveTest {
    @RegisterExtension
    static final EmulatorExtension emulator = new EmulatorExtension();

    @Test
    void pingsMoreFrequentThanTheClientsKeepAliveNeverEarnAGoAway() throws Exception {
        AtomicInteger acks = new AtomicInteger();
        AtomicReference<String> goAway = new AtomicReference<>();
        EventLoopGroup group = new NioEventLoopGroup(1);
        try {
            Channel channel = new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(Http2FrameCodecBuilder.forClient().build(),
                                    new SimpleChannelInboundHandler<Http2Frame>() {
                                        @Override
                                        protected void channelRead0(ChannelHandlerContext ctx, Http2Frame frame) {
                                            if (frame instanceof Http2PingFrame ping && ping.ack()) {
                                                acks.incrementAndGet();
                                            } else if (frame instanceof Http2GoAwayFrame away) {
                                                goAway.set(away.errorCode() + " "
                                                        + away.content().toString(StandardCharsets.UTF_8));
                                            }
                                        }
                                    });
                        }
                    })
                    .connect("127.0.0.1", emulator.emulator().port()).sync().channel();
            for (int ping = 1; ping <= 3; ping++) {
                Thread.sleep(5_200);
                channel.writeAndFlush(new DefaultHttp2PingFrame(ping)).sync();
                int expected = ping;
                await().atMost(Duration.ofSeconds(2)).until(() -> acks.get() == expected || goAway.get() != null);
            }
            Thread.sleep(200);

            assertThat(goAway.get()).as("GOAWAY from the server").isNull();
            assertThat(channel.isActive()).isTrue();
            assertThat(acks.get()).isEqualTo(3);
            channel.close().sync();
        } finally {
            group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS);
        }
    }
}

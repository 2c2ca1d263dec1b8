package dev.perfgate.load;

import dev.perfgate.measure.ErrorKind;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * One keep-alive connection slot of an event loop: the current channel (replaced on reconnect) and the one
 * request outstanding on it (no pipelining). Every method runs on the slot's event loop.
 */
final class Connection {
    private final LoopWorker worker;

    /** The open channel, or null while (re)connecting. Events of any other channel are stale and ignored. */
    Channel channel;
    boolean connecting;
    long backoffNanos;
    boolean firstAttemptDone;

    // The outstanding request
    boolean busy;
    long request;
    int spec;
    long intended;
    long sendTime;
    Map<String, String> row;
    private boolean head;
    private boolean needsBody;
    private int status;
    private boolean keepAlive;
    private boolean informational;
    private byte[] body = new byte[0];
    private int bodyLength;

    Connection(LoopWorker worker) {
        this.worker = worker;
    }

    void start(long request, int spec, long intended, long sendTime, Map<String, String> row, boolean head,
            boolean needsBody) {
        this.busy = true;
        this.request = request;
        this.spec = spec;
        this.intended = intended;
        this.sendTime = sendTime;
        this.row = row;
        this.head = head;
        this.needsBody = needsBody;
        this.status = 0;
        this.keepAlive = true;
        this.informational = false;
        this.bodyLength = 0;
    }

    /** The request failed (timeout, broken connection): record it, drop this channel and reconnect. */
    void fail(ErrorKind kind, long now) {
        if (busy) {
            busy = false;
            worker.record(spec, intended, sendTime, now, kind);
        }
        closeAndReconnect();
    }

    void closeAndReconnect() {
        Channel ch = channel;
        channel = null;
        if (ch != null) {
            ch.close();
        }
        worker.connectionLost(this);
    }

    void closeQuietly() {
        Channel ch = channel;
        channel = null;
        if (ch != null) {
            ch.close();
        }
        body = new byte[0];
    }

    private void complete() {
        long now = System.nanoTime();
        busy = false;
        ErrorKind error = null;
        if (!worker.trial.specs.get(spec).acceptsStatus(status)) {
            error = ErrorKind.STATUS;
        } else if (needsBody) {
            String text = new String(body, 0, bodyLength, StandardCharsets.UTF_8);
            if (!worker.trial.checks[spec].passes(text, row, worker.patterns)) {
                error = ErrorKind.CHECK;
            }
        }
        bodyLength = 0;
        row = null;
        worker.record(spec, intended, sendTime, now, error);
        if (keepAlive) {
            worker.connectionFree(this);
        } else {
            closeAndReconnect();
        }
    }

    private void appendBody(ByteBuf content) {
        int n = content.readableBytes();
        if (bodyLength + n > body.length) {
            body = Arrays.copyOf(body, Math.max(bodyLength + n, Math.max(1024, body.length * 2)));
        }
        content.getBytes(content.readerIndex(), body, bodyLength, n);
        bodyLength += n;
    }

    /** A decoder that knows a HEAD answer has no body whatever its Content-Length says. */
    final class Decoder extends HttpResponseDecoder {
        Decoder(HttpDecoderConfig config) {
            super(config);
        }

        @Override
        protected boolean isContentAlwaysEmpty(HttpMessage msg) {
            return head || super.isContentAlwaysEmpty(msg);
        }
    }

    /** Receives the decoded answer of one channel of this slot. */
    final class Handler extends ChannelInboundHandlerAdapter {
        private final Channel ch;

        Handler(Channel ch) {
            this.ch = ch;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                if (ch != channel || !busy) {
                    return; // stale channel, or an answer nobody asked for
                }
                if (msg instanceof HttpObject o && o.decoderResult().isFailure()) {
                    fail(ErrorKind.IO, System.nanoTime());
                    return;
                }
                if (msg instanceof HttpResponse response) {
                    int code = response.status().code();
                    if (code >= 100 && code < 200 && code != 101) {
                        informational = true; // e.g. 100 Continue: the real answer follows
                    } else {
                        status = code;
                        keepAlive = HttpUtil.isKeepAlive(response);
                    }
                }
                if (msg instanceof HttpContent content) {
                    if (informational) {
                        if (msg instanceof LastHttpContent) {
                            informational = false;
                        }
                        return;
                    }
                    if (needsBody && content.content().isReadable()) {
                        appendBody(content.content());
                    }
                    if (msg instanceof LastHttpContent) {
                        complete();
                    }
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (ch == channel) {
                channel = null;
                if (busy) {
                    busy = false;
                    worker.record(spec, intended, sendTime, System.nanoTime(), ErrorKind.IO);
                }
                worker.connectionLost(Connection.this);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (ch == channel) {
                fail(ErrorKind.IO, System.nanoTime());
            } else {
                ctx.close();
            }
        }
    }
}

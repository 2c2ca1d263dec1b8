package dev.perfgate.load;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HTTP/1.1 bytes of one request spec. A spec without placeholders is encoded once into a direct buffer and
 * every request writes a retained duplicate of it (no encoding, no copy); a spec with placeholders is rendered
 * with the feeder row of each request.
 *
 * <p>Header values may be secrets: nothing here ever puts them in a message.
 */
final class EncodedRequest {
    private static final byte[] CRLF = {'\r', '\n'};

    private final String method;
    private final boolean head;
    private final TextTemplate target;
    private final String hostHeader;
    private final List<String> headerNames = new ArrayList<>();
    private final List<TextTemplate> headerValues = new ArrayList<>();
    private final TextTemplate body;
    private final boolean sendEmptyLength;
    /** The whole request when it has no placeholders, else null. Owned by this object: see {@link #release}. */
    private final ByteBuf constant;

    /**
     * @param spec       the request
     * @param basePath   path of the base URL without trailing slash ("" for none), put before the spec's path
     * @param hostHeader value of the Host header
     * @param columns    the feeder's columns, or null without a feeder
     */
    EncodedRequest(RequestSpec spec, String basePath, String hostHeader, Collection<String> columns) {
        this.method = spec.method().trim().toUpperCase(Locale.ROOT);
        if (!spec.path().startsWith("/")) {
            throw new IllegalArgumentException("request '" + spec.name() + "': the path must start with /, not "
                    + spec.path());
        }
        this.head = "HEAD".equals(method);
        this.target = TextTemplate.parse(basePath + spec.path());
        this.hostHeader = hostHeader;
        String where = "request '" + spec.name() + "'";
        target.requireColumns(columns, where + " path");
        boolean hasHost = false;
        for (Map.Entry<String, String> header : new java.util.TreeMap<>(spec.headers()).entrySet()) {
            String name = header.getKey().trim();
            if (name.equalsIgnoreCase("content-length") || name.equalsIgnoreCase("connection")) {
                continue; // the engine sets these itself; a wrong value would break the connection
            }
            hasHost |= name.equalsIgnoreCase("host");
            TextTemplate value = TextTemplate.parse(header.getValue());
            value.requireColumns(columns, where + " header " + name);
            headerNames.add(name);
            headerValues.add(value);
        }
        if (hasHost) {
            throw new IllegalArgumentException(where + " sets a Host header: the engine sets it from the base URL");
        }
        this.body = spec.body() == null ? null : TextTemplate.parse(spec.body());
        if (body != null) {
            body.requireColumns(columns, where + " body");
        }
        this.sendEmptyLength = body == null
                && (method.equals("POST") || method.equals("PUT") || method.equals("PATCH"));
        boolean constantRequest = target.isConstant() && (body == null || body.isConstant())
                && headerValues.stream().allMatch(TextTemplate::isConstant);
        if (constantRequest) {
            byte[] bytes = bytes(Map.of());
            this.constant = Unpooled.directBuffer(bytes.length).writeBytes(bytes);
        } else {
            this.constant = null;
        }
    }

    boolean isHead() {
        return head;
    }

    boolean isConstant() {
        return constant != null;
    }

    /** The bytes of a request with this feeder row, as a buffer the caller writes (and so releases). */
    ByteBuf encode(ByteBufAllocator alloc, Map<String, String> row) {
        if (constant != null) {
            return constant.retainedDuplicate();
        }
        byte[] bytes = bytes(row);
        return alloc.directBuffer(bytes.length).writeBytes(bytes);
    }

    /** The full request as bytes (for tests and the constant buffer). */
    byte[] bytes(Map<String, String> row) {
        byte[] bodyBytes = body == null ? null : body.render(row).getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(128);
        sb.append(method).append(' ');
        target.appendTo(sb, row);
        sb.append(" HTTP/1.1\r\nHost: ").append(hostHeader).append("\r\n");
        for (int k = 0; k < headerNames.size(); k++) {
            sb.append(headerNames.get(k)).append(": ");
            headerValues.get(k).appendTo(sb, row);
            sb.append("\r\n");
        }
        if (bodyBytes != null) {
            sb.append("Content-Length: ").append(bodyBytes.length).append("\r\n");
        } else if (sendEmptyLength) {
            sb.append("Content-Length: 0\r\n");
        }
        sb.append("Connection: keep-alive\r\n\r\n");
        byte[] headBytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        if (bodyBytes == null || bodyBytes.length == 0) {
            return headBytes;
        }
        byte[] all = new byte[headBytes.length + bodyBytes.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(bodyBytes, 0, all, headBytes.length, bodyBytes.length);
        return all;
    }

    void release() {
        if (constant != null && constant.refCnt() > 0) {
            constant.release();
        }
    }
}

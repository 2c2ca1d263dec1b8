package dev.perfgate.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EncodedRequestTest {

    @Test
    void constantRequestIsEncodedOnceAndShared() {
        RequestSpec spec = new RequestSpec("GET /search", "get", "/search?q=x", Map.of("Accept", "text/plain"), null,
                1, List.of(), List.of(), List.of());
        EncodedRequest r = new EncodedRequest(spec, "/api", "127.0.0.1:8080", null);
        assertThat(r.isConstant()).isTrue();
        ByteBuf a = r.encode(ByteBufAllocator.DEFAULT, null);
        ByteBuf b = r.encode(ByteBufAllocator.DEFAULT, null);
        String text = a.toString(StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("GET /api/search?q=x HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: text/plain\r\n"
                + "Connection: keep-alive\r\n\r\n");
        assertThat(b.toString(StandardCharsets.UTF_8)).isEqualTo(text);
        a.release();
        b.release();
        r.release();
    }

    @Test
    void placeholdersAreFilledFromTheRow() {
        RequestSpec spec = new RequestSpec("POST /users", "POST", "/users/#{id}", Map.of("X-Tenant", "#{tenant}"),
                "{\"name\":\"#{name}\"}", 1, List.of(), List.of(), List.of());
        EncodedRequest r = new EncodedRequest(spec, "", "h", List.of("id", "tenant", "name"));
        assertThat(r.isConstant()).isFalse();
        String text = new String(r.bytes(Map.of("id", "7", "tenant", "acme", "name", "Zoë")), StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("POST /users/7 HTTP/1.1\r\nHost: h\r\nX-Tenant: acme\r\nContent-Length: 15\r\n"
                + "Connection: keep-alive\r\n\r\n{\"name\":\"Zoë\"}");
    }

    @Test
    void unknownColumnIsAConfigurationError() {
        RequestSpec spec = new RequestSpec("u", "GET", "/users/#{uid}", Map.of(), null, 1, List.of(), List.of(),
                List.of());
        assertThatThrownBy(() -> new EncodedRequest(spec, "", "h", List.of("id")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("#{uid}");
        assertThatThrownBy(() -> new EncodedRequest(spec, "", "h", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no feeder");
    }

    @Test
    void bodyChecksSubstituteTheRowAndQuoteItInPatterns() {
        RequestSpec spec = new RequestSpec("u", "GET", "/users/#{id}", Map.of(), null, 1, List.of(),
                List.of("\"id\":\"#{id}\""), List.of("\"name\":\\s*\"#{name}\""));
        ResponseCheck check = new ResponseCheck(spec, List.of("id", "name"));
        var cache = ResponseCheck.newCache();
        assertThat(check.passes("{\"id\":\"3\", \"name\": \"a.b\"}", Map.of("id", "3", "name", "a.b"), cache))
                .isTrue();
        assertThat(check.passes("{\"id\":\"4\", \"name\": \"a.b\"}", Map.of("id", "3", "name", "a.b"), cache))
                .isFalse();
        // "." in the value is literal, not "any character"
        assertThat(check.passes("{\"id\":\"3\", \"name\": \"axb\"}", Map.of("id", "3", "name", "a.b"), cache))
                .isFalse();
        assertThatThrownBy(() -> new ResponseCheck(new RequestSpec("bad", "GET", "/", Map.of(), null, 1, List.of(),
                List.of(), List.of("([unclosed")), null)).isInstanceOf(IllegalArgumentException.class);
    }
}

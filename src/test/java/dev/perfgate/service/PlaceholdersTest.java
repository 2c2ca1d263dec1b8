package dev.perfgate.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {
    private final Placeholders placeholders = new Placeholders(8123);

    @Test
    void resolvesThePortAndLeavesOtherExpressionsAlone() {
        assertThat(placeholders.resolve("--server.port=${perfgate.port}")).isEqualTo("--server.port=8123");
        assertThat(placeholders.resolve("${perfgate.port}:${perfgate.port}")).isEqualTo("8123:8123");
        assertThat(placeholders.resolve("${other} #{port} $perfgate.port")).isEqualTo("${other} #{port} $perfgate.port");
        assertThat(placeholders.resolve((String) null)).isNull();
        assertThat(placeholders.resolve(List.of("a", "-p=${perfgate.port}"))).containsExactly("a", "-p=8123");
    }

    @Test
    void resolvesEnvironmentValuesNotNames() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", "${perfgate.port}");
        env.put("${perfgate.port}", "x");
        assertThat(placeholders.resolveValues(env))
                .containsEntry("SERVER_PORT", "8123").containsEntry("${perfgate.port}", "x");
    }

    @Test
    void rejectsPortsOutOfRange() {
        assertThatThrownBy(() -> new Placeholders(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Placeholders(65536)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void freePortIsUsable() {
        int port = PortAllocator.freePort();
        assertThat(port).isBetween(1, 65535);
    }

    @Test
    void readinessTargetsAreResolvedAndParsed() {
        Readiness http = Readiness.http("http://127.0.0.1:${perfgate.port}/health").resolve(placeholders);
        assertThat(http.describe()).isEqualTo("GET http://127.0.0.1:8123/health");

        Readiness.Tcp tcp = (Readiness.Tcp) Readiness.tcp("127.0.0.1:${perfgate.port}").resolve(placeholders);
        assertThat(tcp.host()).isEqualTo("127.0.0.1");
        assertThat(tcp.port()).isEqualTo(8123);
        Readiness.Tcp v6 = new Readiness.Tcp("[::1]:9000");
        assertThat(v6.host()).isEqualTo("::1");
        assertThat(v6.port()).isEqualTo(9000);
        assertThatThrownBy(() -> new Readiness.Tcp("no-port").port()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ((Readiness.Http) Readiness.http("ftp://x/")).uri())
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package dev.perfgate.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class RedactionTest {
    @Test
    void secretArgumentsKeepTheirKeyAndLoseTheirValue() {
        assertThat(Redaction.redactArgument("-Ddb.password=hunter2")).isEqualTo("-Ddb.password=***");
        assertThat(Redaction.redactArgument("--api-key=abc")).isEqualTo("--api-key=***");
        assertThat(Redaction.redactArgument("--spring.datasource.PASSWORD=x")).endsWith("=***");
        assertThat(Redaction.redactArgument("-Dauth.token=x=y")).isEqualTo("-Dauth.token=***");
        assertThat(Redaction.redactArgument("-Xmx256m")).isEqualTo("-Xmx256m");
        assertThat(Redaction.redactArgument("--server.port=8080")).isEqualTo("--server.port=8080");
    }

    @Test
    void wellKnownAndConfiguredHeadersAreSecret() {
        assertThat(Redaction.isSecretHeader("Authorization", Set.of())).isTrue();
        assertThat(Redaction.isSecretHeader("cookie", Set.of())).isTrue();
        assertThat(Redaction.isSecretHeader("X-CSRF-Token", Set.of())).isTrue();
        assertThat(Redaction.isSecretHeader("Accept", Set.of())).isFalse();
        assertThat(Redaction.isSecretHeader("X-Tenant", Set.of("x-tenant"))).isTrue();
    }
}

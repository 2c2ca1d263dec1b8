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
        assertThat(Redaction.redactArgument("--db-url=jdbc:postgresql://h/db?user=app&password=pw&ssl=true"))
                .isEqualTo("--db-url=jdbc:postgresql://h/db?user=app&password=***&ssl=true");
    }

    @Test
    void theValueAfterASecretOptionIsMasked() {
        assertThat(Redaction.redactArguments(java.util.List.of("java", "-jar", "app.jar", "--password", "s3cret",
                "--port", "8080"))).containsExactly("java", "-jar", "app.jar", "--password", "***", "--port", "8080");
    }

    @Test
    void secretQueryValuesAreMaskedInPaths() {
        assertThat(Redaction.redactPath("/search?q=shoes&access_token=abc123&page=2"))
                .isEqualTo("/search?q=shoes&access_token=***&page=2");
        assertThat(Redaction.redactPath("/users/#{id}?apikey=k")).isEqualTo("/users/#{id}?apikey=***");
        assertThat(Redaction.redactPath("/search?q=shoes")).isEqualTo("/search?q=shoes");
    }

    @Test
    void secretPairsAreMaskedInFreeText() {
        assertThat(Redaction.redactText("The following suspicious application arguments were found in this "
                + "recording: -Ddb.password=hunter2, -Xmx1g, --api_key=abc."))
                .isEqualTo("The following suspicious application arguments were found in this recording: "
                        + "-Ddb.password=***, -Xmx1g, --api_key=***");
        assertThat(Redaction.redactText(null)).isNull();
    }

    @Test
    void wellKnownAndConfiguredHeadersAreSecret() {
        assertThat(Redaction.isSecretHeader("Authorization", Set.of())).isTrue();
        assertThat(Redaction.isSecretHeader("cookie", Set.of())).isTrue();
        assertThat(Redaction.isSecretHeader("X-CSRF-Token", Set.of())).isTrue();
        assertThat(Redaction.isSecretHeader("Accept", Set.of())).isFalse();
        assertThat(Redaction.isSecretHeader("apikey", Set.of())).isTrue();
        assertThat(Redaction.isSecretHeader("Ocp-Apim-Subscription-Key", Set.of("ocp-apim-subscription-key")))
                .isTrue();
        assertThat(Redaction.isSecretHeader("X-Auth", Set.of())).isTrue();
        assertThat(Redaction.isSecretHeader("X-Tenant", Set.of("x-tenant"))).isTrue();
    }
}

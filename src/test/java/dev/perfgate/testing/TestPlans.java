package dev.perfgate.testing;

import dev.perfgate.load.LoadDefinition;
import dev.perfgate.load.LoadEngine;
import dev.perfgate.load.LoadProfile;
import dev.perfgate.load.RequestSpec;
import dev.perfgate.result.LoadModel;
import dev.perfgate.run.Measurement;
import dev.perfgate.run.MeasurementPlan;
import dev.perfgate.service.JfrOptions;
import dev.perfgate.service.Readiness;
import dev.perfgate.service.ServiceSpec;
import dev.perfgate.testing.apps.EchoServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** Short measurements for tests: a gentle rate, 1 s trials, a 1 s warm-up. */
public final class TestPlans {
    public static final String PORT_URL = "http://127.0.0.1:${perfgate.port}";

    private TestPlans() {
    }

    public static LoadDefinition load(int trials) {
        LoadProfile profile = new LoadProfile(LoadModel.OPEN, 20, Duration.ZERO, Duration.ofSeconds(1),
                Duration.ofSeconds(1), trials, 2, Duration.ofSeconds(10), Duration.ofSeconds(1));
        RequestSpec get = new RequestSpec("GET /", "GET", "/?x", Map.of(), null, 1, List.of(), List.of(), List.of());
        return new LoadDefinition(List.of(get), profile, null);
    }

    public static ServiceSpec echoServer(Path out, boolean jfr) {
        return TestApps.main(EchoServer.class)
                .jvmArgs("-Xmx64m", "-Dsun.net.httpserver.nodelay=true")
                .logFile(out.resolve(Measurement.SERVICE_LOG))
                .readiness(Readiness.http(PORT_URL + "/"))
                .jfr(jfr ? JfrOptions.profile(out) : JfrOptions.disabled())
                .build();
    }

    public static MeasurementPlan plan(ServiceSpec service, String baseUrl, LoadDefinition load,
            Supplier<LoadEngine> engines, Path out) {
        return new MeasurementPlan(service, baseUrl, load, engines, out, Set.of(), "test", null);
    }
}

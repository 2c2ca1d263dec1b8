package dev.perfgate.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perfgate.load.LoadEngine;
import dev.perfgate.load.LoadException;
import dev.perfgate.load.LoadProfile;
import dev.perfgate.load.TrialPlan;
import dev.perfgate.measure.ErrorKind;
import dev.perfgate.measure.RequestRecording;
import dev.perfgate.measure.TrialRecording;
import dev.perfgate.result.HistogramCodec;
import dev.perfgate.result.Latencies;
import dev.perfgate.result.LoadModel;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Runs Java scenario trials in the forked {@link ScenarioRunner}: one {@code POST /trial} per trial to the fork, whose
 * answer becomes the trial's recording under one request name (the scenario's). The fork is started, profiled and
 * stopped by perfgate as a service (see {@link ScenarioSpec}).
 */
public final class ScenarioEngine implements LoadEngine {
    /** Beyond the trial's schedule and drain, for the answer to arrive on a busy machine. */
    static final Duration GRACE = Duration.ofSeconds(60);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String name;
    private final HttpClient client;

    /** @param name the request name the operations are recorded under (gates name it) */
    public ScenarioEngine(String name) {
        this.name = name;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    @Override
    public TrialRecording run(TrialPlan plan) throws LoadException {
        LoadProfile profile = plan.load().profile();
        String what = plan.warmup() ? "the warm-up" : "trial " + plan.trial();
        TrialShape shape = new TrialShape(plan.trial(), name, plan.duration().toMillis(), profile.rate(),
                profile.rampUp().toMillis(), profile.connections(), profile.model() == LoadModel.OPEN,
                profile.requestTimeout().toMillis(), profile.maxSendLag().toNanos() / 1_000, plan.intervalLog());
        URI uri = plan.baseUrl().resolve("/trial?" + shape.query());
        Duration timeout = plan.duration().plus(profile.requestTimeout()).plus(GRACE);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new LoadException("the Java scenario runner at " + plan.baseUrl() + " did not answer for " + what
                    + " (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + "); see the service log for what happened in the forked JVM", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoadException("interrupted during " + what + " of the Java scenario " + name, e);
        }
        if (response.statusCode() != 200) {
            throw new LoadException("the Java scenario runner failed " + what + " with HTTP " + response.statusCode()
                    + ": " + response.body().strip() + "; see the service log for the stack trace");
        }
        TrialRecording recording;
        try {
            recording = recording(plan, MAPPER.readTree(response.body()));
        } catch (IOException | IllegalArgumentException e) {
            throw new LoadException("the Java scenario runner's answer for " + what + " cannot be read: "
                    + e.getMessage(), e);
        }
        progress(plan, what, recording);
        return recording;
    }

    private TrialRecording recording(TrialPlan plan, JsonNode json) {
        RequestRecording r = new RequestRecording(histogram(json, "corrected"), histogram(json, "uncorrected"));
        for (Iterator<Map.Entry<String, JsonNode>> it = json.path("errors").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            r.addError(ErrorKind.valueOf(e.getKey()), e.getValue().asLong());
        }
        Map<String, RequestRecording> byRequest = new LinkedHashMap<>();
        byRequest.put(name, r);
        LoadModel model = LoadModel.valueOf(text(json, "model"));
        return new TrialRecording(plan.trial(), model, json.path("startEpochMillis").asLong(),
                json.path("endEpochMillis").asLong(), json.path("measuredSeconds").asDouble(),
                json.path("scheduled").asLong(), json.path("started").asLong(), histogram(json, "sendLag"),
                byRequest, strings(json, "flags"), strings(json, "warnings"),
                plan.intervalLog() != null && Files.isRegularFile(plan.intervalLog()) ? plan.intervalLog() : null);
    }

    private static Histogram histogram(JsonNode json, String field) {
        return HistogramCodec.decode(text(json, field));
    }

    private static String text(JsonNode json, String field) {
        JsonNode node = json.get(field);
        if (node == null || !node.isTextual()) {
            throw new IllegalArgumentException("no " + field);
        }
        return node.asText();
    }

    private static List<String> strings(JsonNode json, String field) {
        List<String> values = new ArrayList<>();
        json.path(field).forEach(n -> values.add(n.asText()));
        return values;
    }

    private void progress(TrialPlan plan, String what, TrialRecording recording) {
        RequestRecording all = recording.overall();
        Histogram lag = recording.sendLagWhileIdle();
        String line = String.format(Locale.ROOT, "%s done: %d operations of %s (%.0f/s), p99 %.1f ms, %d errors, "
                        + "send lag p90/p99 %.1f/%.1f ms", plan.warmup() ? "warm-up" : what, all.requests(), name,
                all.requests() / recording.measuredSeconds(), Latencies.millis(all.corrected().getValueAtPercentile(99)),
                all.errorCount(), Latencies.millis(lag.getValueAtPercentile(90)),
                Latencies.millis(lag.getValueAtPercentile(99)));
        try {
            plan.progress().progress(line);
        } catch (RuntimeException e) {
            // the listener's problem must not stop the trial
        }
    }

    @Override
    public void close() {
        // the HttpClient holds no connection between trials worth closing; the fork is stopped as a service
    }
}

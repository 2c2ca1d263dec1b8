package dev.perfgate.maven;

import dev.perfgate.gate.GateSpec;

/**
 * A {@code <gate>} element of the pom, JaCoCo style: structured elements, so a pom never needs {@code &lt;}.
 * <pre>
 * &lt;gate&gt;&lt;request&gt;GET /search&lt;/request&gt;&lt;metric&gt;p99&lt;/metric&gt;&lt;max&gt;250ms&lt;/max&gt;&lt;/gate&gt;
 * </pre>
 */
public class GateParameter {
    /** Request name the gate applies to; all requests together when absent. */
    private String request;
    /** p50, p90, p95, p99, p99.9, any pNN, mean, max, min, throughput or errorRate. */
    private String metric;
    /** Upper bound with its unit: 250ms, 0.5s, 900us, 1000/s, 1%. */
    private String max;
    /** Lower bound with its unit. */
    private String min;
    /** Largest allowed change for the worse against the baseline, e.g. 10%. */
    private String maxRegression;
    /** Smallest required change for the better against the baseline, e.g. 10% (or the max/min target met). */
    private String minImprovement;

    public GateSpec toSpec() {
        return new GateSpec(request, metric, max, min, maxRegression, minImprovement);
    }

    public void setRequest(String request) {
        this.request = request;
    }

    public void setMetric(String metric) {
        this.metric = metric;
    }

    public void setMax(String max) {
        this.max = max;
    }

    public void setMin(String min) {
        this.min = min;
    }

    public void setMaxRegression(String maxRegression) {
        this.maxRegression = maxRegression;
    }

    public void setMinImprovement(String minImprovement) {
        this.minImprovement = minImprovement;
    }
}

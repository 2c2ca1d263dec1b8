package dev.perfgate.run;

import dev.perfgate.load.ExternalLoad;
import dev.perfgate.load.Feeder;
import dev.perfgate.load.LoadDefinition;
import dev.perfgate.load.LoadProfile;
import dev.perfgate.load.RequestSpec;
import dev.perfgate.result.LoadInfo;
import dev.perfgate.result.RunJson;
import dev.perfgate.util.Redaction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Describes a load definition for run files: redacted, and hashed so that changed loads are noticed. */
public final class LoadInfos {
    private LoadInfos() {
    }

    public static LoadInfo describe(LoadDefinition load, Set<String> secretHeaderNames) {
        return describe(load, secretHeaderNames, false);
    }

    /** @param restartPerTrial whether every trial runs in a freshly started service */
    public static LoadInfo describe(LoadDefinition load, Set<String> secretHeaderNames, boolean restartPerTrial) {
        LoadProfile p = load.profile();
        List<Map<String, Object>> requests = new ArrayList<>();
        for (RequestSpec r : load.requests()) {
            Map<String, Object> m = new TreeMap<>();
            m.put("name", r.name());
            m.put("method", r.method());
            m.put("path", Redaction.redactPath(r.path()));
            m.put("weight", r.weight());
            if (!r.headers().isEmpty()) {
                Map<String, String> headers = new TreeMap<>();
                r.headers().forEach((k, v) -> headers.put(k,
                        Redaction.isSecretHeader(k, secretHeaderNames) ? Redaction.MASK : v));
                m.put("headers", headers);
            }
            if (r.body() != null) {
                m.put("bodySha256", sha256(r.body()));
                m.put("bodyLength", r.body().length());
            }
            if (!r.expectStatus().isEmpty()) {
                m.put("expectStatus", r.expectStatus());
            }
            if (!r.bodyContains().isEmpty()) {
                m.put("bodyContains", r.bodyContains());
            }
            if (!r.bodyMatches().isEmpty()) {
                m.put("bodyMatches", r.bodyMatches());
            }
            requests.add(m);
        }
        Map<String, Object> feeder = null;
        if (load.feeder() != null) {
            Feeder f = load.feeder();
            feeder = new TreeMap<>();
            feeder.put("source", f.source());
            feeder.put("rows", f.rows().size());
            feeder.put("columns", f.columns());
            // Values may be personal data: only their hash is kept, enough to notice a changed data set.
            feeder.put("sha256", sha256(f.rows().toString()));
        }
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("model", p.model().name());
        identity.put("rate", p.rate());
        identity.put("rampUpMillis", p.rampUp().toMillis());
        identity.put("durationMillis", p.duration().toMillis());
        identity.put("warmupMillis", p.warmup().toMillis());
        identity.put("connections", p.connections());
        identity.put("requestTimeoutMillis", p.requestTimeout().toMillis());
        identity.put("requests", requests);
        identity.put("feeder", feeder);
        Map<String, Object> external = null;
        if (load.external() != null) {
            ExternalLoad x = load.external();
            external = new TreeMap<>();
            external.put("tool", x.tool());
            external.put("source", x.source());
            if (x.sha256() != null) {
                external.put("sha256", x.sha256());
            }
            if (!x.settings().isEmpty()) {
                external.put("settings", x.settings());
            }
            // Only for external loads: every baseline recorded before them keeps its hash.
            identity.put("external", external);
        }
        if (restartPerTrial) {
            // Only when true: every baseline recorded before this option existed keeps its hash.
            identity.put("restartPerTrial", true);
        }
        String hash = sha256(RunJson.toJson(identity));
        return new LoadInfo(p.model().name().toLowerCase(java.util.Locale.ROOT), p.rate(),
                p.rampUp().toMillis() / 1000.0, p.duration().toMillis() / 1000.0, p.warmup().toMillis() / 1000.0,
                p.trials(), p.trials(), p.trials(), restartPerTrial, p.connections(), requests, feeder, hash, external);
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

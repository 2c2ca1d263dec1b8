package dev.perfgate.load;

import dev.perfgate.result.LoadModel;
import dev.perfgate.util.Durations;
import dev.perfgate.util.Redaction;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Validates a load configuration before any load is sent and builds the {@link LoadDefinition}. Every problem is
 * collected and reported at once, each naming the request or parameter, so one build tells the whole story.
 */
public final class LoadDefinitionBuilder {
    private static final Pattern PLACEHOLDER = Pattern.compile("#\\{([^}]*)}");

    private LoadDefinitionBuilder() {
    }

    /**
     * @param requests the request drafts (from the pom or a scenario file)
     * @param profile  the load shape
     * @param feederFile CSV file for {@code #{column}} placeholders, or null
     */
    public static LoadDefinition build(List<RequestDraft> requests, ProfileDraft profile, Path feederFile)
            throws LoadConfigException {
        List<String> problems = new ArrayList<>();
        if (requests == null || requests.isEmpty()) {
            throw new LoadConfigException(List.of("no requests are configured; declare at least one "
                    + "<request><path>/...</path></request>, or a <scenarioFile>"));
        }
        List<RequestSpec> specs = requests(requests, problems);
        LoadProfile loadProfile = profile(profile, problems);
        Feeder feeder = null;
        if (feederFile != null) {
            try {
                feeder = FeederCsv.read(feederFile);
            } catch (IOException e) {
                problems.add("<feeder> " + e.getMessage());
            }
        }
        checkPlaceholders(specs, feeder, feederFile != null, problems);
        if (!problems.isEmpty()) {
            throw new LoadConfigException(problems);
        }
        return new LoadDefinition(specs, loadProfile, feeder);
    }

    /**
     * Only the load's shape, for loads whose requests a script or scenario defines.
     *
     * @throws LoadConfigException listing every problem
     */
    public static LoadProfile profile(ProfileDraft profile) throws LoadConfigException {
        List<String> problems = new ArrayList<>();
        LoadProfile loadProfile = profile(profile, problems);
        if (!problems.isEmpty()) {
            throw new LoadConfigException(problems);
        }
        return loadProfile;
    }

    private static List<RequestSpec> requests(List<RequestDraft> requests, List<String> problems) {
        List<RequestSpec> specs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < requests.size(); i++) {
            RequestDraft r = requests.get(i);
            String where = "request " + (i + 1);
            if (r.path() == null || !r.path().startsWith("/")) {
                problems.add(where + ": <path> must start with '/', but is '" + r.path() + "'");
                continue;
            }
            String method = method(r);
            if (!method.matches("[A-Z]+")) {
                problems.add(where + ": <method> '" + r.method() + "' is not an HTTP method");
            }
            String name = name(r);
            String at = where + " (" + name + ")";
            if (name.equals("*")) {
                problems.add(at + ": the name '*' is reserved for all requests together; choose another <name>");
            }
            if (!names.add(name)) {
                problems.add(at + ": the name is used twice; give each request its own <name>");
            }
            int weight = r.weight() == null ? 1 : r.weight();
            if (weight < 1) {
                problems.add(at + ": <weight> must be at least 1, but is " + weight);
            }
            if (r.headers() != null) {
                r.headers().forEach((header, value) -> {
                    if (header.equalsIgnoreCase("Host")) {
                        problems.add(at + ": sets a Host header; the engine sets it from the base URL");
                    } else if (value == null) {
                        problems.add(at + ": header " + header + " has no value");
                    }
                });
            }
            List<Integer> statuses = statuses(r.expectStatus(), at, problems);
            for (String regex : nonNull(r.bodyMatches())) {
                try {
                    // #{column} is filled in per request before matching; check the rest of the expression.
                    Pattern.compile(PLACEHOLDER.matcher(regex).replaceAll(Matcher.quoteReplacement(
                            Pattern.quote("x"))));
                } catch (PatternSyntaxException e) {
                    problems.add(at + ": <bodyMatches> '" + regex + "' is not a regular expression: "
                            + e.getDescription());
                }
            }
            specs.add(new RequestSpec(name, method, r.path(), r.headers(), r.body(), weight, statuses,
                    nonNull(r.bodyContains()), nonNull(r.bodyMatches())));
        }
        return specs;
    }

    /**
     * The names the requests will be measured and gated under, for the drafts whose path is usable: gates are
     * checked against them even when other parts of the load are still wrong.
     */
    public static Set<String> requestNames(List<RequestDraft> requests) {
        Set<String> names = new java.util.LinkedHashSet<>();
        for (RequestDraft r : requests == null ? List.<RequestDraft>of() : requests) {
            if (r != null && r.path() != null && r.path().startsWith("/")) {
                names.add(name(r));
            }
        }
        return names;
    }

    private static String method(RequestDraft r) {
        return r.method() == null ? "GET" : r.method().trim().toUpperCase(Locale.ROOT);
    }

    /** The default name goes to logs, reports and the baseline: secret query values are masked in it. */
    private static String name(RequestDraft r) {
        return r.name() == null || r.name().isBlank() ? method(r) + " " + Redaction.redactPath(r.path())
                : r.name().trim();
    }

    private static List<Integer> statuses(String text, String where, List<String> problems) {
        List<Integer> statuses = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return statuses;
        }
        for (String s : text.split(",")) {
            try {
                int status = Integer.parseInt(s.trim());
                if (status < 100 || status > 599) {
                    throw new NumberFormatException();
                }
                statuses.add(status);
            } catch (NumberFormatException e) {
                problems.add(where + ": <expectStatus> '" + text + "' is not a comma-separated list of HTTP "
                        + "status codes (100-599)");
                break;
            }
        }
        return statuses;
    }

    private static LoadProfile profile(ProfileDraft p, List<String> problems) {
        LoadModel model = null;
        try {
            model = LoadModel.valueOf(p.model().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.add("<model> is '" + p.model() + "'; use open or closed");
        }
        if (!(p.rate() > 0) || Double.isInfinite(p.rate())) {
            problems.add("<rate> must be a positive number of requests per second, but is " + p.rate());
        }
        if (p.trials() < 1) {
            problems.add("<trials> must be at least 1, but is " + p.trials());
        }
        if (p.connections() < 1) {
            problems.add("<connections> must be at least 1, but is " + p.connections());
        }
        Duration rampUp = duration("rampUp", p.rampUp(), problems);
        Duration duration = duration("duration", p.duration(), problems);
        Duration warmup = duration("warmup", p.warmup(), problems);
        Duration timeout = duration("requestTimeout", p.requestTimeout(), problems);
        Duration maxSendLag = duration("maxSendLag", p.maxSendLag(), problems);
        if (timeout != null && timeout.isZero()) {
            problems.add("<requestTimeout> must be longer than 0s");
        }
        if (duration != null && duration.isZero()) {
            problems.add("<duration> must be longer than 0s");
        }
        if (duration != null && rampUp != null && rampUp.compareTo(duration) >= 0) {
            problems.add("<rampUp> (" + p.rampUp() + ") must be shorter than <duration> (" + p.duration() + ")");
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new LoadProfile(model, p.rate(), rampUp, duration, warmup, p.trials(), p.connections(), timeout,
                maxSendLag);
    }

    private static void checkPlaceholders(List<RequestSpec> specs, Feeder feeder, boolean feederConfigured,
            List<String> problems) {
        for (RequestSpec spec : specs) {
            List<String> texts = new ArrayList<>(List.of(spec.path()));
            texts.addAll(spec.headers().values());
            if (spec.body() != null) {
                texts.add(spec.body());
            }
            texts.addAll(spec.bodyContains());
            texts.addAll(spec.bodyMatches());
            for (String text : texts) {
                Matcher m = PLACEHOLDER.matcher(text);
                while (m.find()) {
                    String column = m.group(1);
                    if (feeder == null && !feederConfigured) {
                        problems.add(spec.name() + ": uses #{" + column + "} but no <feeder> is configured");
                    } else if (feeder != null && !feeder.columns().contains(column)) {
                        problems.add(spec.name() + ": uses #{" + column + "}, but the feeder " + feeder.source()
                                + " has only the columns " + feeder.columns());
                    }
                }
            }
        }
    }

    private static Duration duration(String name, String text, List<String> problems) {
        return Durations.parseOrCollect("<" + name + ">", text, problems);
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list.stream().filter(java.util.Objects::nonNull).toList();
    }
}

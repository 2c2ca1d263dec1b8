package dev.perfgate.goal;

import java.util.ArrayList;
import java.util.List;

/**
 * The one source of load a measurement takes, and the rule that there is only one: each pair of sources configured
 * together is a problem saying which to remove. Listed from the source that wins to the one that yields.
 */
enum LoadSource {
    SCENARIO("scenario", "the Java scenario is the load", "a Java scenario reads its data itself: remove <feeder>"),
    COMMAND("loadCommand", "the command defines the requests", "the command reads its data itself"),
    SCRIPT("script", "the script defines the requests",
            "a script reads its data itself (pass the file through <scriptProperties>)"),
    REQUESTS("requests", null, null),
    SCENARIO_FILE("scenarioFile", null, null);

    private final String element;
    /** Why perfgate's own requests do not go with it; null for perfgate's own requests. */
    private final String replacesRequests;
    /** Why a feeder does not go with it; null where a feeder fills the requests. */
    private final String feederAdvice;

    LoadSource(String element, String replacesRequests, String feederAdvice) {
        this.element = element;
        this.replacesRequests = replacesRequests;
        this.feederAdvice = feederAdvice;
    }

    /** Whether perfgate's own engine sends the requests (from the pom or a scenario file). */
    boolean embedded() {
        return replacesRequests == null;
    }

    /**
     * The source that wins, every conflict added to {@code problems}. With none configured, perfgate's requests:
     * their builder says that there are none.
     */
    static LoadSource of(LoadConfig load, List<String> problems) {
        List<LoadSource> configured = new ArrayList<>();
        for (LoadSource source : values()) {
            if (source.configuredIn(load)) {
                configured.add(source);
            }
        }
        for (int i = 0; i < configured.size(); i++) {
            for (int j = i + 1; j < configured.size(); j++) {
                problems.add(configured.get(i).conflict(configured.get(j)));
            }
        }
        LoadSource source = configured.isEmpty() ? REQUESTS : configured.get(0);
        if (load.feeder() != null && source.feederAdvice != null) {
            problems.add("<feeder> fills perfgate's own requests; " + source.feederAdvice);
        }
        return source;
    }

    private boolean configuredIn(LoadConfig load) {
        return switch (this) {
            case SCENARIO -> load.scenario() != null && !load.scenario().isBlank();
            case COMMAND -> !load.loadCommand().isEmpty();
            case SCRIPT -> load.script() != null;
            case REQUESTS -> !load.requests().isEmpty();
            case SCENARIO_FILE -> load.scenarioFile() != null;
        };
    }

    /** @param other a source that yields to this one */
    private String conflict(LoadSource other) {
        String both = "both <" + element + "> and <" + other.element + "> are configured; ";
        if (this == REQUESTS) {
            return both + "keep the requests in one place";
        }
        if (other.embedded()) {
            return both + replacesRequests + ": remove <" + other.element + ">, or <" + element + "> to use the "
                    + "embedded engine";
        }
        return both + "keep one of them";
    }
}

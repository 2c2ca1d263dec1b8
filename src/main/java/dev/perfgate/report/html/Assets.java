package dev.perfgate.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * What the page inlines so that it opens from disk without a network: uPlot (MIT licence; a pinned WebJar on the
 * plugin's class path) and the page's own script and style. Read once per JVM.
 */
public final class Assets {
    /** The chart library, as the page's footer names it. */
    public static final String LIBRARY = "uPlot";
    public static final String LICENCE = "MIT";
    private static final String WEBJAR = "META-INF/maven/org.webjars.npm/uplot/pom.properties";

    private static volatile Assets loaded;

    private final String libraryVersion;
    private final String libraryScript;
    private final String libraryStyle;
    private final String script;
    private final String style;

    private Assets(String libraryVersion, String libraryScript, String libraryStyle, String script, String style) {
        this.libraryVersion = libraryVersion;
        this.libraryScript = libraryScript;
        this.libraryStyle = libraryStyle;
        this.script = script;
        this.style = style;
    }

    /** @throws IOException when a resource is missing from the class path: the plugin is not packaged whole */
    public static Assets get() throws IOException {
        Assets a = loaded;
        if (a == null) {
            String version = webjarVersion();
            String base = "META-INF/resources/webjars/uplot/" + version + "/dist/";
            a = new Assets(version, read(base + "uPlot.iife.min.js"), read(base + "uPlot.min.css"),
                    read("dev/perfgate/report/html/report.js"), read("dev/perfgate/report/html/report.css"));
            loaded = a;
        }
        return a;
    }

    private static String webjarVersion() throws IOException {
        Properties p = new Properties();
        try (InputStream in = open(WEBJAR)) {
            p.load(in);
        }
        String version = p.getProperty("version");
        if (version == null || version.isBlank()) {
            throw new IOException(WEBJAR + " names no version");
        }
        return version.trim();
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = open(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("the HTML report's resource " + resource + " is not on the plugin's class path; "
                    + "the plugin jar or its org.webjars.npm:uplot dependency is incomplete");
        }
        return in;
    }

    public String libraryVersion() {
        return libraryVersion;
    }

    public String libraryScript() {
        return libraryScript;
    }

    public String libraryStyle() {
        return libraryStyle;
    }

    public String script() {
        return script;
    }

    public String style() {
        return style;
    }
}

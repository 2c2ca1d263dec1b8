package dev.perfgate.report;

import dev.perfgate.gate.Gate;
import dev.perfgate.gate.GateOutcome;
import dev.perfgate.gate.Status;
import dev.perfgate.gate.Units;
import dev.perfgate.gate.Verdict;
import dev.perfgate.result.RunJson;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * TEST-perfgate.xml: the verdict as a JUnit (Surefire) test report, so that CI systems list every gate check beside
 * the unit tests. One testcase per gate check, named request + metric + check ("GET /search p99 max"); a failed check
 * carries its one-line message exactly as the console prints it after "perfgate: "; checks that were not evaluated
 * (skipped, and inconclusive ones that do not fail the build) are skipped testcases; problems of the run as a whole
 * (no data, a broken measurement) are failed testcases of their own.
 */
public final class JUnitXml {
    public static final String FILE_NAME = "TEST-perfgate.xml";
    static final String SUITE = "perfgate";

    private JUnitXml() {
    }

    /** One testcase: {@code failure} and {@code skipped} are messages, at most one of them non-null. */
    record Case(String name, String type, String failure, String skipped, String detail) {
    }

    public static void write(Path file, Verdict verdict) throws IOException {
        RunJson.writeAtomically(file, render(verdict));
    }

    /**
     * A report of a check that ended before there was a verdict (e.g. run.json is missing): one failed testcase, so
     * that a CI system shows the failure instead of an earlier run's file.
     */
    public static void writeProblem(Path file, String type, String message) throws IOException {
        RunJson.writeAtomically(file, render(List.of(new Case("run " + type, type, message, null, message))));
    }

    public static String render(Verdict verdict) {
        return render(cases(verdict));
    }

    static List<Case> cases(Verdict verdict) {
        List<Case> cases = new ArrayList<>();
        for (GateOutcome p : verdict.runProblems()) {
            String name = "run " + p.category().id();
            cases.add(p.status() == Status.PASS ? new Case(name, null, null, null, p.message())
                    : new Case(name, p.category().id(), p.message(), null, detail(p)));
        }
        List<String> names = checkNames(verdict.outcomes());
        for (int i = 0; i < verdict.outcomes().size(); i++) {
            GateOutcome o = verdict.outcomes().get(i);
            String name = names.get(i);
            if (verdict.fails(o)) {
                // the same kind of failure result.json names, so CI can match the two
                cases.add(new Case(name, verdict.failureCategory(o).id(), o.message(), null, detail(o)));
            } else if (o.status() == Status.PASS) {
                cases.add(new Case(name, null, null, null, detail(o)));
            } else {
                cases.add(new Case(name, null, null, o.message(), null));
            }
        }
        return unique(cases);
    }

    /**
     * "GET /search p99 max", "all requests p95 maxRegression": one name per outcome. A gate's checks come in the
     * order max/min, maxRegression, minImprovement; when a gate could not be checked at all (no requests of that
     * name) its one outcome names every check of the gate.
     */
    static List<String> checkNames(List<GateOutcome> outcomes) {
        List<String> names = new ArrayList<>();
        int i = 0;
        while (i < outcomes.size()) {
            Gate gate = outcomes.get(i).gate();
            int end = i;
            while (end < outcomes.size() && outcomes.get(end).gate() == gate) {
                end++;
            }
            List<String> kinds = kinds(gate);
            String prefix = gate.requestLabel() + " " + gate.metric().name() + " ";
            for (int k = i; k < end; k++) {
                names.add(prefix + (end - i == kinds.size() ? kinds.get(k - i) : String.join("+", kinds)));
            }
            i = end;
        }
        return names;
    }

    private static List<String> kinds(Gate gate) {
        List<String> kinds = new ArrayList<>();
        if (gate.hasAbsolute() && gate.minImprovement() == null) {
            kinds.add(gate.min() != null && gate.max() != null ? "min/max" : gate.max() != null ? "max" : "min");
        }
        if (gate.maxRegression() != null) {
            kinds.add("maxRegression");
        }
        if (gate.minImprovement() != null) {
            kinds.add("minImprovement");
        }
        return kinds;
    }

    /** Two gates on the same figure with the same limit kind would share a name; CI tools merge such cases. */
    private static List<Case> unique(List<Case> cases) {
        Map<String, Integer> seen = new HashMap<>();
        List<Case> out = new ArrayList<>();
        for (Case c : cases) {
            int n = seen.merge(c.name(), 1, Integer::sum);
            out.add(n == 1 ? c : new Case(c.name() + " (" + n + ")", c.type(), c.failure(), c.skipped(), c.detail()));
        }
        return out;
    }

    /** The message, then value, limit and baseline: what a CI system shows below the testcase. */
    private static String detail(GateOutcome o) {
        StringBuilder d = new StringBuilder(o.message());
        if (o.gate() != null) {
            if (o.value() != null) {
                d.append("\nvalue: ").append(Units.value(o.gate().metric(), o.value()));
            }
            if (!o.limit().isEmpty()) {
                d.append("\nlimit: ").append(o.limit());
            }
            if (o.baselineValue() != null) {
                d.append("\nbaseline: ").append(Units.value(o.gate().metric(), o.baselineValue()));
            }
        }
        return d.toString();
    }

    static String render(List<Case> cases) {
        long failures = cases.stream().filter(c -> c.failure() != null).count();
        long skipped = cases.stream().filter(c -> c.skipped() != null).count();
        StringWriter out = new StringWriter();
        try {
            // the JDK's own writer, whatever StAX implementation is on the class path: the bytes stay the same
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", SUITE);
            xml.writeAttribute("tests", String.valueOf(cases.size()));
            xml.writeAttribute("failures", String.valueOf(failures));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", String.valueOf(skipped));
            for (Case c : cases) {
                xml.writeCharacters("\n  ");
                boolean empty = c.failure() == null && c.skipped() == null && c.detail() == null;
                if (empty) {
                    xml.writeEmptyElement("testcase");
                } else {
                    xml.writeStartElement("testcase");
                }
                xml.writeAttribute("name", text(c.name()));
                xml.writeAttribute("classname", SUITE);
                if (c.failure() != null) {
                    xml.writeCharacters("\n    ");
                    xml.writeStartElement("failure");
                    xml.writeAttribute("message", text(c.failure()));
                    xml.writeAttribute("type", c.type());
                    xml.writeCharacters(text(c.detail()));
                    xml.writeEndElement();
                } else if (c.skipped() != null) {
                    xml.writeCharacters("\n    ");
                    xml.writeEmptyElement("skipped");
                    xml.writeAttribute("message", text(c.skipped()));
                } else if (c.detail() != null) {
                    xml.writeCharacters("\n    ");
                    xml.writeStartElement("system-out");
                    xml.writeCharacters(text(c.detail()));
                    xml.writeEndElement();
                }
                if (!empty) {
                    xml.writeCharacters("\n  ");
                    xml.writeEndElement();
                }
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the JUnit report: " + e.getMessage(), e);
        }
        return out.append('\n').toString();
    }

    /**
     * The writer escapes markup but passes on characters XML 1.0 cannot hold at all (control characters, e.g. from a
     * request name); they become U+FFFD so that the file stays well-formed.
     */
    static String text(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD)
                    || (Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1)))
                    || (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)));
            if (!ok && b == null) {
                b = new StringBuilder(s.substring(0, i));
            }
            if (b != null) {
                b.append(ok ? c : '\uFFFD');
            }
        }
        return b == null ? s : b.toString();
    }
}

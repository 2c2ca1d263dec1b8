package dev.perfgate.imports;

import dev.perfgate.measure.ErrorKind;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Imports JMeter's XML JTL ({@code <testResults>} of {@code <httpSample>} and {@code <sample>} elements, attributes
 * t = elapsed ms, ts = start epoch ms, s = success, lb = label, rc = response code, rm = response message).
 *
 * <p>Only the samples directly under {@code <testResults>} are counted: an HTTP sample's nested samples (redirects,
 * embedded resources) are parts of its elapsed time. A transaction controller's sample is not counted (see
 * {@link JtlImporter}); the samples nested in it (its parent-sample mode) are, as if they stood on their own.
 */
final class JtlXmlImporter {
    private JtlXmlImporter() {
    }

    static ImportedResults read(Path file) throws IOException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // a result file needs neither a DTD nor external entities: refuse them
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        ImportedResults results = new ImportedResults();
        Map<String, Long> transactions = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            boolean root = false;
            // depth of the elements whose direct sample children are counted: 1 = testResults, more inside a
            // transaction's sample
            int depth = 0;
            ArrayDeque<Boolean> counting = new ArrayDeque<>();
            counting.push(false);
            Sample pending = null;
            int pendingDepth = -1;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    String name = xml.getLocalName();
                    if (depth == 1) {
                        if (!name.equals("testResults")) {
                            throw new ResultFileException(file, xml.getLocation().getLineNumber(), "<" + name
                                    + "> is not a JMeter result file's <testResults>");
                        }
                        root = true;
                        counting.push(true);
                        continue;
                    }
                    boolean sample = name.equals("httpSample") || name.equals("sample");
                    boolean countsHere = Boolean.TRUE.equals(counting.peek());
                    if (sample && countsHere) {
                        Sample s = Sample.of(file, xml);
                        if (JtlImporter.isTransaction(s.label, s.message, transactions)) {
                            transactions.merge(s.label, 1L, Long::sum);
                            counting.push(true); // its nested samples are the transaction's requests
                        } else {
                            pending = s;
                            pendingDepth = depth;
                            counting.push(false);
                        }
                    } else if (pending != null && name.equals("failureMessage") && pending.failureMessage == null) {
                        pending.failureMessage = xml.getElementText();
                        depth--; // getElementText consumed the end tag
                        continue;
                    } else {
                        counting.push(false);
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (pending != null && depth == pendingDepth) {
                        pending.record(results);
                        pending = null;
                    }
                    counting.pop();
                    depth--;
                }
            }
            if (!root) {
                throw new ResultFileException(file, 0, "empty: no <testResults> element");
            }
        } catch (XMLStreamException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            throw new ResultFileException(file, Math.max(line, 0), "not well-formed XML (truncated?): "
                    + firstLine(e.getMessage()), e);
        }
        JtlImporter.warnTransactions(results, transactions);
        return results;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String m = message.strip();
        int nl = m.lastIndexOf('\n');
        return nl >= 0 ? m.substring(nl + 1).strip() : m;
    }

    private static final class Sample {
        String label;
        String message;
        String code;
        long elapsed;
        long timeStamp;
        boolean success;
        String failureMessage;

        static Sample of(Path file, XMLStreamReader xml) throws ResultFileException {
            long line = xml.getLocation().getLineNumber();
            Sample s = new Sample();
            s.label = attribute(file, line, xml, "lb");
            s.message = xml.getAttributeValue(null, "rm");
            s.code = xml.getAttributeValue(null, "rc");
            s.elapsed = JtlImporter.number(file, line, "t", attribute(file, line, xml, "t"), "");
            s.timeStamp = JtlImporter.number(file, line, "ts", attribute(file, line, xml, "ts"), "");
            s.success = JtlImporter.bool(file, line, attribute(file, line, xml, "s"));
            return s;
        }

        void record(ImportedResults results) {
            ErrorKind error = success ? null : JtlImporter.errorKind(code, failureMessage);
            results.record(label, elapsed * 1000, error);
            results.seen(timeStamp);
            results.seen(timeStamp + elapsed);
        }

        private static String attribute(Path file, long line, XMLStreamReader xml, String name)
                throws ResultFileException {
            String v = xml.getAttributeValue(null, name);
            if (v == null) {
                throw new ResultFileException(file, line, "<" + xml.getLocalName() + "> has no " + name
                        + "=\"...\" attribute; keep JMeter's default jmeter.save.saveservice.* fields");
            }
            return v;
        }
    }
}

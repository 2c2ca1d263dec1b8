package dev.perfgate.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfgate.measure.ErrorKind;
import dev.perfgate.measure.RequestRecording;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The JTL fixtures jmeter-5.6.3.{csv,xml}.jtl come from real JMeter 5.6.3 runs of jmeter-fixture-plan.jmx (2 users,
 * 2 s for the CSV, 1 user, 1 s for the XML) against a local server that answers 404 on /missing and sleeps on
 * /slow; the other files are cut by hand from them.
 */
class JtlImporterTest {
    private static final Path DIR = Path.of("src/test/resources/imports");

    @Test
    void realCsvRunIsImportedPerLabelWithErrorsByKind() throws Exception {
        ImportedResults r = JtlImporter.read(DIR.resolve("jmeter-5.6.3.csv.jtl"));

        Map<String, RequestRecording> by = r.byRequest();
        assertThat(by.keySet()).containsExactly("GET /search", "GET /users/{id}", "GET /missing", "GET /slow",
                "GET refused", "GET /check", "GET /q?a=1,b=\"2\"", "GET /cart", "GET /pay", "GET /login",
                "GET /home");
        assertThat(by.values()).allSatisfy(rec -> assertThat(rec.requests()).isEqualTo(6));
        assertThat(r.requests()).isEqualTo(66);
        assertThat(by.get("GET /search").errorCount()).isZero();
        assertThat(by.get("GET /missing").errors()).containsExactly(Map.entry(ErrorKind.STATUS, 6L));
        assertThat(by.get("GET /slow").errors()).containsExactly(Map.entry(ErrorKind.TIMEOUT, 6L));
        assertThat(by.get("GET refused").errors()).containsExactly(Map.entry(ErrorKind.CONNECT, 6L));
        assertThat(by.get("GET /check").errors()).containsExactly(Map.entry(ErrorKind.CHECK, 6L));
        // elapsed ms -> microseconds: the 200 ms read timeout shows as about 200 000 us
        assertThat(by.get("GET /slow").uncorrected().getMaxValue()).isBetween(199_000L, 206_000L);
        assertThat(by.get("GET /slow").corrected().getTotalCount()).isEqualTo(6);
        assertThat(r.firstEpochMillis()).hasValue(1795769307865L);
        assertThat(r.lastEpochMillis()).hasValue(1795769309661L);
    }

    @Test
    void transactionSamplesAreNotCountedTwiceAndAreNamedInAWarning() throws Exception {
        ImportedResults r = JtlImporter.read(DIR.resolve("jmeter-5.6.3.csv.jtl"));

        assertThat(r.byRequest()).doesNotContainKeys("checkout", "login flow");
        // both modes: "checkout" generates no parent sample, "login flow" does; the children are counted once
        assertThat(r.byRequest().get("GET /cart").requests()).isEqualTo(6);
        assertThat(r.byRequest().get("GET /login").requests()).isEqualTo(6);
        assertThat(r.warnings()).containsExactly("JMeter transaction controller samples not counted, their child "
                + "samples are: checkout (6), login flow (6)");
        assertThat(r.flags()).isEmpty();
    }

    @Test
    void realXmlRunIsImportedLikeTheCsv() throws Exception {
        ImportedResults r = JtlImporter.read(DIR.resolve("jmeter-5.6.3.xml.jtl"));

        Map<String, RequestRecording> by = r.byRequest();
        assertThat(by.get("GET /search").requests()).isEqualTo(2);
        assertThat(by.get("GET /slow").errors()).containsExactly(Map.entry(ErrorKind.TIMEOUT, 2L));
        assertThat(by.get("GET refused").errors()).containsExactly(Map.entry(ErrorKind.CONNECT, 1L));
        assertThat(by.get("GET /check").errors()).containsExactly(Map.entry(ErrorKind.CHECK, 1L));
        assertThat(by.get("GET /missing").errors()).containsExactly(Map.entry(ErrorKind.STATUS, 2L));
        assertThat(by).containsKey("GET /q?a=1,b=\"2\"").doesNotContainKeys("checkout", "login flow");
        // the parent-sample transaction's children are nested in its <sample>: counted, once
        assertThat(by.get("GET /login").requests()).isEqualTo(1);
        assertThat(by.get("GET /cart").requests()).isEqualTo(1);
        assertThat(r.requests()).isEqualTo(15);
        assertThat(r.warnings()).singleElement().asString().contains("checkout (1), login flow (1)");
    }

    @Test
    void columnsAreFoundByTheHeaderAndQuotedFieldsMayHoldCommasQuotesAndLineBreaks() throws Exception {
        // reordered and optional columns, a custom variable, CRLF, a blank line, a two-line failure message
        ImportedResults r = JtlImporter.read(DIR.resolve("jmeter-hand-cut.jtl"));

        assertThat(r.byRequest().keySet()).containsExactly("GET /a", "GET /b, the \"second\"");
        assertThat(r.byRequest().get("GET /a").requests()).isEqualTo(2);
        // no responseCode column: an assertion's failure message makes it a failed check
        assertThat(r.byRequest().get("GET /b, the \"second\"").errors())
                .containsExactly(Map.entry(ErrorKind.CHECK, 1L));
        assertThat(r.firstEpochMillis()).hasValue(1700000000000L);
    }

    @Test
    void aFileWithoutHeaderTellsToKeepJMetersFieldNames() {
        assertThatThrownBy(() -> JtlImporter.read(DIR.resolve("jmeter-no-header.jtl")))
                .isInstanceOf(ResultFileException.class)
                .hasMessageContaining("jmeter-no-header.jtl:1: no JMeter CSV header")
                .hasMessageContaining("jmeter.save.saveservice.print_field_names=true")
                .satisfies(e -> assertThat(((ResultFileException) e).line()).isEqualTo(1));
    }

    @Test
    void anEmptyFileIsAnErrorOfTheWholeFile() {
        assertThatThrownBy(() -> JtlImporter.read(DIR.resolve("jmeter-empty.jtl")))
                .isInstanceOf(ResultFileException.class)
                .hasMessageContaining("jmeter-empty.jtl: empty")
                .satisfies(e -> assertThat(((ResultFileException) e).line()).isZero());
    }

    @Test
    void aTruncatedRowNamesItsLine() {
        assertThatThrownBy(() -> JtlImporter.read(DIR.resolve("jmeter-truncated.jtl")))
                .isInstanceOf(ResultFileException.class)
                .hasMessageContaining("jmeter-truncated.jtl:5: expected 17 columns as in the header, found 6 "
                        + "(the file ends here: truncated?)");
    }

    @Test
    void aMalformedValueNamesItsLineAndColumn() {
        assertThatThrownBy(() -> JtlImporter.read(DIR.resolve("jmeter-malformed.jtl")))
                .isInstanceOf(ResultFileException.class)
                .hasMessageContaining("jmeter-malformed.jtl:4: elapsed '4x' is not a non-negative whole number");
    }

    @Test
    void anUnclosedQuoteNamesTheLineItStartsOn() {
        assertThatThrownBy(() -> JtlImporter.read(DIR.resolve("jmeter-unclosed-quote.jtl")))
                .isInstanceOf(ResultFileException.class)
                .hasMessageContaining("jmeter-unclosed-quote.jtl:3: a quoted field is not closed");
    }

    @Test
    void aTruncatedXmlFileNamesALine() {
        assertThatThrownBy(() -> JtlImporter.read(DIR.resolve("jmeter-truncated.xml.jtl")))
                .isInstanceOf(ResultFileException.class)
                .hasMessageContaining("jmeter-truncated.xml.jtl:")
                .hasMessageContaining("not well-formed XML (truncated?)")
                .satisfies(e -> assertThat(((ResultFileException) e).line()).isGreaterThan(1));
    }

    @Test
    void errorKindsFollowTheResponseCode() {
        assertThat(JtlImporter.errorKind("Non HTTP response code: java.net.ConnectException", "")).isEqualTo(
                ErrorKind.CONNECT);
        assertThat(JtlImporter.errorKind("Non HTTP response code: java.net.UnknownHostException", null))
                .isEqualTo(ErrorKind.CONNECT);
        assertThat(JtlImporter.errorKind("Non HTTP response code: java.net.SocketTimeoutException", ""))
                .isEqualTo(ErrorKind.TIMEOUT);
        assertThat(JtlImporter.errorKind("Non HTTP response code: org.apache.http.NoHttpResponseException", ""))
                .isEqualTo(ErrorKind.IO);
        assertThat(JtlImporter.errorKind("503", "")).isEqualTo(ErrorKind.STATUS);
        assertThat(JtlImporter.errorKind("200", "Test failed: text expected to contain /x/"))
                .isEqualTo(ErrorKind.CHECK);
        assertThat(JtlImporter.errorKind("", "")).isEqualTo(ErrorKind.IO);
    }
}

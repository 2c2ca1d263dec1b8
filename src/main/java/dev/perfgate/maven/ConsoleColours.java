package dev.perfgate.maven;

import dev.perfgate.report.StatusStyle;
import org.apache.maven.shared.utils.logging.MessageUtils;

/**
 * Status words in Maven's colours: PASS green, FAIL red, INCONCLUSIVE yellow. MessageUtils follows Maven's own
 * decision (a terminal, not -B, style.color), so logs of CI builds and redirected output stay plain.
 */
final class ConsoleColours {
    private ConsoleColours() {
    }

    static StatusStyle style() {
        if (!MessageUtils.isColorEnabled()) {
            return StatusStyle.PLAIN;
        }
        return (status, word) -> switch (status) {
            case PASS -> MessageUtils.buffer().success(word).toString();
            case FAIL -> MessageUtils.buffer().failure(word).toString();
            case INCONCLUSIVE -> MessageUtils.buffer().warning(word).toString();
            case SKIPPED -> word;
        };
    }
}

package dev.perfgate.gate;

import dev.perfgate.stats.RatioEvidence;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** How the statistics of a relative check are written, the same in messages, tables and reports. */
public final class EvidenceText {
    private EvidenceText() {
    }

    /** "98 %". */
    public static String confidence(RatioEvidence e) {
        return new BigDecimal(e.confidence() * 100).round(new MathContext(4)).stripTrailingZeros()
                .toPlainString() + " %";
    }

    /** The interval as changes, rounded outwards: "+25.1 % … +41.0 %"; "unbounded" where trials cannot bound it. */
    public static String interval(RatioEvidence e) {
        String low = e.low() <= 0 ? "unbounded" : Units.signedPercent(e.low() - 1, RoundingMode.FLOOR);
        String high = Double.isInfinite(e.high()) ? "unbounded"
                : Units.signedPercent(e.high() - 1, RoundingMode.CEILING);
        return low + " … " + high;
    }

    /** "p = 0.0040", "p = 0.12", "p < 0.0001". */
    public static String pText(double p) {
        return p < 0.0001 ? "p < 0.0001" : "p = " + p(p);
    }

    /** Two significant digits: "0.0040", "0.12"; below 0.0001, "<0.0001". */
    public static String p(double p) {
        if (p < 0.0001) {
            return "<0.0001";
        }
        return new BigDecimal(p).round(new MathContext(2, RoundingMode.HALF_UP)).stripTrailingZeros()
                .toPlainString();
    }

}

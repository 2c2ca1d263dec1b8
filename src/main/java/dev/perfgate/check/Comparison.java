package dev.perfgate.check;

import dev.perfgate.gate.Gate;
import dev.perfgate.gate.Verdict;
import dev.perfgate.result.RunResult;
import java.util.List;
import java.util.Objects;

/**
 * One run judged against its reference, evaluated once: the verdict of every gate and the root-cause candidates
 * between the two profiles. The console, result.md, result.json, index.html, the JUnit file and the job summary
 * all show this one value, for perfgate:check and perfgate:compare alike.
 *
 * @param run       the run judged
 * @param baseline  what it was compared with (the committed baseline, the baseline version measured beside it, or
 *                  the file perfgate:compare was given), or null when there is none
 * @param gates     the gates as configured; empty when a comparison only reports
 * @param verdict   every gate check and run problem
 * @param rootCause the candidates between the two profiles
 * @param notes     what the check wants said before its summary (which reference it used)
 */
public record Comparison(RunResult run, RunResult baseline, List<Gate> gates, Verdict verdict, RootCause rootCause,
        List<String> notes) implements Evaluation {

    public Comparison {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(verdict, "verdict");
        gates = List.copyOf(gates);
        rootCause = rootCause == null ? RootCause.NONE : rootCause;
        notes = List.copyOf(notes);
    }

    /** A comparison whose root cause is computed here, from the two runs' profiles. */
    public static Comparison of(RunResult run, RunResult baseline, List<Gate> gates, Verdict verdict) {
        return new Comparison(run, baseline, gates, verdict, RootCause.of(run, baseline), List.of());
    }

    Comparison withNote(String note) {
        List<String> all = new java.util.ArrayList<>(notes);
        all.add(note);
        return new Comparison(run, baseline, gates, verdict, rootCause, all);
    }
}

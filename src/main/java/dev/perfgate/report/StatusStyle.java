package dev.perfgate.report;

import dev.perfgate.gate.Status;

/**
 * How the console shows a status word: plain, or coloured by the Maven adapter when its output is a terminal. The
 * word keeps its length on screen, so tables stay aligned whatever escape codes are added around it.
 */
@FunctionalInterface
public interface StatusStyle {
    StatusStyle PLAIN = (status, word) -> word;

    String apply(Status status, String word);
}

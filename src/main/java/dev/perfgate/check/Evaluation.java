package dev.perfgate.check;

/**
 * What one check or comparison came to: a {@link Comparison} with its verdict, or a {@link NoVerdict} saying why
 * nothing could be judged. Every report and the build's outcome are written from it, and nothing is evaluated again.
 */
public sealed interface Evaluation permits Comparison, NoVerdict {
}

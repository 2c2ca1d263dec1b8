/**
 * The baseline version of the service for interleaved A/B runs: built from a git ref in a worktree under
 * {@code target/} ({@link dev.perfgate.version.GitWorktreeBuild}), resolved from a repository (the Maven side's
 * {@code BaselineVersions}), or given as a jar or a command ({@link dev.perfgate.version.ExplicitBaseline}).
 * Each {@link dev.perfgate.version.BaselineSource} turns the candidate's {@link dev.perfgate.service.ServiceSpec}
 * into the baseline's: same arguments, JVM options, readiness and JFR settings, another thing launched.
 *
 * <p>A baseline that cannot be had is a {@link dev.perfgate.version.BaselineVersionException}, never a silent pass.
 * Plain Java 17 with no Maven types.
 */
package dev.perfgate.version;

package dev.perfgate.version;

import dev.perfgate.result.RunFileException;
import dev.perfgate.result.RunJson;
import dev.perfgate.result.RunResult;
import dev.perfgate.util.Advice;
import java.nio.file.Files;
import java.nio.file.Path;

/** The git ref a {@code <baselineRef>} names. */
public final class BaselineRefs {
    /**
     * The {@code <baselineRef>} that means "the commit the committed baseline file was recorded at". A colon cannot
     * be part of a git ref name, so no branch or tag can be meant instead.
     */
    public static final String RECORDED_BASELINE_REF = ":baseline";

    private BaselineRefs() {
    }

    /**
     * The git ref to build: {@code baselineRef} itself, or for {@value #RECORDED_BASELINE_REF} the commit recorded
     * in the baseline file, so a pull request can be measured against the very version its committed numbers came
     * from.
     *
     * @throws BaselineVersionException when the file is missing, unreadable or records no commit
     */
    public static String resolve(String baselineRef, Path baselineFile) throws BaselineVersionException {
        if (baselineRef == null || !RECORDED_BASELINE_REF.equals(baselineRef.trim())) {
            return baselineRef;
        }
        String what = "<baselineRef> " + RECORDED_BASELINE_REF + " means the commit recorded in " + baselineFile
                + ", but ";
        if (!Files.exists(baselineFile)) {
            throw new BaselineVersionException(what + "there is no such file; " + Advice.recordBaseline()
                    + " and commit it, or name a git ref");
        }
        RunResult baseline;
        try {
            baseline = RunJson.read(baselineFile);
        } catch (RunFileException e) {
            throw new BaselineVersionException(what + "it cannot be read: " + e.getMessage());
        }
        String commit = baseline.gitCommit();
        if (commit == null || commit.isBlank()) {
            throw new BaselineVersionException(what + "it records no commit (it was recorded outside a git "
                    + "repository); record it again with " + Advice.RECORD_BASELINE_COMMAND + " in the repository, "
                    + "or name a git ref");
        }
        return commit;
    }
}

package dev.perfgate.run;

/** Where the core reports progress; the Mojos connect it to Maven's log. */
public interface RunLog {
    void info(String line);

    void warn(String line);

    RunLog SILENT = new RunLog() {
        @Override
        public void info(String line) {
        }

        @Override
        public void warn(String line) {
        }
    };
}

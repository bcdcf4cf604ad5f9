package org.cruddur.console.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9, defect 11: the log file in the data folder, with stack traces for the unexpected. */
class LogFileTest {

    @TempDir
    Path data;

    @Test
    void unexpectedFailuresAreLoggedWithTheirStackTraceAndExpectedOnesAsOneLine() throws Exception {
        Path file = LogFile.install(data);
        assertThat(file).isEqualTo(data.resolve("logs/console-0.log"));
        Logger log = Logger.getLogger("org.cruddur.console.ui.SomeView");
        log.info("Loading people: Table 'x' does not exist");
        log.log(Level.WARNING, "Loading people failed unexpectedly", new IllegalStateException("Connection pool shut down"));
        LogFile.uncaught(Thread.currentThread(), new NullPointerException("on the FX thread"));

        String text = Files.readString(file);
        assertThat(text).contains("INFO").contains("Loading people: Table 'x' does not exist");
        assertThat(text).contains("java.lang.IllegalStateException: Connection pool shut down")
                .contains("\tat org.cruddur.console.log.LogFileTest.");
        assertThat(text).contains("SEVERE").contains("java.lang.NullPointerException: on the FX thread");
    }
}

package org.cruddur.console.log;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The console's log file, {@code <data>/logs/console-0.log}, rotated at 1 MB over five files, for the desktop console
 * and the command line alike. Expected failures are logged as their one line; unexpected ones with their stack
 * trace, which people never see on screen. Plain java.util.logging: no extra dependency, and the SDK's own logging
 * (slf4j) stays where it was.
 */
public final class LogFile {

    /** The logger every class of the console logs under (java.util.logging names by package). */
    public static final String ROOT = "org.cruddur.console";
    private static final int LIMIT_BYTES = 1024 * 1024;
    private static final int FILES = 5;

    private static Handler installed;
    private static Path installedFor;

    private LogFile() {
    }

    /** The file being written for {@code dataDir}. */
    public static Path current(Path dataDir) {
        return folder(dataDir).resolve("console-0.log");
    }

    private static Path folder(Path dataDir) {
        return dataDir.resolve("logs");
    }

    /**
     * Sends the console's log records to the log file of {@code dataDir} (and only there: never to the terminal);
     * again for the same folder does nothing, for another folder moves the log there. Returns the current file.
     */
    public static synchronized Path install(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        Logger root = Logger.getLogger(ROOT);
        if (dir.equals(installedFor)) {
            return current(dir);
        }
        try {
            Files.createDirectories(folder(dir));
            FileHandler handler = new FileHandler(folder(dir).resolve("console-%g.log").toString(), LIMIT_BYTES, FILES, true);
            handler.setFormatter(new OneRecordFormatter());
            handler.setLevel(Level.INFO);
            if (installed != null) {
                root.removeHandler(installed);
                installed.close();
            }
            root.addHandler(handler);
            root.setUseParentHandlers(false); // the terminal gets one-line messages from the front ends, not the log
            root.setLevel(Level.INFO);
            installed = handler;
            installedFor = dir;
            return current(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the log in " + folder(dir), e);
        }
    }

    /** Logs {@code failure} that the caller could not handle, with its stack trace, and hands unexpected ones on. */
    public static void uncaught(Thread thread, Throwable failure) {
        Logger.getLogger(ROOT).log(Level.SEVERE, "Uncaught in thread " + thread.getName(), failure);
    }

    /** One record: time, level, thread, logger, message, then the stack trace when there is one. */
    static final class OneRecordFormatter extends Formatter {
        @Override
        public String format(LogRecord r) {
            StringBuilder b = new StringBuilder();
            b.append(Instant.ofEpochMilli(r.getMillis())).append(' ').append(r.getLevel().getName())
                    .append(" [").append(Thread.currentThread().getName()).append("] ")
                    .append(r.getLoggerName()).append(": ").append(formatMessage(r)).append(System.lineSeparator());
            if (r.getThrown() != null) {
                StringWriter trace = new StringWriter();
                r.getThrown().printStackTrace(new PrintWriter(trace));
                b.append(trace);
            }
            return b.toString();
        }
    }
}

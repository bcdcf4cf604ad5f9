package org.cruddur.console.service.transcripts;

import java.util.Locale;
import org.cruddur.console.service.ConsoleException;

/** The export formats and their file extensions. */
public enum TranscriptFormat {
    JSON, CSV, MD, TXT;

    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TranscriptFormat parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ConsoleException.validation("Unknown format '" + text + "' (json, csv, md or txt)");
        }
    }
}

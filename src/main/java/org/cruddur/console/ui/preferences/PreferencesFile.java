package org.cruddur.console.ui.preferences;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code preferences.json} in the config folder. Preferences are a convenience: an unreadable file falls back to
 * defaults (and the problem is reported once), and a failed save never interrupts work.
 */
public final class PreferencesFile {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private String problem;

    public PreferencesFile(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public ConsolePreferences load() {
        if (!Files.exists(file)) {
            return ConsolePreferences.defaults();
        }
        try {
            ConsolePreferences read = JSON.readValue(file.toFile(), ConsolePreferences.class);
            return read == null ? ConsolePreferences.defaults() : read;
        } catch (IOException e) {
            problem = file + ": unreadable, using defaults (" + e.getClass().getSimpleName() + ")";
            return ConsolePreferences.defaults();
        }
    }

    /** Saves; returns the problem as one line, or null. */
    public String save(ConsolePreferences preferences) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(temp.toFile(), preferences);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return null;
        } catch (IOException e) {
            return "Cannot save " + file + ": " + e.getMessage();
        }
    }

    /** The problem met while loading, or null. */
    public String loadProblem() {
        return problem;
    }
}

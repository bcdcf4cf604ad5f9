package org.cruddur.console.ui.preferences;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreferencesFileTest {

    @TempDir
    Path dir;

    @Test
    void savesAndReadsBackThemeWindowProfileAndUser() {
        PreferencesFile file = new PreferencesFile(dir.resolve("config/preferences.json"));
        assertThat(file.load()).isEqualTo(ConsolePreferences.defaults());
        ConsolePreferences prefs = ConsolePreferences.defaults().withTheme(ConsolePreferences.Theme.DARK)
                .withWindow(new ConsolePreferences.WindowBounds(10, 20, 1200, 800, false))
                .withLastProfile("local").withLastUser("5e1c0f2a-7d3b-4c6e-9a41-0b8f2d6c3e71");
        assertThat(file.save(prefs)).isNull();
        assertThat(new PreferencesFile(file.file()).load()).isEqualTo(prefs);
    }

    @Test
    void anUnreadableFileFallsBackToDefaultsAndSaysWhy() throws Exception {
        Path path = dir.resolve("preferences.json");
        Files.writeString(path, "{not json");
        PreferencesFile file = new PreferencesFile(path);
        assertThat(file.load()).isEqualTo(ConsolePreferences.defaults());
        assertThat(file.loadProblem()).contains(path.toString()).contains("unreadable");
    }
}

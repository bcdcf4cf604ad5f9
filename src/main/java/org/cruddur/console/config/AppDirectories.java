package org.cruddur.console.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the console keeps its configuration (profiles, preferences) and data (the embedded database).
 * {@code CRUDDUR_CONSOLE_HOME} moves both, so tests and scripts never touch a person's own files.
 */
public record AppDirectories(Path configDir, Path dataDir) {

    public static final String HOME_VARIABLE = "CRUDDUR_CONSOLE_HOME";
    private static final String APP = "cruddur-console";

    public static AppDirectories fromEnvironment() {
        return resolve(System.getenv(), System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")));
    }

    static AppDirectories resolve(Map<String, String> env, String osName, Path userHome) {
        String home = env.get(HOME_VARIABLE);
        if (home != null && !home.isBlank()) {
            Path root = Path.of(home).toAbsolutePath();
            return new AppDirectories(root.resolve("config"), root.resolve("data"));
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            Path appData = pathOr(env.get("APPDATA"), userHome.resolve("AppData/Roaming"));
            Path localAppData = pathOr(env.get("LOCALAPPDATA"), userHome.resolve("AppData/Local"));
            return new AppDirectories(appData.resolve("Cruddur Console"), localAppData.resolve("Cruddur Console"));
        }
        if (os.contains("mac")) {
            Path support = userHome.resolve("Library/Application Support/Cruddur Console");
            return new AppDirectories(support, support);
        }
        Path config = pathOr(env.get("XDG_CONFIG_HOME"), userHome.resolve(".config")).resolve(APP);
        Path data = pathOr(env.get("XDG_DATA_HOME"), userHome.resolve(".local/share")).resolve(APP);
        return new AppDirectories(config, data);
    }

    private static Path pathOr(String value, Path fallback) {
        return value == null || value.isBlank() ? fallback : Path.of(value);
    }

    public Path profilesFile() {
        return configDir.resolve("profiles.json");
    }

    public Path preferencesFile() {
        return configDir.resolve("preferences.json");
    }

    public Path embeddedDatabaseDir() {
        return dataDir.resolve("dynamodb-local-data");
    }
}

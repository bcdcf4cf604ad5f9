package org.cruddur.console.about;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version and name from the pom, filtered into version.properties at build time. */
public final class AppVersion {

    private static final Properties PROPERTIES = load();

    private AppVersion() {
    }

    public static String version() {
        return PROPERTIES.getProperty("version", "dev");
    }

    public static String name() {
        return PROPERTIES.getProperty("name", "Cruddur Messages Console");
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = AppVersion.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException ignored) {
            // the defaults above apply
        }
        return p;
    }
}

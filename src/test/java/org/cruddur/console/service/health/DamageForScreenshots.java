package org.cruddur.console.service.health;

import org.cruddur.console.config.AppDirectories;
import org.cruddur.console.config.ConnectionProfile;
import org.cruddur.console.service.table.MessagesTable;

/**
 * Writes the backend's damage (see {@link DamagedTable}) into the embedded profile's table of
 * {@code CRUDDUR_CONSOLE_HOME}, so that installer/screenshots.sh can show the Health pane on damaged data.
 */
public final class DamageForScreenshots {

    private DamageForScreenshots() {
    }

    public static void main(String[] args) {
        AppDirectories dirs = AppDirectories.fromEnvironment();
        try (MessagesTable table = MessagesTable.open(ConnectionProfile.EMBEDDED, dirs, false, s -> { })) {
            new DamagedTable(table).damaged();
        }
        System.out.println("wrote the backend's damage into the embedded table");
    }
}

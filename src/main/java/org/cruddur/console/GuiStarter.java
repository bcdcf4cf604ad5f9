package org.cruddur.console;

import org.cruddur.console.config.AppDirectories;
import org.cruddur.console.config.ConnectionProfile;
import org.cruddur.console.config.ProfileStore;
import org.cruddur.console.service.EmbeddedDynamoDbLocal;
import org.cruddur.console.ui.preferences.PreferencesFile;

/** Opens the desktop console; kept apart so the CLI path never touches JavaFX classes. */
final class GuiStarter {

    private GuiStarter() {
    }

    static void start() {
        org.cruddur.console.ui.StartupTimes.mark("launcher");
        Thread early = new Thread(() -> prestartEmbedded(AppDirectories.fromEnvironment()), "prestart-dynamodb-local");
        early.setDaemon(true);
        early.start();
        javafx.application.Application.launch(org.cruddur.console.ui.ConsoleApp.class);
    }

    /** When the console will open on an embedded profile (the last one used, else the default), start its server now. */
    private static void prestartEmbedded(AppDirectories dirs) {
        try {
            String last = new PreferencesFile(dirs.preferencesFile()).load().lastProfile();
            ConnectionProfile first = last == null ? ConnectionProfile.EMBEDDED
                    : ProfileStore.load(dirs.profilesFile()).find(last).orElse(ConnectionProfile.EMBEDDED);
            if (first.kind() == ConnectionProfile.Kind.EMBEDDED) {
                EmbeddedDynamoDbLocal.prestart(dirs.dataDir());
                org.cruddur.console.ui.StartupTimes.mark("DynamoDB Local spawned");
            }
        } catch (RuntimeException ignored) {
            // only a head start: the console connects, and reports problems, as usual
        }
    }
}

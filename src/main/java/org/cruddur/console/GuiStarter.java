package org.cruddur.console;

/** Opens the desktop console; kept apart so the CLI path never touches JavaFX classes. */
final class GuiStarter {

    private GuiStarter() {
    }

    static void start() {
        org.cruddur.console.ui.startup.StartupTimes.mark("launcher");
        org.cruddur.console.ui.ConsoleApp.prestartBeforeTheToolkit();
        javafx.application.Application.launch(org.cruddur.console.ui.ConsoleApp.class);
    }
}

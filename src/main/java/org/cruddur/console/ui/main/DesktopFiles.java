package org.cruddur.console.ui.main;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.cruddur.console.service.ConsoleException;
import org.cruddur.console.ui.background.BackgroundWork;
import org.cruddur.console.ui.background.LatestRequest;

/**
 * Opens what finished work wrote with the desktop's own applications: the file, or the folder holding it. Off the FX
 * thread, since the desktop may take seconds to answer; where it cannot open things (no desktop session, as under a
 * bare X server) the person gets one line saying so.
 */
final class DesktopFiles {

    private final LatestRequest opening;

    DesktopFiles(BackgroundWork work, Consumer<Throwable> report) {
        this.opening = new LatestRequest(work, report);
    }

    /** Opens {@code file} (or a folder) in the application the desktop uses for it. */
    void open(Path file) {
        opening.run("Opening " + file.getFileName(), progress -> {
            openWithDesktop(file);
            return file;
        }, opened -> { });
    }

    /** Shows the folder that holds {@code file} (a folder itself is shown as it is). */
    void showInFolder(Path file) {
        Path folder = Files.isDirectory(file) || file.getParent() == null ? file : file.getParent();
        opening.run("Opening " + folder, progress -> {
            openWithDesktop(folder);
            return folder;
        }, opened -> { });
    }

    private static void openWithDesktop(Path target) {
        if (GraphicsEnvironment.isHeadless() || !Desktop.isDesktopSupported()
                || !Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
            throw new ConsoleException(ConsoleException.Kind.OTHER,
                    "This desktop cannot open files for the console; the file is at " + target);
        }
        try {
            Desktop.getDesktop().open(target.toFile());
        } catch (IOException | IllegalArgumentException | UnsupportedOperationException e) {
            throw new ConsoleException(ConsoleException.Kind.OTHER, "The desktop could not open " + target + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }
}

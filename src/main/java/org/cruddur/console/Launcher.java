package org.cruddur.console;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.cruddur.console.cli.ConsoleCommand;
import org.cruddur.console.config.AppDirectories;

/**
 * Entry point: with arguments it runs the command line; with none it opens the desktop console. A plain class (not
 * an Application subclass) so JavaFX starts from the classpath, and the CLI never loads the toolkit.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            GuiStarter.start();
            return;
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(ConsoleCommand.run(AppDirectories.fromEnvironment(), out, err, args));
    }
}

package org.cruddur.console.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.cruddur.console.service.table.MessagesTable;
import picocli.CommandLine;

/** A subcommand that works on the table the global options name: opens it, runs, closes it. */
abstract class TableCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The root command, whose global options say which table to open. */
    abstract ConsoleCommand root();

    abstract void run(MessagesTable table);

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /**
     * A usage error found before the table is opened (a bad TIME, zone or format): its one line, or null when
     * the options are fine. The command then exits 2 with that line on stderr and nothing written.
     */
    String usageError() {
        return null;
    }

    @Override
    public Integer call() {
        String usage = usageError();
        if (usage != null) {
            err().println("error: " + usage);
            err().flush();
            return 2;
        }
        try (MessagesTable table = root().open()) {
            run(table);
        }
        out().flush();
        return 0;
    }
}

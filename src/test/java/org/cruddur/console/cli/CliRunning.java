package org.cruddur.console.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.cruddur.console.config.AppDirectories;
import org.cruddur.console.testing.LocalDynamoDb;
import org.junit.jupiter.api.BeforeEach;

/** Runs the real CLI in-process on a fresh table of the in-process DynamoDB Local and keeps what it printed. */
abstract class CliRunning {

    static final ObjectMapper JSON = new ObjectMapper();

    record Result(int code, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }
    }

    AppDirectories dirs;
    String table;

    /** The prefix of this test class's table names. */
    abstract String tablePrefix();

    @BeforeEach
    void setUpCli() {
        dirs = LocalDynamoDb.dirs();
        table = LocalDynamoDb.uniqueTable(tablePrefix());
    }

    /** The command on this test's table, through {@code --endpoint} and {@code --table}. */
    Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("--endpoint", LocalDynamoDb.endpoint(), "--table", table));
        all.addAll(List.of(args));
        return runRaw(all.toArray(String[]::new));
    }

    Result runRaw(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ConsoleCommand.run(dirs, new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }
}

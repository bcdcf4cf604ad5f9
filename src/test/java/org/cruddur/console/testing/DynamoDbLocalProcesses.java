package org.cruddur.console.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The operating system's view of the embedded DynamoDB Local processes, for the lifetime checks of tests and benchmarks. */
public final class DynamoDbLocalProcesses {

    private DynamoDbLocalProcesses() {
    }

    /** Every running DynamoDB Local process, of any parent, serving {@code dataDir}'s database. */
    public static List<ProcessHandle> on(Path dataDir) {
        String dbPath = dataDir.resolve("dynamodb-local-data").toAbsolutePath().normalize().toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(args -> Arrays.asList(args).contains(dbPath)).orElse(false))
                .filter(p -> !exited(p))
                .toList();
    }

    /**
     * Exited: no such process, or (Linux) a zombie. An orphan's exit status waits for PID 1 to reap it, which in
     * this sandbox happens only about 2 s later; a zombie holds no memory, port or file.
     */
    public static boolean exited(ProcessHandle process) {
        if (Files.isReadable(Path.of("/proc/self/stat"))) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
                return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
            } catch (NoSuchFileException gone) {
                return true;
            } catch (IOException e) {
                return !process.isAlive();
            }
        }
        return !process.isAlive();
    }
}

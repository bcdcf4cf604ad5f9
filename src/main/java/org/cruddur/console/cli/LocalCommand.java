package org.cruddur.console.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.cruddur.console.service.ConsoleException;
import org.cruddur.console.service.dynamodblocal.DynamoDbLocalInstall;
import org.cruddur.console.service.dynamodblocal.DynamoDbLocalInstall.LicensedDownload;
import org.cruddur.console.service.dynamodblocal.DynamoDbLocalInstall.Progress;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ddb local ...}: the embedded profile's DynamoDB Local, which the packages may not contain. */
@Command(name = "local", mixinStandardHelpOptions = true,
        description = "DynamoDB Local for the embedded profile: where it is, and installing it (from your copy, or from Maven Central after you accept AWS's license).",
        subcommands = {LocalCommand.Status.class, LocalCommand.Install.class})
public final class LocalCommand extends CommandGroup {

    /** How much of the license a non-interactive run prints before asking for --accept-license. */
    static final int LICENSE_PREVIEW_LINES = 6;

    @ParentCommand
    DdbCommand ddb;

    DynamoDbLocalInstall install() {
        return DynamoDbLocalInstall.forDataDir(ddb.root.dirs().dataDir());
    }

    @Command(name = "status", description = "Where DynamoDB Local is found, and where it would come from.")
    static final class Status implements Callable<Integer> {
        @ParentCommand
        LocalCommand local;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            DynamoDbLocalInstall install = local.install();
            Optional<Path> found = install.locate();
            out.println("DynamoDB Local:   " + found.map(dir -> "found in " + dir).orElse("not installed (run 'ddb local install')"));
            found.map(dir -> dir.resolve(DynamoDbLocalInstall.LICENSE_COPY)).filter(java.nio.file.Files::isRegularFile)
                    .ifPresent(license -> out.println("license:          " + license));
            out.println("install folder:   " + install.installDir() + (install.isInstalled() ? " (installed)" : " (empty)"));
            out.println("local Maven copy: " + install.localMavenCopy().map(Path::toString).orElse("none"));
            out.printf(Locale.ROOT, "download:         %s from %s (%d files, %.1f MB)%n", install.coordinates(), install.repository(),
                    install.fileCount(), install.downloadSize() / 1e6);
            out.flush();
            return 0;
        }
    }

    @Command(name = "install", description = {
        "Install DynamoDB Local for the embedded profile into the data folder.",
        "With --from, copies your folder (or Maven repository). Otherwise copies it from your local Maven repository when that holds it, "
                + "else downloads it from Maven Central after showing AWS's license: accept it on the terminal, or with --accept-license."})
    static final class Install implements Callable<Integer> {
        @ParentCommand
        LocalCommand local;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--accept-license", description = "You have read AWS's DynamoDB Local license and accept it (for scripts).")
        boolean acceptLicense;

        @Option(names = "--from", paramLabel = "DIR", description = "A folder holding DynamoDBLocal*.jar and its dependencies, or a Maven repository.")
        Path from;

        @Option(names = "--download", description = "Download from Maven Central even when your local Maven repository has a copy.")
        boolean download;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            DynamoDbLocalInstall install = local.install();
            Progress progress = new PercentProgress(spec.commandLine().getErr());
            if (from != null) {
                Path dir = install.installFrom(from, progress, () -> false);
                out.println("Installed DynamoDB Local from " + from + " into " + dir);
                return 0;
            }
            // Only the install folder counts here: a copy found elsewhere (CRUDDUR_DYNAMODB_LOCAL, a build's
            // target/dynamodb-local) may go away, and installing beside it does no harm.
            if (install.isInstalled()) {
                out.println("DynamoDB Local is already installed: " + install.installDir());
                return 0;
            }
            Optional<Path> mavenCopy = download ? Optional.empty() : install.localMavenCopy();
            if (mavenCopy.isPresent()) {
                Path dir = install.installFromMavenRepository(mavenCopy.get(), progress, () -> false);
                out.println("Installed DynamoDB Local (" + install.coordinates() + ") from your local Maven repository "
                        + mavenCopy.get() + " into " + dir + "; AWS's license: " + dir.resolve(DynamoDbLocalInstall.LICENSE_COPY));
                return 0;
            }
            try (LicensedDownload pending = install.startDownload(progress, () -> false)) {
                if (!acceptLicense && !askForConsent(pending, out)) {
                    return 1;
                }
                Path dir = pending.install(new PercentProgress(spec.commandLine().getErr()), () -> false);
                out.println("Installed DynamoDB Local (" + install.coordinates() + ") from " + install.repository() + " into " + dir
                        + "; AWS's license: " + dir.resolve(DynamoDbLocalInstall.LICENSE_COPY));
                return 0;
            }
        }

        /** On a terminal: the whole license and a question. Without one (scripts, CI): a preview and how to accept. */
        private boolean askForConsent(LicensedDownload pending, PrintWriter out) {
            Console console = System.console();
            if (console == null) {
                List<String> lines = pending.licenseText().lines().toList();
                out.println("DynamoDB Local is licensed by AWS under its own terms (LICENSE.txt inside " + pending.licenseSource() + "):");
                out.println();
                lines.stream().limit(LICENSE_PREVIEW_LINES).forEach(out::println);
                if (lines.size() > LICENSE_PREVIEW_LINES) {
                    out.println("[… " + (lines.size() - LICENSE_PREVIEW_LINES) + " more lines in LICENSE.txt inside " + pending.licenseSource() + "]");
                }
                out.flush();
                throw ConsoleException.validation("AWS's DynamoDB Local license was not accepted, so nothing was installed: "
                        + "read it, then run 'ddb local install --accept-license'");
            }
            out.println(pending.licenseText());
            out.flush();
            String answer = console.readLine("Do you accept AWS's DynamoDB Local license? Type 'yes' to install it: ");
            if (answer != null && answer.strip().equalsIgnoreCase("yes")) {
                return true;
            }
            spec.commandLine().getErr().println("License not accepted: nothing was installed");
            return false;
        }
    }

    /** Progress on stderr, one line per 10 %, so logs stay short. */
    static final class PercentProgress implements Progress {
        private final PrintWriter err;
        private long lastTenth = -1;

        PercentProgress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public synchronized void update(String step, long done, long total) {
            long tenth = total <= 0 ? 0 : done * 10 / total;
            if (tenth > lastTenth) {
                lastTenth = tenth;
                err.printf(Locale.ROOT, "local: %s (%.1f / %.1f MB, %d%%)%n", step, done / 1e6, total / 1e6, tenth * 10);
                err.flush();
            }
        }
    }
}

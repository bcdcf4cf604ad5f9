package org.cruddur.console.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cruddur.console.service.ConsoleException;
import org.cruddur.console.service.table.MessagesTable;
import org.cruddur.console.service.json.SdkJson;
import org.cruddur.console.service.capacity.ReadCapacityBudget;
import org.cruddur.console.service.health.ConversationWrite;
import org.cruddur.console.service.health.Finding;
import org.cruddur.console.service.health.FindingKind;
import org.cruddur.console.service.health.HealthProgress;
import org.cruddur.console.service.health.HealthReport;
import org.cruddur.console.service.health.RepairReport;
import org.cruddur.console.service.health.TableHealth;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code ddb check} and {@code ddb repair}: table health from the command line. */
final class HealthCommands {

    /** Exit status of {@code check} when an error or warning was found. */
    static final int PROBLEMS_FOUND = 3;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private HealthCommands() {
    }

    /** The options both commands share: pacing and JSON. */
    abstract static class HealthSub extends DdbCommand.Sub {
        @Option(names = "--max-rcu", paramLabel = "N", description = "Read capacity per second the scan may use (default: on AWS half"
                + " the table's provisioned read capacity, on-demand 100; elsewhere unpaced).")
        Double maxRcu;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        ReadCapacityBudget budget(MessagesTable table) {
            return ReadCapacityBudget.forSession(table.session(), maxRcu);
        }

        /** Usage errors (exit 2) are found before anything is opened. */
        void validate() {
            if (maxRcu != null && !(maxRcu > 0 && maxRcu < Double.POSITIVE_INFINITY)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--max-rcu must be a positive number, not " + maxRcu);
            }
        }

        HealthProgress progress() {
            long[] shown = {-1};
            return (phase, done, total, rate, consumed) -> {
                long tenth = total <= 0 ? 0 : Math.min(10, done * 10 / total);
                synchronized (shown) {
                    if (tenth > shown[0]) {
                        shown[0] = tenth;
                        err().printf(Locale.ROOT, "%s: %d / ~%d (%.1f RCU/s, %.1f RCU consumed)%n", phase, done, total, rate, consumed);
                        err().flush();
                    }
                }
            };
        }

        /** Like {@link TableCommand#call()}, with the command's own exit status. */
        @Override
        public Integer call() {
            validate();
            int code;
            try (MessagesTable table = root().open()) {
                code = runWithStatus(table);
            }
            out().flush();
            return code;
        }

        @Override
        final void run(MessagesTable table) {
            runWithStatus(table);
        }

        abstract int runWithStatus(MessagesTable table);

        void summary(HealthReport report, String what) {
            err().printf(Locale.ROOT, "%s: %d items, %d conversations, %.1f RCU consumed%n", what, report.itemsScanned(),
                    report.conversations(), report.consumedCapacity());
        }
    }

    @Command(name = "check", description = "Find what the backend leaves broken (whole-table scan, paced). Exit 3 when an error or warning is found.")
    static final class Check extends HealthSub {
        @Override
        int runWithStatus(MessagesTable table) {
            ReadCapacityBudget budget = budget(table);
            HealthReport report = new TableHealth(table.session(), table.users()::find).check(budget, progress(), () -> false);
            if (json) {
                out().println(SdkJson.pretty(checkJson(report)));
            } else {
                printReadable(report);
            }
            summary(report, "check");
            return report.hasProblems() ? PROBLEMS_FOUND : 0;
        }

        private void printReadable(HealthReport report) {
            out().printf(Locale.ROOT, "%d items, %d conversations: %s%n", report.itemsScanned(), report.conversations(),
                    report.total() == 0 ? "healthy" : report.total() + " findings");
            for (FindingKind kind : FindingKind.values()) {
                long n = report.counts().getOrDefault(kind, 0L);
                if (n > 0) {
                    out().printf(Locale.ROOT, "  %-24s %-8s %6d%s%n", kind.code(), kind.severity().code(), n,
                            FindingKind.GROUP_ROW_KINDS.contains(kind) ? "  (ddb repair fixes)" : "");
                }
            }
            if (!report.findings().isEmpty()) {
                out().println();
            }
            for (Finding f : report.findings()) {
                out().println(f.severity().code() + "  " + f.kind().code() + "  " + (f.messageGroupUuid() == null ? "-" : f.messageGroupUuid())
                        + "  " + f.pk() + " / " + f.sk() + ": " + f.detail() + (f.repairable() ? " [repairable]" : ""));
            }
            if (report.unlisted() > 0) {
                out().println("(" + report.unlisted() + " more findings counted but not listed)");
            }
        }
    }

    static ObjectNode checkJson(HealthReport report) {
        ObjectNode o = NODES.objectNode();
        o.put("items_scanned", report.itemsScanned());
        o.put("conversations", report.conversations());
        ArrayNode findings = o.putArray("findings");
        for (Finding f : report.findings()) {
            ObjectNode n = findings.addObject();
            n.put("kind", f.kind().code());
            n.put("severity", f.severity().code());
            n.put("message_group_uuid", f.messageGroupUuid());
            n.put("pk", f.pk());
            n.put("sk", f.sk());
            n.put("detail", f.detail());
            n.put("repairable", f.repairable());
        }
        ObjectNode counts = o.putObject("counts");
        for (FindingKind kind : FindingKind.values()) {
            counts.put(kind.code(), report.counts().getOrDefault(kind, 0L));
        }
        return o;
    }

    @Command(name = "repair", description = "Fix the group rows (duplicate, stale, missing, orphan): one transaction per conversation; never changes a message.")
    static final class Repair extends HealthSub {
        @Option(names = "--dry-run", description = "Write nothing; print the plan.")
        boolean dryRun;

        @Option(names = "--kinds", paramLabel = "KIND,...", description = "Only these kinds (default all four: duplicate_group_row,"
                + " stale_group_row, missing_group_row, orphan_group_row).")
        String kinds;

        Set<FindingKind> chosen;

        @Override
        void validate() {
            super.validate();
            try {
                chosen = kinds == null ? FindingKind.GROUP_ROW_KINDS : FindingKind.repairKinds(kinds);
            } catch (ConsoleException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--kinds: " + e.getMessage());
            }
        }

        @Override
        int runWithStatus(MessagesTable table) {
            ReadCapacityBudget budget = budget(table);
            RepairReport report = new TableHealth(table.session(), table.users()::find).repair(chosen, dryRun, budget, progress(), () -> false);
            if (json) {
                ObjectNode o = NODES.objectNode();
                ArrayNode writes = o.putArray("writes");
                for (ConversationWrite w : report.writes()) {
                    ObjectNode n = writes.addObject();
                    n.put("message_group_uuid", w.messageGroupUuid());
                    ArrayNode delete = n.putArray("delete");
                    w.delete().forEach(k -> delete.add(SdkJson.plainJson(k)));
                    ArrayNode put = n.putArray("put");
                    w.put().forEach(i -> put.add(SdkJson.plainJson(i)));
                }
                if (!dryRun) {
                    o.put("retries", report.retries());
                    ArrayNode skipped = o.putArray("skipped");
                    report.skipped().forEach(skipped::add);
                }
                out().println(SdkJson.pretty(o));
            } else {
                printReadable(report);
            }
            report.skipped().forEach(s -> err().println("skipped " + s));
            summary(report.before(), dryRun ? "repair --dry-run" : "repair");
            return 0;
        }

        private void printReadable(RepairReport report) {
            String verb = report.dryRun() ? "would " : "";
            if (report.writes().isEmpty()) {
                out().println("Nothing to repair");
            }
            for (ConversationWrite w : report.writes()) {
                out().println("conversation " + w.messageGroupUuid() + ":");
                w.delete().forEach(k -> out().println("  " + verb + "delete " + key(k)));
                w.put().forEach(i -> out().println("  " + verb + "put    " + key(i) + "  " + SdkJson.compact(SdkJson.plainJson(i))));
            }
            out().printf(Locale.ROOT, "%s%d conversations: %d rows deleted, %d rows put%s%n", report.dryRun() ? "Dry run, would repair " : "Repaired ",
                    report.writes().size(), report.rowsDeleted(), report.rowsPut(),
                    report.retries() > 0 ? " (" + report.retries() + " re-reads after concurrent posts)" : "");
        }

        private static String key(Map<String, AttributeValue> item) {
            return item.get("pk").s() + " / " + item.get("sk").s();
        }
    }
}

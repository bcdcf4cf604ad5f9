package org.cruddur.console.service.health;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.cruddur.console.service.session.ConflictRetry;
import org.cruddur.console.service.items.ChatUser;
import org.cruddur.console.service.ConsoleException;
import org.cruddur.console.service.session.DynamoSession;
import org.cruddur.console.service.items.MessagesSchema;
import org.cruddur.console.service.items.TableItems;
import org.cruddur.console.service.table.TableScanner;
import org.cruddur.console.service.capacity.ReadCapacityBudget;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Table health: {@link #check} finds what the Cruddur backend leaves broken, {@link #repair} fixes the group rows.
 *
 * <p>The check streams one whole-table parallel scan, paced by a read-capacity budget, and keeps only per-conversation
 * summaries. The repair starts from a check, then re-reads each conversation to repair and writes it in one
 * TransactWriteItems with a condition on every key, so that a post landing meanwhile wins: the repair is cancelled,
 * re-reads and tries again. It never writes a message item.
 */
public final class TableHealth {

    /** DynamoDB's limit of items in one transaction. */
    static final int MAX_TRANSACTION_ITEMS = 100;

    private final DynamoSession session;
    private final ConversationReader reader;
    private final Function<String, Optional<ChatUser>> people;

    /** {@code people} names those a conversation's items do not (e.g. the user directory's {@code find}). */
    public TableHealth(DynamoSession session, Function<String, Optional<ChatUser>> people) {
        this.session = session;
        this.reader = new ConversationReader(session);
        this.people = people;
    }

    public TableHealth(DynamoSession session) {
        this(session, uuid -> Optional.empty());
    }

    /** A whole-table check within {@code budget}; cancellable (a CANCELLED ConsoleException). */
    public HealthReport check(ReadCapacityBudget budget, HealthProgress progress, BooleanSupplier cancelled) {
        return scan(FindingKind.GROUP_ROW_KINDS, budget, progress, cancelled).report();
    }

    private record Scanned(HealthReport report, Map<String, ConversationRules.Verdict> toRepair) {
    }

    private Scanned scan(Set<FindingKind> kinds, ReadCapacityBudget budget, HealthProgress progress, BooleanSupplier cancelled) {
        FindingList findings = new FindingList();
        HealthScan scan = new HealthScan(findings);
        new TableScanner(session).scanAll(TableScanner.AUTO_SEGMENTS, null, scan::accept,
                (scanned, matched, total) -> progress.update("scan", scanned, total, budget.recentRate(), budget.consumedTotal()),
                cancelled, budget);
        Map<String, ConversationRules.Verdict> toRepair = new LinkedHashMap<>();
        for (ConversationSummary c : scan.conversations().values()) {
            ConversationRules.Verdict verdict = ConversationRules.judge(c, kinds, people);
            verdict.findings().forEach(findings::add);
            findings.countOnly(FindingKind.SENDER_NOT_PARTICIPANT, verdict.unlistedSenderMessages());
            if (!verdict.write().isEmpty()) {
                toRepair.put(c.groupUuid, verdict);
            }
        }
        HealthReport report = new HealthReport(scan.items(), scan.conversations().size(), findings.sorted(), findings.counts(),
                budget.consumedTotal());
        return new Scanned(report, toRepair);
    }

    /**
     * Repairs the group-row {@code kinds}: each conversation ends with exactly one group row per participant, at its
     * newest message, in pattern D's shape. {@code dryRun}: the same reads, nothing written, the plan returned.
     */
    public RepairReport repair(Set<FindingKind> kinds, boolean dryRun, ReadCapacityBudget budget, HealthProgress progress,
                               BooleanSupplier cancelled) {
        if (!dryRun) {
            session.requireWrites("repair");
        }
        Scanned scanned = scan(kinds, budget, progress, cancelled);
        List<ConversationWrite> writes = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int[] retries = {0};
        int done = 0;
        for (Map.Entry<String, ConversationRules.Verdict> e : scanned.toRepair().entrySet()) {
            if (cancelled.getAsBoolean()) {
                throw new ConsoleException(ConsoleException.Kind.CANCELLED, "Repair cancelled after " + done + " of "
                        + scanned.toRepair().size() + " conversations");
            }
            try {
                writes.addAll(repairOne(e.getKey(), e.getValue().participants(), kinds, dryRun, budget, cancelled, retries));
            } catch (ConsoleException tooBig) {
                if (tooBig.kind() != ConsoleException.Kind.VALIDATION) {
                    throw tooBig;
                }
                skipped.add(e.getKey() + ": " + tooBig.getMessage());
            }
            done++;
            progress.update("repair", done, scanned.toRepair().size(), budget.recentRate(), budget.consumedTotal());
        }
        return new RepairReport(scanned.report(), writes, retries[0], skipped, dryRun);
    }

    private List<ConversationWrite> repairOne(String groupUuid, Set<String> participants, Set<FindingKind> kinds, boolean dryRun,
                                              ReadCapacityBudget budget, BooleanSupplier cancelled, int[] retries) {
        List<ConversationWrite> applied = new ArrayList<>();
        for (int attempt = 1; ; attempt++) {
            ConversationSummary fresh = reader.read(groupUuid, participants, budget, cancelled);
            ConversationWrite write = ConversationRules.judge(fresh, kinds, people).write();
            if (write.isEmpty()) {
                return applied;
            }
            if (write.transactionSize() > MAX_TRANSACTION_ITEMS) {
                throw ConsoleException.validation("needs " + write.transactionSize() + " items in one transaction (at most "
                        + MAX_TRANSACTION_ITEMS + "); not repaired");
            }
            if (dryRun) {
                applied.add(write);
                return applied;
            }
            try {
                transact(write);
                applied.add(write);
            } catch (TransactionCanceledException conflict) {
                retries[0]++;
                giveUpOrBackoff(attempt, groupUuid);
                continue;
            }
            // a post after our reads commits without touching our keys only when it added rows we did not read;
            // look again, and the next round removes whatever that left behind
            if (!reader.hasMessageAfter(groupUuid, write.newestSk())) {
                return applied;
            }
            retries[0]++;
            giveUpOrBackoff(attempt, groupUuid);
        }
    }

    private void transact(ConversationWrite w) {
        List<TransactWriteItem> items = new ArrayList<>();
        String table = session.tableName();
        for (Map<String, AttributeValue> key : w.delete()) {
            items.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key)
                    .conditionExpression("attribute_exists(pk)").build()).build());
        }
        for (Map<String, AttributeValue> item : w.put()) {
            boolean replaces = w.replacing().stream().anyMatch(k -> Objects.equals(k, TableItems.keyOf(item)));
            items.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                    .conditionExpression(replaces ? "attribute_exists(pk)" : "attribute_not_exists(pk)").build()).build());
        }
        for (Map<String, AttributeValue> key : w.unchanged()) {
            items.add(TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table).key(key)
                    .conditionExpression("attribute_exists(pk)").build()).build());
        }
        try {
            session.call(c -> c.transactWriteItems(t -> t.transactItems(items)));
        } catch (ConsoleException e) {
            if (e.getCause() instanceof TransactionCanceledException tce && ConflictRetry.isConflict(tce)) {
                throw tce;
            }
            throw e;
        }
    }

    private static void giveUpOrBackoff(int attempt, String groupUuid) {
        ConflictRetry.giveUpOrBackoff(attempt,
                n -> "Conversation " + groupUuid + " kept changing during its repair: gave up after " + n + " attempts; try again",
                "Repair cancelled");
    }

    /**
     * The raw items behind a finding: its own item when it exists, and for conversation findings every group row of
     * the conversation (what a person needs to see beside it).
     */
    public List<Map<String, AttributeValue>> rawItems(Finding finding) {
        Map<String, Map<String, AttributeValue>> items = new LinkedHashMap<>();
        if (finding.pk() != null && finding.sk() != null) {
            Map<String, AttributeValue> item = session.call(c -> c.getItem(g -> g.tableName(session.tableName())
                    .key(TableItems.key(finding.pk(), finding.sk())).consistentRead(true))).item();
            if (item != null && !item.isEmpty()) {
                items.put(ConversationReader.keyText(item), item);
            }
        }
        if (finding.messageGroupUuid() != null && (FindingKind.GROUP_ROW_KINDS.contains(finding.kind())
                || finding.kind() == FindingKind.PARTICIPANT_MISMATCH || finding.kind() == FindingKind.SELF_CONVERSATION)) {
            session.call(c -> {
                c.queryPaginator(QueryRequest.builder().tableName(session.tableName()).indexName(MessagesSchema.GSI_NAME)
                        .keyConditionExpression("message_group_uuid = :g")
                        .expressionAttributeValues(Map.of(":g", AttributeValue.fromS(finding.messageGroupUuid())))
                        .build()).items().forEach(item -> items.putIfAbsent(ConversationReader.keyText(item), item));
                return null;
            });
        }
        return List.copyOf(items.values());
    }
}

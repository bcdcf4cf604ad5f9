package org.cruddur.console.service.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.cruddur.console.config.ConnectionProfile;
import org.cruddur.console.service.items.ChatUser;
import org.cruddur.console.service.ConsoleException;
import org.cruddur.console.service.session.DynamoSession;
import org.cruddur.console.service.items.MessageGroupRow;
import org.cruddur.console.service.items.MessageRow;
import org.cruddur.console.service.table.MessagesTable;
import org.cruddur.console.service.seeding.SeedUsers;
import org.cruddur.console.service.items.TableItems;
import org.cruddur.console.service.capacity.ReadCapacityBudget;
import org.cruddur.console.testing.LocalDynamoDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Repair on real DynamoDB Local: fixes every repairable kind, never touches a message, dry-run and re-runs write nothing. */
class TableHealthRepairTest {

    MessagesTable table;
    DamagedTable t;
    TableHealth health;

    @BeforeEach
    void setUp() {
        table = LocalDynamoDb.freshTable("repair");
        t = new DamagedTable(table).healthy().damaged();
        health = new TableHealth(table.session(), table.users()::find);
    }

    @AfterEach
    void close() {
        table.close();
    }

    private RepairReport repair(boolean dryRun) {
        return health.repair(FindingKind.GROUP_ROW_KINDS, dryRun, ReadCapacityBudget.unpaced(), HealthProgress.NONE, () -> false);
    }

    private HealthReport check() {
        return health.check(ReadCapacityBudget.unpaced(), HealthProgress.NONE, () -> false);
    }

    @Test
    void repairFixesEveryRepairableKindAndTouchesNoMessage() {
        Map<String, Map<String, AttributeValue>> messagesBefore = t.messages();
        Map<String, Map<String, AttributeValue>> healthyBefore = rowsOf(t.healthyA, t.healthyB);
        HealthReport before = check();
        List<Finding> repairable = before.findings().stream().filter(Finding::repairable).toList();
        assertThat(repairable).extracting(Finding::kind).contains(FindingKind.DUPLICATE_GROUP_ROW, FindingKind.STALE_GROUP_ROW,
                FindingKind.MISSING_GROUP_ROW, FindingKind.ORPHAN_GROUP_ROW, FindingKind.SELF_CONVERSATION);

        RepairReport report = repair(false);
        assertThat(report.writes()).extracting(ConversationWrite::messageGroupUuid).containsExactlyInAnyOrder(
                t.duplicate, t.stale, t.missingOne, t.missingBoth, t.orphan, t.self);

        HealthReport after = check();
        assertThat(after.findings()).noneMatch(Finding::repairable);
        for (FindingKind kind : FindingKind.GROUP_ROW_KINDS) {
            assertThat(after.counts().get(kind)).as(kind.code()).isZero();
        }
        assertThat(after.counts().get(FindingKind.SELF_CONVERSATION)).isZero();
        // what repair does not fix is still reported
        assertThat(after.findings()).extracting(Finding::kind).contains(FindingKind.PARTICIPANT_MISMATCH,
                FindingKind.SENDER_NOT_PARTICIPANT, FindingKind.BAD_TIMESTAMP, FindingKind.MISSING_ATTRIBUTE, FindingKind.BAD_KEY);

        assertThat(t.messages()).isEqualTo(messagesBefore);
        assertThat(rowsOf(t.healthyA, t.healthyB)).isEqualTo(healthyBefore);
        for (String group : List.of(t.duplicate, t.stale, t.missingOne, t.missingBoth, t.self)) {
            assertOneRowPerParticipantAtNewest(table, group);
        }
        assertThat(rowsOf(t.orphan)).isEmpty();
        // the rows are pattern D's shape, naming the other participant as the table knows them
        MessageGroupRow tobisRow = table.inbox().all(DamagedTable.TOBI.uuid()).rows().stream()
                .filter(r -> r.messageGroupUuid().equals(t.missingBoth)).findFirst().orElseThrow();
        assertThat(tobisRow.otherUserUuid()).isEqualTo(DamagedTable.INES.uuid());
        assertThat(tobisRow.otherUserHandle()).isEqualTo("ines");
        assertThat(tobisRow.lastMessage()).isEqualTo("Yes!");
    }

    @Test
    void dryRunWritesNothingAndPlansWhatRepairWrites() {
        Map<String, Map<String, AttributeValue>> before = t.snapshot();
        RepairReport plan = repair(true);
        assertThat(t.snapshot()).isEqualTo(before);
        assertThat(plan.dryRun()).isTrue();
        assertThat(plan.writes()).isNotEmpty();
        assertThat(plan.writes()).allSatisfy(w -> {
            assertThat(w.put()).allSatisfy(item -> assertThat(TableItems.isGroupItem(item)).isTrue());
            assertThat(w.delete()).allSatisfy(key -> assertThat(TableItems.text(key, "pk")).startsWith("GRP#"));
        });
        ConversationWrite dup = plan.writes().stream().filter(w -> w.messageGroupUuid().equals(t.duplicate)).findFirst().orElseThrow();
        assertThat(dup.delete()).containsExactly(TableItems.keyOf(t.duplicateRow));
        assertThat(dup.put()).isEmpty();

        RepairReport done = repair(false);
        assertThat(done.writes()).extracting(ConversationWrite::messageGroupUuid)
                .containsExactlyInAnyOrderElementsOf(plan.writes().stream().map(ConversationWrite::messageGroupUuid).toList());
        assertThat(done.rowsDeleted()).isEqualTo(plan.rowsDeleted());
        assertThat(done.rowsPut()).isEqualTo(plan.rowsPut());
    }

    @Test
    void secondRepairWritesNothing() {
        repair(false);
        Map<String, Map<String, AttributeValue>> after = t.snapshot();
        RepairReport again = repair(false);
        assertThat(again.writes()).isEmpty();
        assertThat(t.snapshot()).isEqualTo(after);
    }

    @Test
    void onlyTheChosenKindsAreRepaired() {
        RepairReport report = health.repair(EnumSet.of(FindingKind.ORPHAN_GROUP_ROW), false, ReadCapacityBudget.unpaced(),
                HealthProgress.NONE, () -> false);
        assertThat(report.writes()).extracting(ConversationWrite::messageGroupUuid).containsExactly(t.orphan);
        HealthReport after = check();
        assertThat(after.counts().get(FindingKind.ORPHAN_GROUP_ROW)).isZero();
        assertThat(after.counts().get(FindingKind.DUPLICATE_GROUP_ROW)).isEqualTo(1);
        assertThat(after.counts().get(FindingKind.MISSING_GROUP_ROW)).isEqualTo(3);
    }

    @Test
    void readOnlyProfileRefusesRepairButNotItsDryRun() {
        Map<String, Map<String, AttributeValue>> before = t.snapshot();
        ConnectionProfile p = table.session().profile();
        ConnectionProfile readOnlyProfile = new ConnectionProfile("staging", p.kind(), p.endpoint(), p.region(), p.awsProfile(), p.tableName(),
                null, null, true);
        try (DynamoSession locked = DynamoSession.open(readOnlyProfile, LocalDynamoDb.dirs(), false, s -> { })) {
            TableHealth readOnly = new TableHealth(locked);
            assertThatThrownBy(() -> readOnly.repair(FindingKind.GROUP_ROW_KINDS, false, ReadCapacityBudget.unpaced(), HealthProgress.NONE, () -> false))
                    .isInstanceOf(ConsoleException.class)
                    .satisfies(e -> assertThat(((ConsoleException) e).kind()).isEqualTo(ConsoleException.Kind.READ_ONLY))
                    .hasMessageContaining("repair refused");
            assertThat(readOnly.repair(FindingKind.GROUP_ROW_KINDS, true, ReadCapacityBudget.unpaced(), HealthProgress.NONE, () -> false)
                    .writes()).isNotEmpty();
        }
        assertThat(t.snapshot()).isEqualTo(before);
    }

    private Map<String, Map<String, AttributeValue>> rowsOf(String... groups) {
        Map<String, Map<String, AttributeValue>> rows = new java.util.HashMap<>(t.snapshot());
        List<String> wanted = List.of(groups);
        rows.values().removeIf(i -> !TableItems.isGroupItem(i) || !wanted.contains(TableItems.text(i, TableItems.MESSAGE_GROUP_UUID)));
        return rows;
    }

    /** Exactly one group row for each of the two participants, at the newest message, naming the other. */
    static void assertOneRowPerParticipantAtNewest(MessagesTable table, String group) {
        List<MessageRow> messages = table.conversations().all(group).rows();
        MessageRow newest = messages.get(0);
        List<Map<String, AttributeValue>> rows = new java.util.ArrayList<>();
        table.session().call(c -> {
            c.scanPaginator(s -> s.tableName(table.session().tableName()).consistentRead(true)).items().forEach(i -> {
                if (TableItems.isGroupItem(i) && group.equals(TableItems.text(i, TableItems.MESSAGE_GROUP_UUID))) {
                    rows.add(i);
                }
            });
            return null;
        });
        assertThat(rows).as("group rows of %s", group).hasSize(2);
        List<String> owners = rows.stream().map(i -> TableItems.groupRow(i).ownerUuid()).toList();
        assertThat(owners).doesNotHaveDuplicates();
        for (Map<String, AttributeValue> item : rows) {
            MessageGroupRow row = TableItems.groupRow(item);
            assertThat(row.lastMessageAt()).as("row of %s in %s", row.ownerUuid(), group).isEqualTo(newest.createdAt());
            assertThat(row.lastMessage()).isEqualTo(newest.message());
            assertThat(row.otherUserUuid()).isNotEqualTo(row.ownerUuid()).isIn(owners);
        }
    }

    static ChatUser user(int i) {
        return SeedUsers.DEFAULT.get(i);
    }
}

package org.cruddur.console.service.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cruddur.console.service.table.MessagesTable;
import org.cruddur.console.service.seeding.SeedPlan;
import org.cruddur.console.service.seeding.SeedUsers;
import org.cruddur.console.service.items.TableItems;
import org.cruddur.console.service.capacity.ReadCapacityBudget;
import org.cruddur.console.testing.LocalDynamoDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The check on real DynamoDB Local: each kind of damage found with its conversation and keys; healthy data clean. */
class TableHealthCheckTest {

    MessagesTable table;

    @AfterEach
    void close() {
        if (table != null) {
            table.close();
        }
    }

    private HealthReport check() {
        return new TableHealth(table.session(), table.users()::find).check(ReadCapacityBudget.unpaced(), HealthProgress.NONE, () -> false);
    }

    private static List<Finding> of(HealthReport r, FindingKind kind) {
        return r.findings().stream().filter(f -> f.kind() == kind).toList();
    }

    @Test
    void healthyConversationsAndSeededDataHaveNoFindings() {
        table = LocalDynamoDb.freshTable("health-ok");
        table.seeder().seed(new SeedPlan(SeedUsers.DEFAULT, 5, 300), (d, t) -> { }, () -> false);
        DamagedTable t = new DamagedTable(table).healthy();
        HealthReport report = check();
        assertThat(report.findings()).isEmpty();
        assertThat(report.hasProblems()).isFalse();
        assertThat(report.itemsScanned()).isEqualTo(t.snapshot().size());
        long groups = t.messages().keySet().stream().map(k -> k.substring(0, k.indexOf('|'))).distinct().count();
        assertThat(groups).isGreaterThanOrEqualTo(5);
        assertThat(report.conversations()).isEqualTo(groups);
        assertThat(report.counts().values()).allMatch(n -> n == 0);
    }

    @Test
    void everyKindIsFoundWithItsConversationAndKeys() {
        table = LocalDynamoDb.freshTable("health-bad");
        DamagedTable t = new DamagedTable(table).healthy().damaged();
        HealthReport r = check();
        assertThat(r.hasProblems()).isTrue();
        assertThat(r.findings()).noneMatch(f -> t.healthyA.equals(f.messageGroupUuid()) || t.healthyB.equals(f.messageGroupUuid()));

        List<Finding> duplicates = of(r, FindingKind.DUPLICATE_GROUP_ROW);
        assertThat(duplicates).singleElement().satisfies(f -> {
            assertThat(f.messageGroupUuid()).isEqualTo(t.duplicate);
            assertThat(f.pk()).isEqualTo(TableItems.text(t.duplicateRow, "pk"));
            assertThat(f.sk()).isEqualTo(TableItems.text(t.duplicateRow, "sk"));
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.repairable()).isTrue();
        });

        String staleSk = t.oldest(t.stale).createdAt(); // rows still at the second message
        List<Finding> stale = of(r, FindingKind.STALE_GROUP_ROW);
        assertThat(stale).allSatisfy(f -> assertThat(f.messageGroupUuid()).isEqualTo(t.stale))
                .extracting(Finding::pk).containsExactlyInAnyOrder(TableItems.groupPk(DamagedTable.TOBI.uuid()), TableItems.groupPk(DamagedTable.LENA.uuid()));
        assertThat(stale).allSatisfy(f -> {
            assertThat(f.sk()).isNotEqualTo(t.newest(t.stale).createdAt()).isGreaterThan(staleSk);
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.detail()).contains(t.newest(t.stale).createdAt());
        });

        List<Finding> missing = of(r, FindingKind.MISSING_GROUP_ROW);
        assertThat(missing).extracting(f -> f.messageGroupUuid() + " " + f.pk() + " " + f.sk()).containsExactlyInAnyOrder(
                t.missingOne + " " + TableItems.groupPk(DamagedTable.MARA.uuid()) + " " + t.newest(t.missingOne).createdAt(),
                t.missingBoth + " " + TableItems.groupPk(DamagedTable.TOBI.uuid()) + " " + t.newest(t.missingBoth).createdAt(),
                t.missingBoth + " " + TableItems.groupPk(DamagedTable.INES.uuid()) + " " + t.newest(t.missingBoth).createdAt());

        assertThat(of(r, FindingKind.ORPHAN_GROUP_ROW)).hasSize(2).allSatisfy(f -> assertThat(f.messageGroupUuid()).isEqualTo(t.orphan))
                .extracting(Finding::pk).containsExactlyInAnyOrder(TableItems.groupPk(DamagedTable.LENA.uuid()), TableItems.groupPk(DamagedTable.INES.uuid()));

        assertThat(of(r, FindingKind.PARTICIPANT_MISMATCH)).singleElement().satisfies(f -> {
            assertThat(f.messageGroupUuid()).isEqualTo(t.mismatch);
            assertThat(f.detail()).contains("3 people").contains("@mara").contains("@ravi").contains("@tobi");
            assertThat(f.repairable()).isFalse();
        });

        assertThat(of(r, FindingKind.SENDER_NOT_PARTICIPANT)).singleElement().satisfies(f -> {
            assertThat(f.messageGroupUuid()).isEqualTo(t.intruded);
            assertThat(f.pk() + "|" + f.sk()).isEqualTo(TableItems.text(t.intruderMessage, "pk") + "|" + TableItems.text(t.intruderMessage, "sk"));
            assertThat(f.detail()).contains("@ines");
        });

        assertThat(of(r, FindingKind.BAD_TIMESTAMP)).singleElement().satisfies(f -> {
            assertThat(f.messageGroupUuid()).isEqualTo(t.oddMessages);
            assertThat(f.sk()).isEqualTo("yesterday");
        });
        assertThat(of(r, FindingKind.NAIVE_TIMESTAMP)).singleElement().satisfies(f -> {
            assertThat(f.sk()).isEqualTo(TableItems.text(t.naiveTimeMessage, "sk"));
            assertThat(f.severity()).isEqualTo(Severity.INFO);
        });
        assertThat(of(r, FindingKind.MISSING_ATTRIBUTE)).singleElement().satisfies(f -> {
            assertThat(f.sk()).isEqualTo(TableItems.text(t.handlelessMessage, "sk"));
            assertThat(f.detail()).contains("user_handle");
            assertThat(f.repairable()).isFalse();
        });
        assertThat(of(r, FindingKind.BAD_KEY)).singleElement().satisfies(f -> {
            assertThat(f.pk()).isEqualTo("USER#42");
            assertThat(f.messageGroupUuid()).isNull();
        });
        assertThat(of(r, FindingKind.SELF_CONVERSATION)).singleElement().satisfies(f -> {
            assertThat(f.messageGroupUuid()).isEqualTo(t.self);
            assertThat(f.pk()).isEqualTo(TableItems.groupPk(DamagedTable.INES.uuid()));
            assertThat(f.repairable()).isTrue(); // repair puts pattern D's row in its place
        });

        Map<FindingKind, Long> counts = r.counts();
        for (FindingKind kind : FindingKind.values()) {
            assertThat(counts.get(kind)).as(kind.code()).isEqualTo(of(r, kind).size());
        }
        assertThat(r.findings()).allSatisfy(f -> assertThat(f.detail()).doesNotContain("\n").isNotBlank());
        // nothing but the damaged conversations is named
        assertThat(r.findings()).extracting(Finding::messageGroupUuid).filteredOn(g -> g != null).allMatch(Set.of(t.duplicate, t.stale,
                t.missingOne, t.missingBoth, t.orphan, t.mismatch, t.intruded, t.oddMessages, t.self)::contains);
    }
}

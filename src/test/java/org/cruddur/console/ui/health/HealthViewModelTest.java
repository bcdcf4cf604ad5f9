package org.cruddur.console.ui.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.cruddur.console.config.AppDirectories;
import org.cruddur.console.service.table.MessagesTable;
import org.cruddur.console.service.health.DamagedTable;
import org.cruddur.console.service.health.Finding;
import org.cruddur.console.service.health.FindingKind;
import org.cruddur.console.service.items.MessageGroupRow;
import org.cruddur.console.service.seeding.SeedUsers;
import org.cruddur.console.ui.ConsoleModel;
import org.cruddur.console.ui.inbox.InboxViewModel;
import org.cruddur.console.ui.ImmediateWork;
import org.cruddur.console.ui.conversation.ThreadEntry;
import org.cruddur.console.ui.LocalDynamo;
import org.cruddur.console.ui.main.MainViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Health pane's view model, without the toolkit, on real DynamoDB Local with the backend's damage. */
class HealthViewModelTest {

    @TempDir
    Path home;
    LocalDynamo dynamo;
    ConsoleModel model;
    String table;
    DamagedTable damage;

    @BeforeEach
    void setUp() {
        dynamo = LocalDynamo.shared();
        table = LocalDynamo.uniqueTable("health-vm");
        try (MessagesTable t = dynamo.open(table)) {
            t.schema().load();
            damage = new DamagedTable(t).healthy().damaged();
        }
        AppDirectories dirs = new AppDirectories(home.resolve("config"), home.resolve("data"));
        model = new ConsoleModel(dirs, new ImmediateWork(), MainViewModel.defaultOpener(), Runnable::run);
    }

    @AfterEach
    void tearDown() {
        model.main().close();
    }

    @Test
    void checkGroupsFindingsByKindShowsRawItemsAndRepairsAfterThePlan() {
        model.main().connect(LocalDynamo.profile("test", dynamo.endpoint(), table, false));
        HealthViewModel vm = new HealthViewModel(model.main(), model.main().writesAllowedProperty());
        vm.runCheck();
        assertThat(vm.kinds()).extracting(HealthViewModel.KindCount::kind).contains(FindingKind.DUPLICATE_GROUP_ROW,
                FindingKind.MISSING_GROUP_ROW, FindingKind.ORPHAN_GROUP_ROW, FindingKind.BAD_KEY);
        assertThat(vm.kinds()).filteredOn(k -> k.kind() == FindingKind.MISSING_GROUP_ROW).singleElement()
                .extracting(HealthViewModel.KindCount::count).isEqualTo(3L);
        assertThat(vm.statusProperty().get()).contains("findings");

        vm.selectedKindProperty().set(vm.kinds().stream().filter(k -> k.kind() == FindingKind.DUPLICATE_GROUP_ROW).findFirst().orElseThrow());
        assertThat(vm.findings()).singleElement().extracting(Finding::messageGroupUuid).isEqualTo(damage.duplicate);
        vm.selectedFindingProperty().set(vm.findings().get(0));
        // the duplicate row itself and every group row of its conversation
        assertThat(vm.rawItems().items()).hasSize(3)
                .allSatisfy(i -> assertThat(i.get("message_group_uuid").s()).isEqualTo(damage.duplicate));

        assertThat(vm.canRepairProperty().get()).isTrue();
        int version = model.main().dataVersionProperty().get();
        vm.planRepair();
        assertThat(vm.planProperty().get()).isNotNull();
        assertThat(vm.planProperty().get().dryRun()).isTrue();
        assertThat(HealthController.planText(vm.planProperty().get())).contains(damage.orphan).contains("delete");
        vm.repair();
        assertThat(vm.planProperty().get()).isNull();
        assertThat(model.main().dataVersionProperty().get()).as("inbox and thread reload").isGreaterThan(version);
        assertThat(vm.statusProperty().get()).startsWith("Repaired 6 conversations");

        vm.runCheck();
        assertThat(vm.kinds()).extracting(HealthViewModel.KindCount::kind).doesNotContain(FindingKind.DUPLICATE_GROUP_ROW,
                FindingKind.STALE_GROUP_ROW, FindingKind.MISSING_GROUP_ROW, FindingKind.ORPHAN_GROUP_ROW);
        assertThat(vm.canRepairProperty().get()).isFalse();
    }

    @Test
    void aReadOnlyProfileCannotRepairUntilUnlockedAndABadBudgetIsReported() {
        model.main().connect(LocalDynamo.profile("locked", dynamo.endpoint(), table, true));
        HealthViewModel vm = new HealthViewModel(model.main(), model.main().writesAllowedProperty());
        vm.maxRcuProperty().set("-3");
        vm.runCheck();
        assertThat(vm.reportProperty().get()).isNull();
        assertThat(model.main().errorProperty().get()).contains("Max RCU/s must be a positive number");

        vm.maxRcuProperty().set("500");
        vm.runCheck();
        assertThat(vm.reportProperty().get()).isNotNull();
        assertThat(vm.canRepairProperty().get()).isFalse();
        model.main().unlockWrites();
        assertThat(vm.canRepairProperty().get()).isTrue();
    }

    @Test
    void aCheckMarksTheInboxConversationsWithFindingsAndOpensThePaneAtOne() {
        model.main().connect(LocalDynamo.profile("test", dynamo.endpoint(), table, false));
        InboxViewModel inbox = model.inbox();
        MessageGroupRow duplicated = inbox.conversations().stream().filter(g -> g.messageGroupUuid().equals(damage.duplicate))
                .findFirst().orElseThrow();
        MessageGroupRow healthy = inbox.conversations().stream().filter(g -> g.messageGroupUuid().equals(damage.healthyA))
                .findFirst().orElseThrow();
        assertThat(inbox.markOf(duplicated)).as("no check yet").isNull();
        assertThat(inbox.openInHealth(duplicated)).isFalse();

        HealthViewModel vm = model.health();
        vm.runCheck();
        Finding first = vm.reportProperty().get().findings().stream().filter(f -> damage.duplicate.equals(f.messageGroupUuid()))
                .findFirst().orElseThrow();
        assertThat(inbox.findingOf(duplicated)).isEqualTo(first);
        assertThat(inbox.markOf(duplicated)).startsWith("⚠").contains(first.detail());
        assertThat(inbox.findingOf(healthy)).isNull();
        assertThat(inbox.markOf(healthy)).isNull();

        // the pane shows another kind first; opening it at the conversation selects that finding and its kind
        vm.selectedKindProperty().set(vm.kinds().stream().filter(k -> k.kind() != first.kind()).findFirst().orElseThrow());
        assertThat(inbox.openInHealth(duplicated)).isTrue();
        assertThat(model.healthFindings().openedProperty().get()).isEqualTo(first);
        assertThat(vm.selectedKindProperty().get().kind()).isEqualTo(first.kind());
        assertThat(vm.findings()).contains(first);
        assertThat(vm.selectedFindingProperty().get()).isEqualTo(first);
        assertThat(vm.rawItems().items()).isNotEmpty();

        // a repair makes the report stale: the marks go until the next check
        vm.planRepair();
        vm.repair();
        assertThat(inbox.markOf(duplicated)).isNull();
        assertThat(model.healthFindings().reportProperty().get()).isNull();
    }

    @Test
    void aThreadMarksAMessageWithABadTimestampOrMissingAttributesAndStillShowsEveryMessage() {
        model.main().connect(LocalDynamo.profile("test", dynamo.endpoint(), table, false));
        model.inbox().selectedUserProperty().set(SeedUsers.DEFAULT.get(1)); // Tobi
        MessageGroupRow odd = model.inbox().conversations().stream().filter(g -> g.messageGroupUuid().equals(damage.oddMessages))
                .findFirst().orElseThrow();
        model.inbox().selectedConversationProperty().set(odd);

        List<ThreadEntry> thread = model.conversation().entries();
        assertThat(thread).extracting(e -> e.message().message()).containsExactlyInAnyOrder("ping", "pong", "naive", "no handle", "when?");
        ThreadEntry badTime = thread.stream().filter(e -> e.message().message().equals("when?")).findFirst().orElseThrow();
        assertThat(badTime.damaged()).isTrue();
        assertThat(badTime.damage()).singleElement().asString().startsWith("bad timestamp").contains("'yesterday'");
        assertThat(badTime.timeKnown()).isFalse();
        ThreadEntry handleless = thread.stream().filter(e -> e.message().message().equals("no handle")).findFirst().orElseThrow();
        assertThat(handleless.damage()).containsExactly("missing attribute user_handle");
        // a naive time is read as UTC (the check reports it as info): not marked, nor are the healthy messages
        assertThat(thread).filteredOn(e -> List.of("ping", "pong", "naive").contains(e.message().message()))
                .allSatisfy(e -> assertThat(e.damaged()).isFalse());
    }
}

package org.cruddur.console.ui.streams;

import static org.assertj.core.api.Assertions.assertThat;

import org.cruddur.console.service.patterns.PostResult;
import org.cruddur.console.service.seeding.SeedPlan;
import org.cruddur.console.service.seeding.SeedUsers;
import org.cruddur.console.service.streams.LambdaState;
import org.cruddur.console.service.streams.RecordKind;
import org.cruddur.console.service.streams.StreamEvent;
import org.cruddur.console.service.streams.StreamStart;
import org.cruddur.console.service.table.MessagesTable;
import org.cruddur.console.ui.FxConsoleModelTest;
import org.cruddur.console.ui.FxThread;
import org.cruddur.console.ui.LocalDynamo;
import org.cruddur.console.ui.main.ConnectionState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;

/**
 * The Streams pane's view model on the real FX thread and executor, on DynamoDB Local: it follows while shown, pauses
 * and resumes without losing records, stops when hidden, filters, keeps at most its limit, and starts over on another table.
 */
class StreamsViewModelTest extends FxConsoleModelTest {

    StreamsViewModel vm;

    @BeforeEach
    void setUp() {
        vm = model.streams();
    }

    @AfterEach
    void stopTheTail() {
        FxThread.run(() -> vm.activeProperty().set(false));
    }

    private String tableWithSchema(boolean stream) {
        String table = LocalDynamo.uniqueTable("streams-vm");
        try (MessagesTable t = dynamo.open(table)) {
            if (stream) {
                t.schema().load();
            } else {
                t.session().call(c -> c.createTable(t.schema().createTableRequest().toBuilder().streamSpecification((StreamSpecification) null).build()));
            }
        }
        return table;
    }

    private void connectTo(String table) {
        FxThread.run(() -> model.main().connect(LocalDynamo.profile("streams-" + table, dynamo.endpoint(), table, false)));
        FxThread.waitUntil(() -> model.main().connectionProperty().get() == ConnectionState.CONNECTED && model.main().table() != null);
    }

    private long messageInserts() {
        return FxThread.call(() -> vm.records().stream().filter(StreamEvent::isMessageInsert).count());
    }

    @Test
    void followsWhileShownPausesWithoutLosingRecordsFiltersAndStopsWhenHidden() throws Exception {
        String table = tableWithSchema(true);
        connectTo(table);
        FxThread.run(() -> {
            vm.fromProperty().set(StreamStart.TRIM_HORIZON);
            vm.activeProperty().set(true);
        });
        try (MessagesTable t = dynamo.open(table)) {
            PostResult first = t.post().toUser(SeedUsers.DEFAULT.get(0).uuid(), SeedUsers.DEFAULT.get(1).uuid(), "one");
            FxThread.waitUntil(() -> vm.records().stream().anyMatch(StreamEvent::isMessageInsert));
            StreamEvent one = FxThread.call(() -> vm.records().stream().filter(StreamEvent::isMessageInsert).findFirst().orElseThrow());
            assertThat(one.message()).isEqualTo("one");
            assertThat(one.lambda().state()).isEqualTo(LambdaState.ROWS_AT_MESSAGE);
            assertThat(FxThread.call(() -> vm.readingProperty().get())).as("still following").isTrue();

            FxThread.run(() -> vm.pausedProperty().set(true));
            FxThread.waitUntil(() -> !vm.readingProperty().get());
            t.post().toGroup(SeedUsers.DEFAULT.get(1).uuid(), first.messageGroupUuid(), "two, while paused");
            t.post().toUser(SeedUsers.DEFAULT.get(2).uuid(), SeedUsers.DEFAULT.get(3).uuid(), "three, while paused");
            assertThat(messageInserts()).isEqualTo(1);
            FxThread.run(() -> vm.pausedProperty().set(false));
            FxThread.waitUntil(() -> vm.records().stream().filter(StreamEvent::isMessageInsert).count() == 3);
            assertThat(FxThread.call(() -> vm.records().stream().filter(StreamEvent::isMessageInsert).map(StreamEvent::message).toList()))
                    .containsExactly("one", "two, while paused", "three, while paused");

            FxThread.run(() -> vm.filterProperty().set("@" + SeedUsers.DEFAULT.get(2).handle()));
            assertThat(FxThread.call(() -> vm.shown().stream().map(StreamEvent::message).toList())).containsExactly("three, while paused");
            FxThread.run(() -> vm.filterProperty().set(first.messageGroupUuid()));
            assertThat(FxThread.call(() -> vm.shown())).isNotEmpty()
                    .allSatisfy(e -> assertThat(e.conversation()).isEqualTo(first.messageGroupUuid()));
            FxThread.run(() -> vm.filterProperty().set(""));

            // hidden: reading stops; shown again: it goes on from where it was
            FxThread.run(() -> vm.activeProperty().set(false));
            FxThread.waitUntil(() -> !vm.readingProperty().get());
            t.post().toGroup(SeedUsers.DEFAULT.get(0).uuid(), first.messageGroupUuid(), "four, while hidden");
            assertThat(messageInserts()).isEqualTo(3);
            FxThread.run(() -> vm.activeProperty().set(true));
            FxThread.waitUntil(() -> vm.records().stream().filter(StreamEvent::isMessageInsert).count() == 4);

            // the first message, judged at rows_at_message when read, is judged again when selected: later posts moved the rows
            FxThread.run(() -> vm.selectedProperty().set(one));
            FxThread.waitUntil(() -> vm.verdictNowProperty().get() != null);
            assertThat(FxThread.call(() -> vm.verdictNowProperty().get().state())).isEqualTo(LambdaState.ROWS_AHEAD);
            assertThat(one.lambda().state()).isEqualTo(LambdaState.ROWS_AT_MESSAGE);

            // "open conversation" from a group row: as its owner
            StreamEvent row = FxThread.call(() -> vm.records().stream().filter(e -> e.kind() == RecordKind.GROUP_ROW && e.isInsert())
                    .findFirst().orElseThrow());
            String[] opened = new String[2];
            FxThread.run(() -> {
                vm.onOpenConversation((user, group) -> {
                    opened[0] = user;
                    opened[1] = group;
                });
                vm.selectedProperty().set(row);
                vm.openSelectedConversation();
            });
            assertThat(opened).containsExactly(row.pk().substring(4), row.conversation());
        }
    }

    @Test
    void holdsAtMostItsLimitAndStartsOverOnATableWithoutAStreamThenEnablesIt() {
        String table = tableWithSchema(true);
        try (MessagesTable t = dynamo.open(table)) {
            t.seeder().seed(new SeedPlan(SeedUsers.DEFAULT, 2, StreamsViewModel.MAX_RECORDS + 200), (d, n) -> { }, () -> false);
        }
        connectTo(table);
        FxThread.run(() -> {
            vm.fromProperty().set(StreamStart.TRIM_HORIZON);
            vm.activeProperty().set(true);
        });
        FxThread.waitUntil(() -> vm.receivedProperty().get() >= StreamsViewModel.MAX_RECORDS + 200);
        assertThat(FxThread.call(() -> vm.records().size())).isEqualTo(StreamsViewModel.MAX_RECORDS);

        String plain = tableWithSchema(false);
        connectTo(plain);
        FxThread.waitUntil(() -> vm.noStreamProperty().get());
        assertThat(FxThread.call(() -> vm.records())).isEmpty();
        assertThat(FxThread.call(() -> vm.statusProperty().get())).contains("has no stream").doesNotContain("\n");
        assertThat(FxThread.call(() -> vm.canEnableProperty().get())).isTrue();
        FxThread.run(vm::enableStream);
        FxThread.waitUntil(() -> !vm.noStreamProperty().get() && vm.readingProperty().get());
        try (MessagesTable t = dynamo.open(plain)) {
            t.post().toUser(SeedUsers.DEFAULT.get(0).uuid(), SeedUsers.DEFAULT.get(4).uuid(), "first on the new stream");
        }
        FxThread.waitUntil(() -> vm.records().stream().anyMatch(e -> "first on the new stream".equals(e.message())));
    }
}

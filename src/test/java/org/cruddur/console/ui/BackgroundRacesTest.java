package org.cruddur.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cruddur.console.service.items.ChatUser;
import org.cruddur.console.service.items.MessageGroupRow;
import org.cruddur.console.ui.main.ConnectionState;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The view models on the real asynchronous executor and the real FX thread, against a real DynamoDB Local: the races
 * people cause by clicking faster than the network answers. Each test waits for the console to settle, never for a time.
 */
class BackgroundRacesTest extends FxConsoleModelTest {

    private void connectTo(String table) {
        FxThread.run(() -> model.main().connect(LocalDynamo.profile("race-" + table, dynamo.endpoint(), table, false)));
        settle();
        assertThat(FxThread.call(() -> model.main().connectionProperty().get())).isEqualTo(ConnectionState.CONNECTED);
    }

    /** Waits until no job runs; jobs that lead to more jobs submit them on the FX thread before this can see zero. */
    private void settle() {
        FxThread.waitUntil(() -> work.runningProperty().get() == 0);
    }

    /** Issue 9, defect 4: a double click on Next page appends one page, not the same page twice. */
    @Test
    void aDoubleClickedNextPageAppendsOnePage() {
        String table = LocalDynamo.uniqueTable("race-scan");
        dynamo.seed(table, 6, 300);
        connectTo(table);
        FxThread.run(() -> model.admin().scanFirstPage());
        settle();
        assertThat(FxThread.call(() -> model.admin().scanItems().items().size())).isEqualTo(50);

        FxThread.run(() -> {
            model.admin().scanPage();
            model.admin().scanPage();
        });
        settle();

        List<String> keys = FxThread.call(() -> model.admin().scanItems().items().stream()
                .map(BackgroundRacesTest::key).toList());
        assertThat(keys).hasSize(100).doesNotHaveDuplicates();
    }

    /** Issue 9, defect 4: a next page still in flight when the browser starts over never lands after the new first page. */
    @Test
    void aPageInFlightNeverLandsAfterTheBrowserStartsOver() {
        String table = LocalDynamo.uniqueTable("race-reset");
        dynamo.seed(table, 6, 300);
        connectTo(table);
        FxThread.run(() -> model.admin().scanFirstPage());
        settle();
        List<String> firstPage = FxThread.call(() -> model.admin().scanItems().items().stream().map(BackgroundRacesTest::key).toList());

        FxThread.run(() -> {
            model.admin().scanPage();
            model.admin().scanFirstPage();
        });
        settle();

        assertThat(FxThread.call(() -> model.admin().scanItems().items().stream().map(BackgroundRacesTest::key).toList()))
                .isEqualTo(firstPage);
    }

    private static String key(Map<String, AttributeValue> item) {
        return item.get("pk").s() + "|" + item.get("sk").s();
    }

    /** Issue 9, defect 3: switching profile during a seed stops the seed, and nothing of it is reported on the new profile. */
    @Test
    void aProfileSwitchDuringASeedStopsItAndReportsNothingOnTheNewProfile() {
        String tableA = LocalDynamo.uniqueTable("race-seed-a");
        String tableB = LocalDynamo.uniqueTable("race-seed-b");
        dynamo.seed(tableA, 0, 0);
        dynamo.seed(tableB, 1, 3);
        connectTo(tableA);
        FxThread.run(() -> {
            model.admin().seedConversationsProperty().set(6);
            model.admin().seedMessagesProperty().set(20_000);
            model.admin().seed();
        });
        FxThread.waitUntil(() -> model.admin().seedProgressProperty().get() > 0); // writing, mid-seed

        List<String> errorsShown = new java.util.concurrent.CopyOnWriteArrayList<>();
        FxThread.run(() -> model.main().errorProperty().addListener((obs, was, now) -> {
            if (now != null) {
                errorsShown.add(now);
            }
        }));
        connectTo(tableB);

        assertThat(errorsShown).as("errors shown while and after switching").isEmpty();

        assertThat(FxThread.call(() -> model.main().errorProperty().get())).isNull();
        assertThat(FxThread.call(() -> model.admin().seedingProperty().get())).isFalse();
        assertThat(FxThread.call(() -> model.main().table().session().tableName())).isEqualTo(tableB);
        assertThat(FxThread.call(() -> model.inbox().conversations().size())).isEqualTo(1);
    }

    /** Clicking through people faster than their inboxes load shows the last one clicked, complete, and nothing loading. */
    @Test
    void rapidPersonSwitchingShowsTheLastPersonsConversations() {
        String table = LocalDynamo.uniqueTable("race-people");
        dynamo.seed(table, 6, 120);
        connectTo(table);
        List<ChatUser> people = FxThread.call(() -> List.copyOf(model.inbox().users()));
        ChatUser last = people.get(1);

        FxThread.run(() -> {
            for (int round = 0; round < 3; round++) {
                people.forEach(model.inbox()::openConversations);
            }
            model.inbox().openConversations(last);
        });
        settle();

        List<MessageGroupRow> shown = FxThread.call(() -> List.copyOf(model.inbox().conversations()));
        assertThat(shown).isNotEmpty().allMatch(g -> g.ownerUuid().equals(last.uuid()));
        assertThat(shown.stream().map(MessageGroupRow::messageGroupUuid).collect(Collectors.toSet())).hasSameSizeAs(shown);
        assertThat(FxThread.call(() -> model.inbox().loadingProperty().get())).isFalse();
        assertThat(FxThread.call(() -> model.conversation().conversationProperty().get().ownerUuid())).isEqualTo(last.uuid());
        assertThat(FxThread.call(() -> model.conversation().entries().get(0).message().messageGroupUuid()))
                .isEqualTo(FxThread.call(() -> model.conversation().conversationProperty().get().messageGroupUuid()));
    }
}

package org.cruddur.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.cruddur.console.config.AppDirectories;
import org.cruddur.console.service.items.MessageGroupRow;
import org.cruddur.console.service.items.TableItems;
import org.cruddur.console.service.transcripts.MixedTimesConversation;
import org.cruddur.console.ui.conversation.ConversationViewModel;
import org.cruddur.console.ui.conversation.ThreadEntry;
import org.cruddur.console.ui.find.FindViewModel;
import org.cruddur.console.ui.main.MainViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desktop's find and jump, through the view models on a real DynamoDB Local: find lists exactly the matches,
 * choosing one opens the thread around it with the bubble and raw item selected, and from a jump both older and
 * newer pages load, within the bounded window, in time order across mixed sk forms and New Year.
 */
class FindAndJumpTest {

    @TempDir
    Path home;
    MainViewModel main;

    @AfterEach
    void tearDown() {
        main.close();
    }

    @Test
    void findJumpAndPageBothWays() {
        LocalDynamo dynamo = LocalDynamo.shared();
        String table = LocalDynamo.uniqueTable("find-ui");
        main = new MainViewModel(new AppDirectories(home.resolve("c"), home.resolve("d")), new ImmediateWork(), MainViewModel.defaultOpener());
        ConversationViewModel thread = new ConversationViewModel(main, 10, 25);
        FindViewModel find = new FindViewModel(main, thread);
        main.connect(LocalDynamo.profile("find-ui", dynamo.endpoint(), table, false));
        main.table().schema().load();
        MixedTimesConversation c = MixedTimesConversation.write(main.table(), 200);
        MixedTimesConversation.Sent last = c.oldestFirst.get(c.oldestFirst.size() - 1);
        MessageGroupRow group = TableItems.groupRow(MixedTimesConversation.MARA, MixedTimesConversation.TOBI, c.group, last.sk(), last.text());
        thread.open(group, group.ownerUuid());
        assertThat(thread.entries()).hasSize(10);

        find.queryProperty().set("refund");
        find.findOrNext();
        List<String> expected = c.refundsNewestFirst().stream().map(MixedTimesConversation.Sent::messageUuid).toList();
        assertThat(find.results()).extracting(m -> m.row().messageUuid()).isEqualTo(expected);
        assertThat(find.statusProperty().get()).isEqualTo(expected.size() + " matches");
        // the first result is open: its bubble and its raw item selected
        assertSelected(thread, expected.get(0));

        find.findOrNext(); // Enter again: the next (older) result
        find.findOrNext();
        assertThat(find.currentProperty().get()).isEqualTo(2);
        assertSelected(thread, expected.get(2));
        find.previous();
        assertSelected(thread, expected.get(1));

        // a result in the middle: older and newer pages load from there, in time order
        find.open(expected.size() / 2);
        String target = expected.get(expected.size() / 2);
        assertSelected(thread, target);
        assertThat(thread.hasNewerProperty().get()).isTrue();
        assertThat(thread.hasOlderProperty().get()).isTrue();
        thread.loadNewer();
        thread.loadOlder();
        assertInTimeOrder(thread, c);
        assertSelected(thread, target);
        for (int i = 0; i < 30 && thread.hasNewerProperty().get(); i++) {
            thread.loadNewer();
            assertThat(thread.entries().size()).isLessThanOrEqualTo(25);
        }
        assertThat(thread.entries().get(thread.entries().size() - 1).message().messageUuid()).isEqualTo(last.messageUuid());
        assertInTimeOrder(thread, c);
        // the window let the oldest go; scrolling up reads them again
        assertThat(thread.hasOlderProperty().get()).isTrue();
        thread.loadOlder();
        assertInTimeOrder(thread, c);

        // go to a date: midnight of New Year in +10:00 is 14:00 UTC on 31 December
        Instant newYearSydney = Instant.parse("2025-12-31T14:00:00Z");
        MixedTimesConversation.Sent atOrBefore = c.oldestFirst.stream().filter(s -> !s.at().isAfter(newYearSydney)).reduce((a, b) -> b).orElseThrow();
        find.goTo(newYearSydney);
        assertSelected(thread, atOrBefore.messageUuid());
        assertInTimeOrder(thread, c);

        // another conversation clears the results
        thread.open(null, null);
        assertThat(find.results()).isEmpty();
    }

    private static void assertSelected(ConversationViewModel thread, String messageUuid) {
        int i = thread.selectedIndexProperty().get();
        assertThat(i).isGreaterThanOrEqualTo(0);
        assertThat(thread.entries().get(i).message().messageUuid()).isEqualTo(messageUuid);
        assertThat(thread.rawItems().selectedIndexProperty().get()).isEqualTo(i);
        assertThat(thread.rawItems().items().get(i).get("message_uuid").s()).isEqualTo(messageUuid);
    }

    /** The entries are a contiguous run of the conversation, oldest first, raw items alongside. */
    private static void assertInTimeOrder(ConversationViewModel thread, MixedTimesConversation c) {
        List<String> ids = thread.entries().stream().map(ThreadEntry::message).map(m -> m.messageUuid()).toList();
        List<String> all = c.oldestFirst.stream().map(MixedTimesConversation.Sent::messageUuid).toList();
        int from = all.indexOf(ids.get(0));
        assertThat(ids).isEqualTo(all.subList(from, from + ids.size()));
        for (int i = 0; i < ids.size(); i++) {
            assertThat(thread.rawItems().items().get(i).get("message_uuid").s()).isEqualTo(ids.get(i));
        }
    }

}

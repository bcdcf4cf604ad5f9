package org.cruddur.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.cruddur.console.config.AppDirectories;
import org.cruddur.console.service.items.MessageGroupRow;
import org.cruddur.console.ui.conversation.ConversationViewModel;
import org.cruddur.console.ui.conversation.ThreadEntry;
import org.cruddur.console.ui.inbox.InboxViewModel;
import org.cruddur.console.ui.main.MainViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paging of the inbox and the thread, and the thread's bounded window, with small pages on a real DynamoDB Local. */
class PagingTest {

    @TempDir
    Path home;
    MainViewModel main;

    @AfterEach
    void tearDown() {
        main.close();
    }

    @Test
    void theInboxReadsMoreConversationsPageByPageAndTheThreadKeepsABoundedWindow() {
        LocalDynamo dynamo = LocalDynamo.shared();
        String table = LocalDynamo.uniqueTable("paging");
        dynamo.seed(table, 4, 4 * 40); // mara talks to everyone: 4 conversations of 40 messages
        main = new MainViewModel(new AppDirectories(home.resolve("c"), home.resolve("d")), new ImmediateWork(), MainViewModel.defaultOpener());
        InboxViewModel inbox = new InboxViewModel(main, 3);
        ConversationViewModel thread = new ConversationViewModel(main, 10, 25);
        main.connect(LocalDynamo.profile("paging", dynamo.endpoint(), table, false));

        assertThat(inbox.conversations()).hasSize(3);
        assertThat(inbox.hasMoreProperty().get()).isTrue();
        assertThat(inbox.canLoadMoreProperty().get()).isTrue(); // the "Load more" row shows and can be clicked
        inbox.loadMore();
        assertThat(inbox.conversations()).hasSize(4).extracting(MessageGroupRow::messageGroupUuid).doesNotHaveDuplicates();
        assertThat(inbox.hasMoreProperty().get()).isFalse();
        assertThat(inbox.canLoadMoreProperty().get()).isFalse();
        assertThat(inbox.conversations()).extracting(MessageGroupRow::lastMessageAt).isSortedAccordingTo((a, b) -> b.compareTo(a));

        MessageGroupRow group = inbox.conversations().get(0);
        thread.open(group, group.ownerUuid());
        assertThat(thread.entries()).hasSize(10);
        String newest = thread.entries().get(9).message().createdAt();
        thread.selectedIndexProperty().set(9);
        thread.loadOlder();
        assertThat(thread.entries()).hasSize(20);
        assertThat(thread.selectedIndexProperty().get()).isEqualTo(19); // the same message stays selected
        assertThat(thread.entries()).extracting(ThreadEntry::at).isSorted();
        thread.loadOlder();
        // 30 would exceed the window of 25: the newest 5 are let go and can be read again
        assertThat(thread.entries()).hasSize(25);
        assertThat(thread.newerDroppedProperty().get()).isTrue();
        assertThat(thread.entries()).extracting(e -> e.message().createdAt()).doesNotContain(newest);
        assertThat(thread.rawItems().items()).hasSize(25);
        List<ThreadEntry> entries = thread.entries();
        for (int i = 0; i < entries.size(); i++) {
            assertThat(thread.rawItems().items().get(i).get("sk").s()).isEqualTo(entries.get(i).message().createdAt());
        }
        for (int i = 0; i < 5 && thread.hasOlderProperty().get(); i++) {
            thread.loadOlder();
        }
        assertThat(thread.entries()).hasSize(25);
        assertThat(thread.hasOlderProperty().get()).isFalse();
        assertThat(thread.entries().get(0).message().createdAt()).isLessThan(thread.entries().get(24).message().createdAt());

        thread.reloadNewest();
        assertThat(thread.entries()).hasSize(10);
        assertThat(thread.entries().get(9).message().createdAt()).isEqualTo(newest);
        assertThat(thread.newerDroppedProperty().get()).isFalse();
    }
}

package org.cruddur.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.cruddur.console.config.AppDirectories;
import org.cruddur.console.service.items.ChatUser;
import org.cruddur.console.service.items.MessageGroupRow;
import org.cruddur.console.service.items.MessageRow;
import org.cruddur.console.service.moderation.DeletePreview;
import org.cruddur.console.service.moderation.InboxChange;
import org.cruddur.console.service.moderation.ModerationLog;
import org.cruddur.console.service.seeding.SeedUsers;
import org.cruddur.console.service.table.MessagesTable;
import org.cruddur.console.ui.conversation.MessageTimes;
import org.cruddur.console.ui.conversation.ThreadEntry;
import org.cruddur.console.ui.main.MainViewModel;
import org.cruddur.console.ui.moderation.ModerationViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desktop's moderation, without the toolkit, on a real DynamoDB Local: preview, delete, edit, the write lock. */
class ModerationModelTest {

    static final ChatUser MARA = SeedUsers.DEFAULT.get(0);

    @TempDir
    Path home;
    LocalDynamo dynamo;
    ConsoleModel model;
    String table;
    AppDirectories dirs;

    @BeforeEach
    void setUp() {
        dynamo = LocalDynamo.shared();
        table = LocalDynamo.uniqueTable("moderation-vm");
        dirs = new AppDirectories(home.resolve("config"), home.resolve("data"));
        model = new ConsoleModel(dirs, new ImmediateWork(), MainViewModel.defaultOpener(), Runnable::run);
    }

    @AfterEach
    void tearDown() {
        model.main().close();
    }

    private ThreadEntry newestShown() {
        List<ThreadEntry> entries = model.conversation().entries();
        return entries.get(entries.size() - 1);
    }

    @Test
    void deletingTheNewestBubbleReloadsTheThreadAndTheInboxAtThePreviousMessage() {
        dynamo.seed(table, 2, 20);
        model.main().connect(LocalDynamo.profile("test", dynamo.endpoint(), table, false));
        MessageGroupRow open = model.conversation().conversationProperty().get();
        int before = model.conversation().entries().size();
        ThreadEntry newest = newestShown();
        ThreadEntry previous = model.conversation().entries().get(before - 2);
        ModerationViewModel moderation = model.moderation();
        assertThat(moderation.lockReasonProperty().get()).isNull();

        DeletePreview[] preview = new DeletePreview[1];
        moderation.previewDelete(open.messageGroupUuid(), newest.message().messageUuid(), p -> preview[0] = p);
        assertThat(preview[0].inbox()).isEqualTo(InboxChange.MOVED);
        assertThat(preview[0].previous().messageUuid()).isEqualTo(previous.message().messageUuid());

        moderation.delete(open.messageGroupUuid(), newest.message().messageUuid());

        assertThat(model.main().errorProperty().get()).isNullOrEmpty();
        assertThat(model.conversation().entries()).hasSize(before - 1);
        assertThat(newestShown().message().messageUuid()).isEqualTo(previous.message().messageUuid());
        MessageGroupRow row = model.inbox().conversations().stream()
                .filter(g -> g.messageGroupUuid().equals(open.messageGroupUuid())).findFirst().orElseThrow();
        assertThat(row.lastMessage()).isEqualTo(previous.message().message());
        assertThat(row.lastMessageAt()).isEqualTo(previous.message().createdAt());
        assertThat(new ModerationLog(dirs.dataDir()).lines()).hasSize(1);

        moderation.edit(open.messageGroupUuid(), previous.message().messageUuid(), "[removed by support]");
        assertThat(newestShown().message().message()).isEqualTo("[removed by support]");
        assertThat(model.inbox().conversations()).filteredOn(g -> g.messageGroupUuid().equals(open.messageGroupUuid()))
                .singleElement().extracting(MessageGroupRow::lastMessage).isEqualTo("[removed by support]");
        assertThat(new ModerationLog(dirs.dataDir()).lines()).hasSize(2);
    }

    @Test
    void whileWritesAreLockedTheMenuSaysWhyAndNothingIsWritten() {
        dynamo.seed(table, 1, 5);
        model.main().connect(LocalDynamo.profile("test", dynamo.endpoint(), table, true));
        MessageGroupRow open = model.conversation().conversationProperty().get();
        ThreadEntry newest = newestShown();

        assertThat(model.moderation().lockReasonProperty().get()).contains("Writes › Unlock writes");
        model.moderation().delete(open.messageGroupUuid(), newest.message().messageUuid());

        assertThat(model.main().errorProperty().get()).contains("read-only").contains("delete-message refused");
        try (MessagesTable t = dynamo.open(table)) {
            assertThat(t.conversations().all(open.messageGroupUuid()).rows()).extracting(MessageRow::messageUuid)
                    .contains(newest.message().messageUuid());
        }
        assertThat(new ModerationLog(dirs.dataDir()).lines()).isEmpty();
        model.main().unlockWrites();
        assertThat(model.moderation().lockReasonProperty().get()).isNull();
    }

    @Test
    void theConfirmationSaysWhatHappensToTheInboxesInLocalTime() {
        MessageTimes times = new MessageTimes(Clock.fixed(Instant.parse("2026-12-02T12:00:00Z"), ZoneId.of("Europe/Berlin")));
        MessageRow deleted = new MessageRow("g", "2026-12-02T05:45:00+00:00", "m2", "the bad one", "u", "Mara", "mara");
        MessageRow previous = new MessageRow("g", "2026-12-02 05:30:00", "m1", "Morning!\nAll good?", "u", "Tobi", "tobi");
        assertThat(ModerationViewModel.inboxEffect(new DeletePreview(deleted, InboxChange.MOVED, previous), times))
                .isEqualTo("It is the newest message: both inboxes will show the previous message 'Morning! All good?' of 06:30 instead.");
        assertThat(ModerationViewModel.inboxEffect(new DeletePreview(deleted, InboxChange.DELETED, null), times))
                .isEqualTo("It is the only message: the conversation disappears from both inboxes.");
        assertThat(ModerationViewModel.whose(deleted, times)).isEqualTo("@mara's message of Today, 06:45");
        MessageRow longAgo = new MessageRow("g", "2025-12-31T23:30:00.5-02:00", "m0", "x".repeat(100), "u", "Tobi", "tobi");
        assertThat(ModerationViewModel.inboxEffect(new DeletePreview(deleted, InboxChange.MOVED, longAgo), times))
                .contains("'" + "x".repeat(59) + "…'").contains("of Thursday, 1 January 2026, 02:30 instead");
    }
}

package org.cruddur.console.ui;

import java.util.concurrent.Executor;
import org.cruddur.console.config.AppDirectories;
import org.cruddur.console.service.items.MessageGroupRow;
import org.cruddur.console.ui.admin.AdminViewModel;
import org.cruddur.console.ui.background.BackgroundWork;
import org.cruddur.console.ui.composer.ComposerViewModel;
import org.cruddur.console.ui.conversation.ConversationViewModel;
import org.cruddur.console.ui.export.ExportViewModel;
import org.cruddur.console.ui.find.FindViewModel;
import org.cruddur.console.ui.health.HealthFindings;
import org.cruddur.console.ui.health.HealthViewModel;
import org.cruddur.console.ui.inbox.InboxViewModel;
import org.cruddur.console.ui.main.MainViewModel;
import org.cruddur.console.ui.moderation.ModerationViewModel;
import org.cruddur.console.ui.oplog.OperationLogViewModel;
import org.cruddur.console.ui.profiles.ProfilesViewModel;
import org.cruddur.console.ui.streams.StreamsViewModel;
import org.cruddur.console.ui.userdetails.UserDetailsViewModel;

/**
 * Every view model of the console and how they follow each other: the selected conversation opens in the thread, the
 * composer writes as the selected person into it, and a post reloads both so the conversation moves to the top; the
 * details pane shows the person picked in the directory and can open their inbox or address the composer to them.
 * Plain Java, so the whole flow is testable without the toolkit.
 */
public final class ConsoleModel {

    private final MainViewModel main;
    private final InboxViewModel inbox;
    private final ConversationViewModel conversation;
    private final ComposerViewModel composer;
    private final AdminViewModel admin;
    private final OperationLogViewModel operationLog;
    private final ProfilesViewModel profiles;
    private final UserDetailsViewModel userDetails;
    /** The last check's findings: the Health pane publishes them, the inbox marks conversations with them. */
    private final HealthFindings healthFindings;
    private final HealthViewModel health;
    private final ModerationViewModel moderation;
    private final FindViewModel find;
    private final ExportViewModel export;
    private final StreamsViewModel streams;

    public ConsoleModel(AppDirectories dirs, BackgroundWork work, MainViewModel.TableOpener opener, Executor uiThread) {
        this(dirs, work, opener, uiThread, InboxViewModel.PAGE_SIZE);
    }

    /** @param inboxPageSize conversations read per inbox page (small in tests, to see paging) */
    public ConsoleModel(AppDirectories dirs, BackgroundWork work, MainViewModel.TableOpener opener, Executor uiThread, int inboxPageSize) {
        main = new MainViewModel(dirs, work, opener);
        healthFindings = new HealthFindings();
        inbox = new InboxViewModel(main, inboxPageSize, healthFindings);
        health = new HealthViewModel(main, main.writesAllowedProperty(), healthFindings);
        conversation = new ConversationViewModel(main);
        find = new FindViewModel(main, conversation);
        export = new ExportViewModel(main);
        composer = new ComposerViewModel(main);
        admin = new AdminViewModel(main);
        operationLog = new OperationLogViewModel(main, uiThread);
        profiles = new ProfilesViewModel(work, main::profileStore, main::useProfiles);
        userDetails = new UserDetailsViewModel(inbox, composer);
        moderation = new ModerationViewModel(main, main.writesAllowedProperty(), dirs.dataDir());
        // a deleted or edited message: the thread and the inbox read again (a deleted only message closes the thread)
        moderation.onChanged(result -> {
            if (conversation.conversationProperty().get() != null
                    && conversation.conversationProperty().get().messageGroupUuid().equals(result.messageGroupUuid())) {
                conversation.reloadNewest();
            }
            inbox.reloadConversations(result.messageGroupUuid());
        });
        streams = new StreamsViewModel(main, main.writesAllowedProperty(), uiThread);
        streams.onOpenConversation(this::openConversation);

        inbox.selectedConversationProperty().addListener((obs, was, group) -> {
            if (!sameGroup(was, group) || group == null) {
                openSelected();
            }
        });
        // the people directory scans the table: start it once the first conversation is on screen, not before
        conversation.newestShownProperty().addListener((obs, was, now) -> inbox.loadDirectory());
        conversation.loadingProperty().addListener((obs, was, loading) -> {
            if (!loading && conversation.entries().isEmpty()) {
                inbox.loadDirectory();
            }
        });
        composer.senderProperty().bind(inbox.selectedUserProperty());
        composer.conversationProperty().bind(conversation.conversationProperty());
        composer.onPosted(result -> {
            if (conversation.conversationProperty().get() != null
                    && conversation.conversationProperty().get().messageGroupUuid().equals(result.messageGroupUuid())) {
                conversation.reloadNewest();
            }
            // the inbox re-reads its first page: the conversation now sorts first and stays (or becomes) selected
            inbox.reloadConversations(result.messageGroupUuid());
            if (result.newConversation()) {
                main.dataChanged(null);
            }
        });
    }

    private void openSelected() {
        MessageGroupRow group = inbox.selectedConversationProperty().get();
        conversation.open(group, inbox.selectedUserProperty().get() == null ? null : inbox.selectedUserProperty().get().uuid());
    }

    private static boolean sameGroup(MessageGroupRow a, MessageGroupRow b) {
        return a != null && b != null && a.messageGroupUuid().equals(b.messageGroupUuid()) && a.ownerUuid().equals(b.ownerUuid());
    }

    public MainViewModel main() {
        return main;
    }

    public InboxViewModel inbox() {
        return inbox;
    }

    public ConversationViewModel conversation() {
        return conversation;
    }

    public ComposerViewModel composer() {
        return composer;
    }

    public AdminViewModel admin() {
        return admin;
    }

    public OperationLogViewModel operationLog() {
        return operationLog;
    }

    public UserDetailsViewModel userDetails() {
        return userDetails;
    }

    public ProfilesViewModel profiles() {
        return profiles;
    }

    public ModerationViewModel moderation() {
        return moderation;
    }

    public HealthViewModel health() {
        return health;
    }

    /** Find in the open conversation and "Go to date…". */
    public FindViewModel find() {
        return find;
    }

    /** Export conversation… / Export person's conversations…. */
    public ExportViewModel export() {
        return export;
    }

    public StreamsViewModel streams() {
        return streams;
    }

    /** Opens {@code userUuid}'s inbox at conversation {@code groupUuid} (when on its first page), e.g. from a stream record. */
    public void openConversation(String userUuid, String groupUuid) {
        org.cruddur.console.service.items.ChatUser user = inbox.users().stream().filter(u -> u.uuid().equals(userUuid)).findFirst()
                .orElse(new org.cruddur.console.service.items.ChatUser(userUuid, null, null));
        inbox.openConversations(user);
        inbox.reloadConversations(groupUuid);
    }

    /** The last check's findings, and where a view asks to open the Health pane at one. */
    public HealthFindings healthFindings() {
        return healthFindings;
    }
}

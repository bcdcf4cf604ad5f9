package org.cruddur.console.service.users;

import org.cruddur.console.testing.LocalDynamoDb;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.cruddur.console.config.AppDirectories;
import org.cruddur.console.config.ConnectionProfile;
import org.cruddur.console.service.items.ChatUser;
import org.cruddur.console.service.ConsoleException;
import org.cruddur.console.service.session.DynamoSession;
import org.cruddur.console.service.table.MessagesTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The merged directory over seed users, a real table (DynamoDB Local) and a real user pool (cognito-local), with every
 * kind of mismatch; and the same directory when Cognito is down or not configured.
 */
class UserDirectoryTest {

    static final String MARA = "5e1c0f2a-7d3b-4c6e-9a41-0b8f2d6c3e71";
    static final String TOBI = "a3f4b6d8-1c2e-4f5a-8b7c-9d0e1f2a3b4c";
    static final String LENA = "c7d8e9f0-2a3b-4c5d-9e6f-7a8b9c0d1e2f";
    static final String RAVI = "e1f2a3b4-5c6d-4e7f-8a9b-0c1d2e3f4a5b";
    static final String INES = "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e";
    static final String OMAR = "11111111-2222-4333-8444-555555555555";
    static final String KAI = "66666666-7777-4888-9999-000000000000";
    static final String STALE_COGNITO_ID = "99999999-9999-4999-8999-999999999999";

    @TempDir
    static Path tmp;
    static CognitoLocalServer cognito;
    static String pool;
    static String table;
    static List<ChatUser> seed;
    static String maraSub;
    static String inesSub;

    @BeforeAll
    static void world() {
        cognito = CognitoLocalServer.get();
        pool = cognito.createPool();
        maraSub = cognito.createUser(pool, "mara", "preferred_username", "mara", "name", "Mara Quinlan", "email", "mara@example.com");
        cognito.createUser(pool, "tobi", "preferred_username", "Tobi", "name", "Tobias Okafor", "email", "tobi@example.com");
        cognito.createUser(pool, "ravi", "preferred_username", "ravi", "name", "Ravi Sundaram", "email", "ravi@example.com");
        cognito.disableUser(pool, "ravi");
        inesSub = cognito.createUser(pool, "ines", "preferred_username", "ines_d", "name", "Inês Duarte", "email", "ines@example.net");
        cognito.createUser(pool, "kai", "preferred_username", "kai", "name", "Kai", "email", "kai@example.com");
        cognito.createUser(pool, "kai2", "preferred_username", "KAI", "name", "Kai Two", "email", "kai2@example.com");
        cognito.createUser(pool, "newbie", "preferred_username", "newbie", "name", "New Bie", "email", "newbie@example.com");
        cognito.createUser(pool, "bare");

        seed = List.of(
                new ChatUser(MARA, "mara", "Mara Quinlan", "mara@example.com", null),
                new ChatUser(TOBI, "tobi", "Tobias Okafor", null, null),
                new ChatUser(LENA, "lenam", "Lena Marsh", "lena@example.com", null),
                new ChatUser(RAVI, "ravi", "Ravi Sundaram", null, null),
                new ChatUser(INES, "ines", "Inês Duarte", "ines@example.com", inesSub),
                new ChatUser(OMAR, "omar", "Omar Haddad", null, STALE_COGNITO_ID),
                new ChatUser(KAI, "kai", "Kai Lindqvist", null, null));
        table = "users-" + UUID.randomUUID();
        try (MessagesTable messages = open(cognito.endpoint().toString(), pool)) {
            messages.schema().load();
            messages.post().toUser("@mara", "@tobi", "hello Tobi");
            messages.post().toUser("@mara", "@lenam", "hello Lena");
            messages.post().toUser("@ravi", "@mara", "hi Mara");
            messages.post().toUser("@kai", "@mara", "hej");
        }
    }

    static MessagesTable open(String cognitoEndpoint, String poolId) {
        ConnectionProfile profile = ConnectionProfile.forEndpoint(LocalDynamoDb.endpoint()).withTable(table)
                .withCognito(cognitoEndpoint, poolId);
        AppDirectories dirs = new AppDirectories(tmp.resolve("config"), tmp.resolve("data"));
        return new MessagesTable(DynamoSession.open(profile, dirs, true, s -> { }), seed);
    }

    static DirectoryEntry byHandle(DirectoryListing listing, String handle) {
        return listing.entries().stream().filter(e -> handle.equals(e.handle())).findFirst().orElseThrow(() ->
                new AssertionError("no entry @" + handle + " in " + listing.entries()));
    }

    static List<DirectoryProblem.Kind> kinds(DirectoryEntry e) {
        return e.problems().stream().map(DirectoryProblem::kind).toList();
    }

    @Test
    void mergesSeedTableAndCognitoWithTheirMismatches() {
        try (MessagesTable messages = open(cognito.endpoint().toString(), pool)) {
            DirectoryListing all = messages.users().directory();
            assertThat(all.notes()).isEmpty();
            assertThat(all.cognitoRead()).isTrue();
            assertThat(all.entries()).hasSize(7 + 3); // seven seed people, newbie, bare and the second KAI

            DirectoryEntry mara = byHandle(all, "mara");
            assertThat(mara.userUuid()).isEqualTo(MARA);
            assertThat(mara.cognitoSub()).isEqualTo(maraSub);
            assertThat(mara.email()).isEqualTo("mara@example.com");
            assertThat(mara.sourceList()).containsExactly(DirectorySource.SEED, DirectorySource.TABLE, DirectorySource.COGNITO);
            assertThat(mara.problems()).isEmpty();
            assertThat(mara.state()).isEqualTo("enabled, FORCE_CHANGE_PASSWORD");
            assertThat(mara.chatUser()).get().extracting(ChatUser::uuid).isEqualTo(MARA);

            DirectoryEntry tobi = byHandle(all, "tobi");
            assertThat(kinds(tobi)).containsExactly(DirectoryProblem.Kind.HANDLE_CASE_DIFFERS);
            assertThat(tobi.email()).isEqualTo("tobi@example.com"); // from Cognito: the seed file has none
            assertThat(tobi.cognitoUsername()).isEqualTo("tobi");

            DirectoryEntry lena = byHandle(all, "lenam");
            assertThat(kinds(lena)).containsExactly(DirectoryProblem.Kind.NOT_IN_COGNITO);
            assertThat(lena.cognitoSub()).isNull();
            assertThat(lena.state()).isEqualTo("not in Cognito");

            DirectoryEntry ravi = byHandle(all, "ravi");
            assertThat(ravi.problems()).isEmpty();
            assertThat(ravi.cognitoEnabled()).isFalse();
            assertThat(ravi.state()).startsWith("disabled");

            // matched by the seed file's cognito_user_id although preferred_username differs; never messaged
            DirectoryEntry ines = byHandle(all, "ines");
            assertThat(ines.cognitoSub()).isEqualTo(inesSub);
            assertThat(ines.email()).isEqualTo("ines@example.net");
            assertThat(ines.sourceList()).containsExactly(DirectorySource.SEED, DirectorySource.COGNITO);
            assertThat(kinds(ines)).containsExactly(DirectoryProblem.Kind.NEVER_MESSAGED);

            // a seed cognito_user_id that is nobody's sub, and no Cognito user with the handle; not in the table
            DirectoryEntry omar = byHandle(all, "omar");
            assertThat(kinds(omar)).containsExactly(DirectoryProblem.Kind.COGNITO_ID_MISMATCH);
            assertThat(omar.sourceList()).containsExactly(DirectorySource.SEED);

            // kai matches Cognito "kai" exactly; "KAI" is a second Cognito user with the same handle but for case
            DirectoryEntry kai = byHandle(all, "kai");
            assertThat(kai.cognitoUsername()).isEqualTo("kai");
            assertThat(kinds(kai)).containsExactly(DirectoryProblem.Kind.DUPLICATE_HANDLE);
            DirectoryEntry kai2 = byHandle(all, "KAI");
            assertThat(kai2.userUuid()).isNull();
            assertThat(kinds(kai2)).containsExactlyInAnyOrder(DirectoryProblem.Kind.DUPLICATE_HANDLE, DirectoryProblem.Kind.NEVER_MESSAGED);

            DirectoryEntry newbie = byHandle(all, "newbie");
            assertThat(newbie.userUuid()).isNull();
            assertThat(newbie.chatUser()).isEmpty();
            assertThat(newbie.sourceList()).containsExactly(DirectorySource.COGNITO);
            assertThat(kinds(newbie)).containsExactly(DirectoryProblem.Kind.NEVER_MESSAGED);

            DirectoryEntry bare = all.entries().stream().filter(e -> "bare".equals(e.cognitoUsername())).findFirst().orElseThrow();
            assertThat(bare.handle()).isNull();
            assertThat(bare.label()).isEqualTo("bare");
            assertThat(kinds(bare)).containsExactlyInAnyOrder(DirectoryProblem.Kind.MISSING_ATTRIBUTE,
                    DirectoryProblem.Kind.MISSING_ATTRIBUTE, DirectoryProblem.Kind.MISSING_ATTRIBUTE, DirectoryProblem.Kind.NEVER_MESSAGED);
            assertThat(bare.problems()).extracting(DirectoryProblem::message).anyMatch(m -> m.contains("preferred_username"))
                    .anyMatch(m -> m.contains("no name")).anyMatch(m -> m.contains("no email"));
            assertThat(all.entries().get(all.entries().size() - 1)).isEqualTo(bare); // no handle: listed last

            assertThat(all.search("okafor")).containsExactly(tobi);
            assertThat(all.search("@ne")).containsExactly(newbie);
        }
    }

    @Test
    void looksUpByHandleEmailSubAndUuidWithoutReadingEverything() {
        try (MessagesTable messages = open(cognito.endpoint().toString(), pool)) {
            UserDirectory users = messages.users();
            assertThat(users.lookupOne("@TOBI").userUuid()).isEqualTo(TOBI);
            assertThat(users.lookupOne("@Tobi").problems()).extracting(DirectoryProblem::kind)
                    .containsExactly(DirectoryProblem.Kind.HANDLE_CASE_DIFFERS);
            assertThat(users.lookupOne("tobi@ex").userUuid()).isEqualTo(TOBI);
            assertThat(users.lookupOne(maraSub).userUuid()).isEqualTo(MARA);
            assertThat(users.lookupOne(LENA).problems()).extracting(DirectoryProblem::kind)
                    .containsExactly(DirectoryProblem.Kind.NOT_IN_COGNITO);
            assertThat(users.lookupOne("newbie").cognitoUsername()).isEqualTo("newbie");
            assertThat(users.lookupOne("ines@example.net").userUuid()).isEqualTo(INES);
            assertThat(users.lookupOne("ravi").cognitoEnabled()).isFalse();
            assertThat(users.lookup("nobody").entries()).isEmpty();
            assertThatThrownBy(() -> users.lookupOne("nobody")).isInstanceOfSatisfying(ConsoleException.class,
                    e -> assertThat(e.kind()).isEqualTo(ConsoleException.Kind.NOT_FOUND));
            assertThat(users.lookupOne("@kai").userUuid()).isEqualTo(KAI);
            assertThat(users.lookupOne("@KAI").cognitoUsername()).isEqualTo("kai2");
            assertThatThrownBy(() -> users.lookupOne("ka")).isInstanceOfSatisfying(ConsoleException.class,
                    e -> assertThat(e.getMessage()).contains("2 users match"));

            // a look-up answers exactly what the full directory says about the person
            for (String ref : List.of("@tobi", "tobi@ex", maraSub, LENA, "newbie", "@kai", "@KAI", "ines", "omar", "@bare")) {
                List<DirectoryEntry> direct = open(cognito.endpoint().toString(), pool).users().lookup(ref).entries();
                List<DirectoryEntry> fromAll = users.directory().entries().stream()
                        .filter(e -> direct.stream().anyMatch(d -> java.util.Objects.equals(d.userUuid(), e.userUuid())
                                && java.util.Objects.equals(d.cognitoSub(), e.cognitoSub()))).toList();
                assertThat(direct).as(ref).isEqualTo(fromAll);
                assertThat(users.lookup(ref).entries()).as("cached " + ref).isEqualTo(direct);
            }
        }
    }

    @Test
    void cognitoDownLeavesADirectoryOfSeedAndTableUsersAndANote() {
        String down = "http://127.0.0.1:" + CognitoLocalServer.freePort();
        try (MessagesTable messages = open(down, pool)) {
            DirectoryListing all = messages.users().directory();
            assertThat(all.cognitoRead()).isFalse();
            assertThat(all.notes()).singleElement().asString().startsWith("Cannot reach Cognito at " + down);
            assertThat(all.entries()).hasSize(7);
            assertThat(all.entries()).allSatisfy(e -> {
                assertThat(e.has(DirectoryProblem.Kind.NOT_IN_COGNITO)).isFalse();
                assertThat(e.has(DirectorySource.COGNITO)).isFalse();
            });
            assertThat(byHandle(all, "lenam").sourceList()).containsExactly(DirectorySource.SEED, DirectorySource.TABLE);
            DirectoryListing found = messages.users().lookup("@lenam");
            assertThat(found.entries()).singleElement().extracting(DirectoryEntry::userUuid).isEqualTo(LENA);
            // the messaging side does not need Cognito at all
            assertThat(messages.users().resolve("@tobi").uuid()).isEqualTo(TOBI);
        }
    }

    @Test
    void withoutAUserPoolTheDirectorySaysCognitoIsNotConfigured() {
        try (MessagesTable messages = open(null, null)) {
            assertThat(messages.users().cognito()).isEmpty();
            DirectoryListing all = messages.users().directory();
            assertThat(all.notes()).singleElement().asString().contains("not configured").contains("--user-pool-id");
            assertThat(all.entries()).extracting(DirectoryEntry::userUuid)
                    .containsExactlyInAnyOrder(MARA, TOBI, LENA, RAVI, INES, OMAR, KAI);
            assertThat(messages.users().all()).hasSize(7);
            assertThat(messages.users().find("@KAI")).get().extracting(ChatUser::uuid).isEqualTo(KAI);
        }
    }
}

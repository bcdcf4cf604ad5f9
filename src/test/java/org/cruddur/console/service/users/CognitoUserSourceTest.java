package org.cruddur.console.service.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.cruddur.console.config.ConnectionProfile;
import org.cruddur.console.service.ConsoleException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ListUsers against the real cognito-local: every attribute present or missing, filters, disabled users, errors. */
class CognitoUserSourceTest {

    static CognitoLocalServer cognito;
    static String pool;
    static CognitoUserSource source;
    static String maraSub;

    @BeforeAll
    static void pool() {
        cognito = CognitoLocalServer.get();
        pool = cognito.createPool();
        maraSub = cognito.createUser(pool, "mara", "preferred_username", "mara", "name", "Mara Quinlan",
                "email", "mara@example.com", "locale", "en");
        cognito.createUser(pool, "marek", "preferred_username", "Marek", "name", "Marek Nowak", "email", "marek@example.org");
        cognito.createUser(pool, "nohandle", "name", "No Handle", "email", "nohandle@example.com");
        cognito.createUser(pool, "noname", "preferred_username", "noname", "email", "noname@example.com");
        cognito.createUser(pool, "noemail", "preferred_username", "noemail", "name", "No Email");
        cognito.createUser(pool, "bare");
        cognito.createUser(pool, "sleepy", "preferred_username", "sleepy", "name", "Sleepy", "email", "sleepy@example.com");
        cognito.disableUser(pool, "sleepy");
        source = CognitoUserSource.forProfile(profile(cognito.endpoint().toString(), pool)).orElseThrow();
    }

    @AfterAll
    static void close() {
        source.close();
    }

    static ConnectionProfile profile(String endpoint, String poolId) {
        return ConnectionProfile.forEndpoint("http://127.0.0.1:1").withCognito(endpoint, poolId);
    }

    private static List<String> usernames(List<CognitoUser> users) {
        return users.stream().map(CognitoUser::username).sorted().toList();
    }

    @Test
    void listsEveryUserWithWhateverAttributesTheyHave() {
        List<CognitoUser> users = source.list();
        assertThat(usernames(users)).containsExactly("bare", "mara", "marek", "noemail", "nohandle", "noname", "sleepy");
        CognitoUser mara = users.stream().filter(u -> u.username().equals("mara")).findFirst().orElseThrow();
        assertThat(mara.sub()).isEqualTo(maraSub);
        assertThat(mara.handle()).isEqualTo("mara");
        assertThat(mara.displayName()).isEqualTo("Mara Quinlan");
        assertThat(mara.email()).isEqualTo("mara@example.com");
        assertThat(mara.enabled()).isTrue();
        assertThat(mara.status()).isEqualTo("FORCE_CHANGE_PASSWORD");
        assertThat(mara.attributes()).containsEntry("locale", "en");

        CognitoUser bare = users.stream().filter(u -> u.username().equals("bare")).findFirst().orElseThrow();
        assertThat(bare.sub()).isNotBlank();
        assertThat(bare.handle()).isNull();
        assertThat(bare.displayName()).isNull();
        assertThat(bare.email()).isNull();
        assertThat(users.stream().filter(u -> u.username().equals("nohandle")).findFirst().orElseThrow().handle()).isNull();
        assertThat(users.stream().filter(u -> u.username().equals("noname")).findFirst().orElseThrow().displayName()).isNull();
        assertThat(users.stream().filter(u -> u.username().equals("noemail")).findFirst().orElseThrow().email()).isNull();
    }

    @Test
    void disabledUsersAreListedAsDisabled() {
        CognitoUser sleepy = source.list().stream().filter(u -> u.username().equals("sleepy")).findFirst().orElseThrow();
        assertThat(sleepy.enabled()).isFalse();
        assertThat(sleepy.state()).startsWith("disabled");
        assertThat(usernames(source.list(CognitoFilter.parse("enabled = false")))).containsExactly("sleepy");
    }

    @Test
    void serverSideFiltersExactAndPrefix() {
        assertThat(CognitoFilter.parse("preferred_username = \"mara\"").serverSide()).isTrue();
        assertThat(usernames(source.list(CognitoFilter.parse("preferred_username = \"mara\"")))).containsExactly("mara");
        assertThat(usernames(source.list(CognitoFilter.parse("email ^= \"mar\"")))).containsExactly("mara", "marek");
        assertThat(usernames(source.list(CognitoFilter.equalTo("sub", maraSub)))).containsExactly("mara");
        assertThat(usernames(source.list(CognitoFilter.parse("name ^= \"No \"")))).containsExactly("noemail", "nohandle");
        // Cognito compares case-sensitively
        assertThat(source.list(CognitoFilter.parse("preferred_username = \"marek\""))).isEmpty();
        assertThat(source.list(CognitoFilter.parse("email = \"nobody@example.com\""))).isEmpty();
    }

    @Test
    void otherAttributesAreFilteredLocally() {
        CognitoFilter locale = CognitoFilter.parse("locale = \"en\"");
        assertThat(locale.serverSide()).isFalse();
        assertThat(usernames(source.list(locale))).containsExactly("mara");
        assertThat(source.list(CognitoFilter.parse("custom:team ^= \"x\""))).isEmpty();
    }

    @Test
    void unknownPoolIsOneLineNotFound() {
        try (CognitoUserSource missing = CognitoUserSource.forProfile(profile(cognito.endpoint().toString(), "local_nope")).orElseThrow()) {
            assertThatThrownBy(missing::list).isInstanceOfSatisfying(ConsoleException.class, e -> {
                assertThat(e.kind()).isEqualTo(ConsoleException.Kind.NOT_FOUND);
                assertThat(e.getMessage()).contains("local_nope").doesNotContain("\n");
            });
        }
    }

    @Test
    void cognitoDownIsOneLineUnreachable() {
        String down = "http://127.0.0.1:" + CognitoLocalServer.freePort();
        try (CognitoUserSource unreachable = CognitoUserSource.forProfile(profile(down, pool)).orElseThrow()) {
            assertThatThrownBy(unreachable::list).isInstanceOfSatisfying(ConsoleException.class, e -> {
                assertThat(e.kind()).isEqualTo(ConsoleException.Kind.UNREACHABLE);
                assertThat(e.getMessage()).isEqualTo("Cannot reach Cognito at " + down + " (connection refused)");
            });
        }
    }

    @Test
    void noUserPoolMeansNoSourceAndSaysWhy() {
        ConnectionProfile noPool = ConnectionProfile.forEndpoint("http://127.0.0.1:1").withCognito(cognito.endpoint().toString(), null);
        assertThat(CognitoUserSource.forProfile(noPool)).isEmpty();
        assertThat(CognitoUserSource.missingConfiguration(noPool)).get().asString().contains("no user pool id");
    }
}

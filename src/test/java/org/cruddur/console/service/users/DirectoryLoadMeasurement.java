package org.cruddur.console.service.users;

import org.cruddur.console.testing.LocalDynamoDb;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;
import org.cruddur.console.config.AppDirectories;
import org.cruddur.console.config.ConnectionProfile;
import org.cruddur.console.service.session.DynamoSession;
import org.cruddur.console.service.table.MessagesTable;
import org.cruddur.console.service.seeding.SeedUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not a test (nothing about timing is asserted): prints how long loading 1,000 cognito-local users into the directory
 * takes. Run with {@code mvn -B test -Dtest=DirectoryLoadMeasurement -Dcruddur.measure=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "cruddur.measure", matches = "true")
class DirectoryLoadMeasurement {

    @Test
    void load1000CognitoUsers(@TempDir Path tmp) {
        CognitoLocalServer cognito = CognitoLocalServer.get();
        String pool = cognito.createPool();
        int count = 1000;
        long t0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
            cognito.createUser(pool, String.format("user%04d", i), "preferred_username", String.format("user%04d", i),
                    "name", "User " + i, "email", String.format("user%04d@example.com", i));
        }
        long created = System.nanoTime() - t0;
        ConnectionProfile profile = ConnectionProfile.forEndpoint(LocalDynamoDb.endpoint())
                .withTable("measure-" + UUID.randomUUID()).withCognito(cognito.endpoint().toString(), pool);
        AppDirectories dirs = new AppDirectories(tmp.resolve("config"), tmp.resolve("data"));
        for (int round = 1; round <= 3; round++) {
            try (MessagesTable table = new MessagesTable(DynamoSession.open(profile, dirs, true, s -> { }), SeedUsers.DEFAULT)) {
                long l0 = System.nanoTime();
                int listed = table.users().cognito().orElseThrow().list().size();
                long l1 = System.nanoTime();
                var directory = table.users().directory();
                long l2 = System.nanoTime();
                var one = table.users().lookup("user0500@example.com");
                long l3 = System.nanoTime();
                assertThat(listed).isEqualTo(count);
                assertThat(directory.entries()).hasSize(count + SeedUsers.DEFAULT.size());
                assertThat(one.entries()).hasSize(1);
                System.out.printf("MEASURE round %d: ListUsers %d users %.0f ms; directory() (table scan + ListUsers + merge) %.0f ms%n",
                        round, listed, (l1 - l0) / 1e6, (l2 - l1) / 1e6);
                try (MessagesTable fresh = new MessagesTable(DynamoSession.open(profile, dirs, true, s -> { }), SeedUsers.DEFAULT)) {
                    long f0 = System.nanoTime();
                    fresh.users().lookup("user0500@example.com");
                    System.out.printf("MEASURE round %d: lookup on a fresh directory (server-side filters) %.0f ms; on the cached one %.2f ms%n",
                            round, (System.nanoTime() - f0) / 1e6, (l3 - l2) / 1e6);
                }
            }
        }
        System.out.printf("MEASURE creating %d users with AdminCreateUser took %.1f s%n", count, created / 1e9);
    }
}

package org.cruddur.console.service.streams;

import java.time.Instant;
import java.util.List;
import org.cruddur.console.config.AppDirectories;
import org.cruddur.console.config.ConnectionProfile;
import org.cruddur.console.service.items.ChatUser;
import org.cruddur.console.service.patterns.PostResult;
import org.cruddur.console.service.seeding.SeedUsers;
import org.cruddur.console.service.table.MessagesTable;

/**
 * A burst of posts into the embedded profile's table of {@code CRUDDUR_CONSOLE_HOME}, as the console and the backend
 * write them: console posts (their own transaction), backend messages the Lambda ran for, and backend messages it never
 * ran for. For the Streams pane's screenshot: {@code java ... StreamBurstForScreenshots SECONDS}.
 */
public final class StreamBurstForScreenshots {

    private StreamBurstForScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 20;
        AppDirectories dirs = AppDirectories.fromEnvironment();
        List<ChatUser> people = SeedUsers.DEFAULT;
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        int n = 0;
        try (MessagesTable t = MessagesTable.open(ConnectionProfile.EMBEDDED, dirs, true, s -> { })) {
            while (System.nanoTime() < end) {
                ChatUser from = people.get(n % people.size());
                ChatUser to = people.get((n + 1 + n / people.size()) % people.size());
                if (from.uuid().equals(to.uuid())) {
                    to = people.get((n + 2) % people.size());
                }
                PostResult r = t.post().toUser(from.uuid(), to.uuid(), "burst message " + n);
                if (n % 4 == 1) {
                    Instant later = Instant.parse(r.createdAt().replace("+00:00", "Z")).plusMillis(5);
                    String sk = StreamTailTest.backendMessage(t, r.messageGroupUuid(), later, "from the backend " + n, to);
                    if (n % 8 == 1) {
                        StreamTailTest.lambdaRuns(t, r.messageGroupUuid(), sk, "from the backend " + n);
                    }
                }
                n++;
                Thread.sleep(40);
            }
        }
        System.out.println("posted " + n + " messages");
    }
}

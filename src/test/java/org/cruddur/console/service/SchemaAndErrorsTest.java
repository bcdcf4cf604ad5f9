package org.cruddur.console.service;

import org.cruddur.console.service.items.MessagesSchema;
import org.cruddur.console.service.oplog.OperationLogEntry;
import org.cruddur.console.service.seeding.SeedPlan;
import org.cruddur.console.service.seeding.SeedUsers;
import org.cruddur.console.service.session.DynamoSession;
import org.cruddur.console.service.table.MessagesTable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.cruddur.console.config.ConnectionProfile;
import org.cruddur.console.testing.LocalDynamoDb;
import org.junit.jupiter.api.Test;

class SchemaAndErrorsTest {

    @Test
    void schemaLoadIsIdempotentAndDescribesTheReferenceSchema() {
        try (MessagesTable table = new MessagesTable(DynamoSession.open(LocalDynamoDb.profile("schema"), LocalDynamoDb.dirs(), false, s -> { }),
                SeedUsers.DEFAULT)) {
            assertThat(table.schema().exists()).isFalse();
            assertThat(table.schema().load()).isTrue();
            assertThat(table.schema().load()).isFalse();
            assertThat(table.schema().listTables()).contains(table.session().tableName());
            MessagesSchema.TableInfo info = table.schema().describe();
            assertThat(info.status()).isEqualTo("ACTIVE");
            assertThat(info.keys()).isEqualTo("pk HASH (S), sk RANGE (S)");
            assertThat(info.indexes()).singleElement().asString()
                    .startsWith("message-group-sk-index: message_group_uuid HASH (S), sk RANGE (S), projection ALL");
            assertThat(info.stream()).isEqualTo("enabled (NEW_IMAGE)");
            assertThat(info.capacity()).isEqualTo("provisioned 5 RCU / 5 WCU");

            assertThatThrownBy(() -> table.schema().drop("cruddur-messages")).hasMessageStartingWith("Drop not confirmed");
            assertThat(table.schema().exists()).isTrue();
            table.schema().drop(table.session().tableName());
            assertThat(table.schema().exists()).isFalse();
        }
    }

    @Test
    void missingTableIsAOneLineTypedError() {
        try (MessagesTable table = new MessagesTable(DynamoSession.open(LocalDynamoDb.profile("missing"), LocalDynamoDb.dirs(), false, s -> { }),
                SeedUsers.DEFAULT)) {
            for (Runnable call : List.<Runnable>of(
                    () -> table.conversations().newest("g"),
                    () -> table.inbox().newest("u"),
                    () -> table.post().toUser("@mara", "@tobi", "hi"),
                    () -> table.seeder().seed(SeedPlan.defaults(), (d, t) -> { }, () -> false),
                    () -> table.scanner().page(5, null, null),
                    () -> table.schema().describe())) {
                assertThatThrownBy(call::run).isInstanceOf(ConsoleException.class)
                        .satisfies(e -> {
                            assertThat(((ConsoleException) e).kind()).isEqualTo(ConsoleException.Kind.TABLE_MISSING);
                            assertThat(e.getMessage()).startsWith("Table '" + table.session().tableName() + "' does not exist").doesNotContain("\n");
                        });
            }
        }
    }

    @Test
    void endpointDownIsAOneLineTypedError() throws Exception {
        String down = "http://127.0.0.1:" + LocalDynamoDb.freePort();
        try (MessagesTable table = new MessagesTable(DynamoSession.open(ConnectionProfile.forEndpoint(down), LocalDynamoDb.dirs(), false, s -> { }),
                SeedUsers.DEFAULT)) {
            assertThatThrownBy(() -> table.schema().listTables())
                    .isInstanceOf(ConsoleException.class)
                    .hasMessage("Cannot reach DynamoDB at " + down + " (connection refused)")
                    .extracting(e -> ((ConsoleException) e).kind()).isEqualTo(ConsoleException.Kind.UNREACHABLE);
        }
    }

    @Test
    void operationLogRecordsCallsWithCapacityAndAwsCliCommand() {
        try (MessagesTable table = LocalDynamoDb.freshTable("oplog")) {
            table.post().toUser("@mara", "@tobi", "it's logged");
            table.inbox().newest(SeedUsers.DEFAULT.get(0).uuid());
            List<OperationLogEntry> entries = table.session().log().entries();
            assertThat(entries).extracting(OperationLogEntry::operation).contains("CreateTable", "TransactWriteItems", "Query");
            OperationLogEntry query = entries.get(entries.size() - 1);
            assertThat(query.operation()).isEqualTo("Query");
            assertThat(query.table()).isEqualTo(table.session().tableName());
            assertThat(query.keyCondition()).isEqualTo("pk = \"GRP#" + SeedUsers.DEFAULT.get(0).uuid() + "\"");
            assertThat(query.itemCount()).isEqualTo(1);
            assertThat(query.consumedCapacity()).isNotNull().isPositive();
            assertThat(query.awsCli()).startsWith("aws dynamodb query --table-name " + table.session().tableName())
                    .contains("--key-condition-expression 'pk = :pk'")
                    .contains("--expression-attribute-values '{\":pk\":{\"S\":\"GRP#" + SeedUsers.DEFAULT.get(0).uuid() + "\"}}'")
                    .contains("--no-scan-index-forward")
                    .contains("--limit 50")
                    .contains("--return-consumed-capacity TOTAL")
                    .endsWith("--endpoint-url " + LocalDynamoDb.endpoint() + " --region us-east-1");
            OperationLogEntry transaction = entries.stream().filter(e -> e.operation().equals("TransactWriteItems")).findFirst().orElseThrow();
            assertThat(transaction.itemCount()).isEqualTo(3);
            assertThat(transaction.awsCli()).contains("--transact-items '[").contains("it'\\''s logged");
        }
    }
}

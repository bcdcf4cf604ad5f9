package org.cruddur.console.service.items;

import org.cruddur.console.service.ConsoleException;
import org.cruddur.console.service.session.DynamoSession;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** The one home of the table's schema, as the reference {@code bin/ddb/schema-load} creates it, and its admin calls. */
public final class MessagesSchema {

    public static final String GSI_NAME = "message-group-sk-index";

    /** What {@link #describe()} tells about the table. */
    public record TableInfo(String name, String status, String keys, List<String> indexes, long itemCount, long sizeBytes,
                            String stream, String capacity) {
    }

    private final DynamoSession session;

    public MessagesSchema(DynamoSession session) {
        this.session = session;
    }

    public CreateTableRequest createTableRequest() {
        ProvisionedThroughput fiveByFive = ProvisionedThroughput.builder().readCapacityUnits(5L).writeCapacityUnits(5L).build();
        return CreateTableRequest.builder()
                .tableName(session.tableName())
                .attributeDefinitions(
                        attribute(TableItems.PK), attribute(TableItems.SK), attribute(TableItems.MESSAGE_GROUP_UUID))
                .keySchema(key(TableItems.PK, KeyType.HASH), key(TableItems.SK, KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName(GSI_NAME)
                        .keySchema(key(TableItems.MESSAGE_GROUP_UUID, KeyType.HASH), key(TableItems.SK, KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                        .provisionedThroughput(fiveByFive)
                        .build())
                .billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(fiveByFive)
                .streamSpecification(StreamSpecification.builder().streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE).build())
                .build();
    }

    /** Creates the table and waits until it is ACTIVE; returns false when it already existed. */
    public boolean load() {
        session.requireWrites("schema-load");
        boolean created;
        try {
            session.call(c -> c.createTable(createTableRequest()));
            created = true;
        } catch (ConsoleException e) {
            if (!(e.getCause() instanceof ResourceInUseException)) {
                throw e;
            }
            created = false;
        }
        session.call(c -> c.waiter().waitUntilTableExists(r -> r.tableName(session.tableName())));
        return created;
    }

    /** Deletes the table; {@code confirmation} must be its exact name. */
    public void drop(String confirmation) {
        session.requireWrites("drop");
        if (!session.tableName().equals(confirmation)) {
            throw ConsoleException.validation("Drop not confirmed: type the exact table name '" + session.tableName() + "'");
        }
        session.call(c -> c.deleteTable(r -> r.tableName(session.tableName())));
        session.call(c -> c.waiter().waitUntilTableNotExists(r -> r.tableName(session.tableName())));
    }

    public List<String> listTables() {
        return session.call(c -> c.listTablesPaginator().tableNames().stream().toList());
    }

    public boolean exists() {
        return listTables().contains(session.tableName());
    }

    public TableInfo describe() {
        TableDescription t = session.call(c -> c.describeTable(r -> r.tableName(session.tableName()))).table();
        String keys = keys(t.keySchema(), t.attributeDefinitions());
        List<String> indexes = t.globalSecondaryIndexes().stream().map(g -> describeIndex(g, t)).toList();
        String stream = t.streamSpecification() == null || !Boolean.TRUE.equals(t.streamSpecification().streamEnabled())
                ? "disabled" : "enabled (" + t.streamSpecification().streamViewTypeAsString() + ")";
        String capacity = t.provisionedThroughput() == null || t.provisionedThroughput().readCapacityUnits() == null
                || t.provisionedThroughput().readCapacityUnits() == 0 ? "on demand"
                : "provisioned " + t.provisionedThroughput().readCapacityUnits() + " RCU / " + t.provisionedThroughput().writeCapacityUnits() + " WCU";
        return new TableInfo(t.tableName(), t.tableStatusAsString(), keys, indexes,
                t.itemCount() == null ? 0 : t.itemCount(), t.tableSizeBytes() == null ? 0 : t.tableSizeBytes(), stream, capacity);
    }

    private static String describeIndex(GlobalSecondaryIndexDescription g, TableDescription t) {
        return g.indexName() + ": " + keys(g.keySchema(), t.attributeDefinitions()) + ", projection "
                + g.projection().projectionTypeAsString() + ", " + g.indexStatusAsString();
    }

    private static String keys(List<KeySchemaElement> schema, List<AttributeDefinition> definitions) {
        return String.join(", ", schema.stream().map(k -> k.attributeName() + " " + k.keyTypeAsString() + " ("
                + definitions.stream().filter(d -> d.attributeName().equals(k.attributeName()))
                .map(AttributeDefinition::attributeTypeAsString).findFirst().orElse("?") + ")").toList());
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}

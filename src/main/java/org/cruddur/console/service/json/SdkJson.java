package org.cruddur.console.service.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Renders SDK model objects as the JSON the DynamoDB wire protocol and the AWS CLI use, from the SDK's own field
 * metadata: an item becomes DynamoDB JSON ({@code {"pk": {"S": "..."}}}), a request its CLI parameters.
 */
public final class SdkJson {

    public static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SdkJson() {
    }

    /** JSON of an SDK value, or {@code null} when it is unset. */
    public static JsonNode toJson(Object value) {
        if (value == null || value instanceof SdkAutoConstructList<?> || value instanceof SdkAutoConstructMap<?, ?>) {
            return null;
        }
        if (value instanceof SdkPojo pojo) {
            ObjectNode node = NODES.objectNode();
            for (SdkField<?> field : pojo.sdkFields()) {
                JsonNode child = toJson(field.getValueOrDefault(pojo));
                if (child != null) {
                    node.set(field.locationName(), child);
                }
            }
            return node;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode node = NODES.objectNode();
            map.forEach((k, v) -> {
                JsonNode child = toJson(v);
                node.set(String.valueOf(k), child == null ? NODES.nullNode() : child);
            });
            return node;
        }
        if (value instanceof Collection<?> list) {
            ArrayNode node = NODES.arrayNode();
            list.forEach(v -> node.add(toJson(v)));
            return node;
        }
        if (value instanceof SdkBytes bytes) {
            return NODES.textNode(Base64.getEncoder().encodeToString(bytes.asByteArray()));
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Integer || value instanceof Long) {
            return NODES.numberNode(((Number) value).longValue());
        }
        if (value instanceof Number n) {
            return NODES.numberNode(n.doubleValue());
        }
        if (value instanceof Instant instant) {
            return NODES.textNode(instant.toString());
        }
        return NODES.textNode(String.valueOf(value));
    }

    /** An item in DynamoDB JSON, as {@code aws dynamodb} prints it. */
    public static ObjectNode dynamoJson(Map<String, AttributeValue> item) {
        return (ObjectNode) toJson(item);
    }

    /** An item as plain JSON: strings, numbers, booleans, lists and maps without type tags. */
    public static ObjectNode plainJson(Map<String, AttributeValue> item) {
        ObjectNode node = NODES.objectNode();
        item.forEach((name, value) -> node.set(name, plain(value)));
        return node;
    }

    private static JsonNode plain(AttributeValue v) {
        switch (v.type()) {
            case S:
                return NODES.textNode(v.s());
            case N:
                return NODES.numberNode(new java.math.BigDecimal(v.n()));
            case BOOL:
                return NODES.booleanNode(v.bool());
            case NUL:
                return NODES.nullNode();
            case B:
                return NODES.textNode(Base64.getEncoder().encodeToString(v.b().asByteArray()));
            case L: {
                ArrayNode list = NODES.arrayNode();
                v.l().forEach(e -> list.add(plain(e)));
                return list;
            }
            case M: {
                ObjectNode map = NODES.objectNode();
                v.m().forEach((k, e) -> map.set(k, plain(e)));
                return map;
            }
            case SS: {
                ArrayNode set = NODES.arrayNode();
                v.ss().forEach(set::add);
                return set;
            }
            case NS: {
                ArrayNode set = NODES.arrayNode();
                v.ns().forEach(n -> set.add(new java.math.BigDecimal(n)));
                return set;
            }
            case BS: {
                ArrayNode set = NODES.arrayNode();
                v.bs().forEach(b -> set.add(Base64.getEncoder().encodeToString(b.asByteArray())));
                return set;
            }
            default:
                return NODES.nullNode();
        }
    }

    public static String compact(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String pretty(JsonNode node) {
        try {
            return PRETTY.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.cruddur.console.service.streams;

import java.time.Instant;
import java.util.Map;
import org.cruddur.console.service.items.TableItems;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/**
 * One stream record, decoded for people: what happened to which item, what the item is, and for a message INSERT
 * what the stream Lambda would do with it ({@link #lambda()}).
 *
 * @param conversation  the message_group_uuid: a message's from its pk, a group row's from its image (or, for a
 *                      REMOVE, which carries no image in a NEW_IMAGE stream, from the INSERT it is paired with)
 * @param userUuid      a message's sender; a group row's owner (from its pk: whose inbox row it is)
 * @param post          the post this record belongs to ({@code <conversation>@<message sk>}), when known: a message
 *                      INSERT and the group-row writes that move the rows to it share it
 * @param movedFrom     for a group-row INSERT paired with a REMOVE of the same owner: the sk it moved from
 */
public record StreamEvent(
        String eventId,
        String eventName,
        Instant approximateCreationTime,
        String sequenceNumber,
        String shardId,
        String pk,
        String sk,
        RecordKind kind,
        String conversation,
        String userUuid,
        String message,
        Map<String, AttributeValue> newImage,
        Map<String, AttributeValue> oldImage,
        String post,
        String movedFrom,
        LambdaVerdict lambda) {

    public static StreamEvent of(Record r, String shardId) {
        StreamRecord d = r.dynamodb();
        Map<String, AttributeValue> keys = d.keys();
        String pk = TableItems.text(keys, TableItems.PK);
        String sk = TableItems.text(keys, TableItems.SK);
        Map<String, AttributeValue> newImage = d.hasNewImage() ? d.newImage() : Map.of();
        Map<String, AttributeValue> oldImage = d.hasOldImage() ? d.oldImage() : Map.of();
        Map<String, AttributeValue> image = !newImage.isEmpty() ? newImage : oldImage;
        RecordKind kind = pk == null ? RecordKind.OTHER
                : pk.startsWith(TableItems.MESSAGE_PREFIX) ? RecordKind.MESSAGE
                : pk.startsWith(TableItems.GROUP_PREFIX) ? RecordKind.GROUP_ROW : RecordKind.OTHER;
        String conversation = switch (kind) {
            case MESSAGE -> pk.substring(TableItems.MESSAGE_PREFIX.length());
            case GROUP_ROW, OTHER -> TableItems.text(image, TableItems.MESSAGE_GROUP_UUID);
        };
        String user = kind == RecordKind.GROUP_ROW ? pk.substring(TableItems.GROUP_PREFIX.length())
                : TableItems.text(image, TableItems.USER_UUID);
        String text = TableItems.text(image, TableItems.MESSAGE);
        String post = kind == RecordKind.MESSAGE || (kind == RecordKind.GROUP_ROW && conversation != null && !isRemove(r.eventNameAsString()))
                ? postOf(conversation, sk) : null;
        return new StreamEvent(r.eventID(), r.eventNameAsString(), d.approximateCreationDateTime(), d.sequenceNumber(), shardId,
                pk, sk, kind, conversation, user, text, newImage, oldImage, post, null, null);
    }

    static String postOf(String conversation, String sk) {
        return conversation == null || sk == null ? null : conversation + "@" + sk;
    }

    private static boolean isRemove(String eventName) {
        return "REMOVE".equals(eventName);
    }

    public boolean isInsert() {
        return "INSERT".equals(eventName);
    }

    public boolean isRemove() {
        return isRemove(eventName);
    }

    /** A message INSERT: the records the stream Lambda acts on. */
    public boolean isMessageInsert() {
        return kind == RecordKind.MESSAGE && isInsert();
    }

    StreamEvent withLambda(LambdaVerdict verdict) {
        return new StreamEvent(eventId, eventName, approximateCreationTime, sequenceNumber, shardId, pk, sk, kind, conversation,
                userUuid, message, newImage, oldImage, post, movedFrom, verdict);
    }

    StreamEvent withPairing(String conversation, String post, String movedFrom) {
        return new StreamEvent(eventId, eventName, approximateCreationTime, sequenceNumber, shardId, pk, sk, kind, conversation,
                userUuid, message, newImage, oldImage, post, movedFrom, lambda);
    }
}

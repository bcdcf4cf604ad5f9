package org.cruddur.console.service.health;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cruddur.console.service.items.Timestamps;

/**
 * What a check keeps of one conversation instead of its items: its group rows (few), its message count, its newest
 * message, and per sender a count and a few sample keys. Filled by the scan's threads, hence synchronized.
 */
final class ConversationSummary {

    /** A group row as seen, without the parts a check does not need. */
    record RowSeen(String owner, String sk, String message, String otherUuid, String otherDisplayName, String otherHandle,
                   boolean complete) {
    }

    /** Someone who sent messages into the conversation. */
    static final class Sender {
        final String uuid;
        String displayName;
        String handle;
        long count;
        final List<String> sampleSks = new ArrayList<>(2);

        Sender(String uuid) {
            this.uuid = uuid;
        }
    }

    /** How many message keys of a sender are kept to name in findings (all are counted). */
    static final int SAMPLES = 5;
    /** Distinct senders kept per conversation; more than two is already a finding. */
    static final int MAX_SENDERS = 16;

    final String groupUuid;
    final List<RowSeen> rows = new ArrayList<>(2);
    /** Findings about the items of its group rows; whether repair fixes them is known only after the scan. */
    final List<Finding> rowFindings = new ArrayList<>(0);
    final List<Sender> senders = new ArrayList<>(2);
    long messages;
    long uncountedSenders;
    String newestSk;
    Instant newestAt;
    String newestMessage;

    ConversationSummary(String groupUuid) {
        this.groupUuid = groupUuid;
    }

    synchronized void addRow(RowSeen row, List<Finding> itemFindings) {
        rows.add(row);
        rowFindings.addAll(itemFindings);
    }

    /** A message; {@code at} is null when its sk is not a time (it still counts, but cannot be the newest). */
    synchronized void addMessage(String sk, Instant at, boolean canonical, String text, String senderUuid,
                                 String displayName, String handle) {
        messages++;
        if (sk != null && (at != null || canonical) && isNewer(sk, at, canonical)) {
            newestSk = sk;
            newestAt = at;
            newestMessage = text;
        }
        if (senderUuid == null) {
            return;
        }
        Sender sender = null;
        for (Sender s : senders) {
            if (s.uuid.equals(senderUuid)) {
                sender = s;
                break;
            }
        }
        if (sender == null) {
            if (senders.size() >= MAX_SENDERS) {
                uncountedSenders++;
                return;
            }
            sender = new Sender(senderUuid);
            senders.add(sender);
        }
        sender.count++;
        if (sender.displayName == null) {
            sender.displayName = displayName;
        }
        if (sender.handle == null) {
            sender.handle = handle;
        }
        if (sender.sampleSks.size() < SAMPLES) {
            sender.sampleSks.add(sk);
        }
    }

    /** Text order is time order between two sort keys in the console's own format; others are compared as instants. */
    private boolean isNewer(String sk, Instant at, boolean canonical) {
        if (newestSk == null) {
            return true;
        }
        if (canonical && Timestamps.isCanonical(newestSk)) {
            return sk.compareTo(newestSk) > 0;
        }
        Instant mine = at != null ? at : Timestamps.parse(sk);
        Instant theirs = newestAt != null ? newestAt : Timestamps.parse(newestSk);
        return mine.isAfter(theirs);
    }

    /** The newest message's instant (null without one). */
    synchronized Instant newestInstant() {
        if (newestSk == null) {
            return null;
        }
        return newestAt != null ? newestAt : Timestamps.parse(newestSk);
    }
}

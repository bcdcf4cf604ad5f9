package org.cruddur.console.service.health;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.cruddur.console.service.items.ChatUser;
import org.cruddur.console.service.items.MessageGroupRow;
import org.cruddur.console.service.items.TableItems;
import org.cruddur.console.service.items.Timestamps;
import org.cruddur.console.service.health.ConversationSummary.RowSeen;
import org.cruddur.console.service.health.ConversationSummary.Sender;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The rules of a healthy conversation, judged on its summary: exactly two participants, each holding exactly one
 * group row, at the newest message, in the item shape pattern D writes, naming the other; every sender a participant.
 * The same judgement gives the findings and the repair, so that what check reports is what repair fixes.
 */
final class ConversationRules {

    /** The findings of a conversation and the write that would repair the selected kinds (empty when none). */
    record Verdict(List<Finding> findings, ConversationWrite write, Set<String> participants, long unlistedSenderMessages) {
    }

    private ConversationRules() {
    }

    /** {@code people} names those the conversation's own items do not (a uuid to a person, when known). */
    static Verdict judge(ConversationSummary c, Set<FindingKind> repairKinds, Function<String, Optional<ChatUser>> people) {
        synchronized (c) {
            return new Judgement(c, repairKinds, people).run();
        }
    }

    private static final class Judgement {
        final ConversationSummary c;
        final Set<FindingKind> kinds;
        final List<Finding> findings = new ArrayList<>();
        final List<Map<String, AttributeValue>> deletes = new ArrayList<>();
        final List<Map<String, AttributeValue>> puts = new ArrayList<>();
        final List<Map<String, AttributeValue>> replacing = new ArrayList<>();
        /** Keys of rows whose item problems a full repair removes (deleted, or replaced by a healthy row). */
        final Set<String> fixedRows = new HashSet<>();

        final Function<String, Optional<ChatUser>> people;

        Judgement(ConversationSummary c, Set<FindingKind> kinds, Function<String, Optional<ChatUser>> people) {
            this.c = c;
            this.kinds = kinds;
            this.people = people;
        }

        Verdict run() {
            Set<String> people = participants();
            String newest = c.newestSk;
            if (c.messages == 0) {
                for (RowSeen row : c.rows) {
                    findings.add(new Finding(FindingKind.ORPHAN_GROUP_ROW, c.groupUuid, pk(row), row.sk(),
                            "group row of " + name(row.owner()) + " lists a conversation with no messages", true));
                    fixedRows.add(key(row));
                    if (kinds.contains(FindingKind.ORPHAN_GROUP_ROW)) {
                        deletes.add(TableItems.key(pk(row), row.sk()));
                    }
                }
            } else if (people.size() > 2) {
                RowSeen first = c.rows.isEmpty() ? null : c.rows.get(0);
                findings.add(new Finding(FindingKind.PARTICIPANT_MISMATCH, c.groupUuid, first == null ? null : pk(first),
                        first == null ? null : first.sk(), people.size() + " people involved: " + names(people), false));
            } else if (people.size() < 2) {
                findings.add(new Finding(FindingKind.PARTICIPANT_MISMATCH, c.groupUuid, c.rows.isEmpty() ? null : pk(c.rows.get(0)),
                        c.rows.isEmpty() ? null : c.rows.get(0).sk(), "only one participant: " + names(people), false));
            } else {
                List<String> two = new ArrayList<>(people);
                if (newest != null) {
                    judgeRows(two.get(0), two.get(1), newest);
                    judgeRows(two.get(1), two.get(0), newest);
                }
            }
            judgeSenders(people);
            boolean naiveNewest = newest != null && !ItemRules.hasOffset(newest);
            for (Finding f : c.rowFindings) {
                boolean fixed = fixedRows.contains(f.pk() + "\n" + f.sk())
                        && !(f.kind() == FindingKind.NAIVE_TIMESTAMP && naiveNewest && c.messages > 0);
                findings.add(f.repairable(fixed));
            }
            Set<String> touched = new HashSet<>();
            deletes.forEach(k -> touched.add(keyText(k)));
            replacing.forEach(k -> touched.add(keyText(k)));
            List<Map<String, AttributeValue>> unchanged = new ArrayList<>();
            for (RowSeen row : c.rows) {
                Map<String, AttributeValue> key = TableItems.key(pk(row), row.sk());
                if (!touched.contains(keyText(key))) {
                    unchanged.add(key);
                }
            }
            ConversationWrite write = new ConversationWrite(c.groupUuid, deletes, puts, replacing, unchanged, newest);
            return new Verdict(findings, write, people, unlistedSenderMessages);
        }

        /**
         * Who is in the conversation: the owners of its group rows and the people they name; where rows are missing,
         * its senders, most active first (a third sender is then a finding, not a participant).
         */
        Set<String> participants() {
            Set<String> people = new LinkedHashSet<>();
            for (RowSeen row : c.rows) {
                people.add(row.owner());
                if (row.otherUuid() != null && !row.otherUuid().equals(row.owner())) {
                    people.add(row.otherUuid());
                }
            }
            if (people.size() < 2) {
                c.senders.stream().sorted(Comparator.comparingLong((Sender s) -> s.count).reversed())
                        .forEach(s -> {
                            if (people.size() < 2) {
                                people.add(s.uuid);
                            }
                        });
            }
            return people;
        }

        void judgeRows(String owner, String other, String newest) {
            List<RowSeen> mine = c.rows.stream().filter(r -> r.owner().equals(owner)).toList();
            Map<String, AttributeValue> desired = TableItems.toItem(desiredRow(owner, other, newest));
            String desiredPk = TableItems.groupPk(owner);
            if (mine.isEmpty()) {
                findings.add(new Finding(FindingKind.MISSING_GROUP_ROW, c.groupUuid, desiredPk, newest,
                        name(owner) + " has no group row for this conversation with " + name(other), true));
                if (kinds.contains(FindingKind.MISSING_GROUP_ROW)) {
                    puts.add(desired);
                }
                return;
            }
            RowSeen keeper = mine.stream().filter(r -> newest.equals(r.sk())).findFirst()
                    .orElseGet(() -> mine.stream().max(Comparator.comparing(RowSeen::sk, Timestamps.BY_INSTANT)).orElseThrow());
            for (RowSeen extra : mine) {
                if (extra == keeper) {
                    continue;
                }
                findings.add(new Finding(FindingKind.DUPLICATE_GROUP_ROW, c.groupUuid, pk(extra), extra.sk(),
                        name(owner) + " holds " + mine.size() + " group rows for this conversation; this one is not the newest", true));
                fixedRows.add(key(extra));
                if (kinds.contains(FindingKind.DUPLICATE_GROUP_ROW)) {
                    deletes.add(TableItems.key(pk(extra), extra.sk()));
                }
            }
            boolean behind = !newest.equals(keeper.sk());
            boolean otherText = !Objects.equals(keeper.message(), c.newestMessage);
            if (behind || otherText) {
                findings.add(new Finding(FindingKind.STALE_GROUP_ROW, c.groupUuid, pk(keeper), keeper.sk(), behind
                        ? "group row of " + name(owner) + " is at " + keeper.sk() + ", the newest message at " + newest
                        : "group row of " + name(owner) + " shows another text than the newest message", true));
            }
            boolean sameShape = !behind && !otherText && keeper.complete()
                    && TableItems.groupRow(desired).equals(asGroupRow(keeper));
            if (!sameShape) {
                // pattern D's row for the newest message replaces the kept one (its other faults go with it)
                boolean healthyPut = ItemRules.missing(desired, ItemRules.GROUP_ATTRIBUTES).isEmpty();
                if (healthyPut) {
                    fixedRows.add(key(keeper));
                }
                if (kinds.contains(FindingKind.STALE_GROUP_ROW)) {
                    puts.add(desired);
                    if (behind) {
                        deletes.add(TableItems.key(pk(keeper), keeper.sk()));
                    } else {
                        replacing.add(TableItems.key(pk(keeper), keeper.sk()));
                    }
                }
            }
        }

        MessageGroupRow asGroupRow(RowSeen r) {
            return new MessageGroupRow(r.owner(), r.sk(), c.groupUuid, r.message(), r.otherUuid(), r.otherDisplayName(), r.otherHandle());
        }

        /** Pattern D's row for {@code owner}: the newest message, naming {@code other} as the rows and messages know them. */
        MessageGroupRow desiredRow(String owner, String other, String newest) {
            String display = null;
            String handle = null;
            for (RowSeen r : c.rows) {
                if (other.equals(r.otherUuid()) && r.otherDisplayName() != null && r.otherHandle() != null) {
                    display = r.otherDisplayName();
                    handle = r.otherHandle();
                    if (r.owner().equals(owner)) {
                        break; // the owner's own row names them as the owner has always seen them
                    }
                }
            }
            if (display == null || handle == null) {
                for (Sender s : c.senders) {
                    if (s.uuid.equals(other)) {
                        display = display == null ? s.displayName : display;
                        handle = handle == null ? s.handle : handle;
                    }
                }
            }
            if (display == null || handle == null) {
                Optional<ChatUser> known = people.apply(other);
                if (known.isPresent()) {
                    display = display == null ? known.get().displayName() : display;
                    handle = handle == null ? known.get().handle() : handle;
                }
            }
            return new MessageGroupRow(owner, newest, c.groupUuid, c.newestMessage, other, display, handle);
        }

        void judgeSenders(Set<String> people) {
            if (people.size() > 2) {
                return; // already a participant_mismatch; naming every sender too would only repeat it
            }
            for (Sender s : c.senders) {
                if (people.contains(s.uuid)) {
                    continue;
                }
                for (String sk : s.sampleSks) {
                    findings.add(new Finding(FindingKind.SENDER_NOT_PARTICIPANT, c.groupUuid, TableItems.messagePk(c.groupUuid), sk,
                            "message from " + (s.handle == null ? s.uuid : "@" + s.handle) + ", who is not a participant ("
                                    + s.count + " such message" + (s.count == 1 ? "" : "s") + " from them)", false));
                }
                // the messages past the samples are counted, not listed: a summary keeps no more keys
                unlistedSenderMessages += s.count - s.sampleSks.size();
            }
        }

        long unlistedSenderMessages;

        String name(String uuid) {
            for (Sender s : c.senders) {
                if (s.uuid.equals(uuid) && s.handle != null) {
                    return "@" + s.handle;
                }
            }
            for (RowSeen r : c.rows) {
                if (uuid.equals(r.otherUuid()) && r.otherHandle() != null) {
                    return "@" + r.otherHandle();
                }
            }
            return people.apply(uuid).filter(u -> u.handle() != null).map(u -> "@" + u.handle()).orElse(uuid);
        }

        String names(Set<String> people) {
            return String.join(", ", people.stream().map(this::name).toList());
        }

        static String pk(RowSeen r) {
            return TableItems.groupPk(r.owner());
        }

        static String key(RowSeen r) {
            return pk(r) + "\n" + r.sk();
        }

        static String keyText(Map<String, AttributeValue> key) {
            return TableItems.text(key, TableItems.PK) + "\n" + TableItems.text(key, TableItems.SK);
        }
    }
}

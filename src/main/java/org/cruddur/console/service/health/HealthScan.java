package org.cruddur.console.service.health;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.cruddur.console.service.items.TableItems;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The streaming side of a check: every item read is judged on its own and folded into its conversation's summary,
 * then dropped; only summaries and findings stay. Pages arrive from the scan's segment threads at once.
 */
final class HealthScan {

    /** People's uuids, names and handles repeat in every item: one copy each (up to a bound). */
    private static final int MAX_SHARED_STRINGS = 200_000;

    private final Map<String, ConversationSummary> conversations = new ConcurrentHashMap<>();
    private final Map<String, String> shared = new ConcurrentHashMap<>();
    private final FindingList findings;
    private final LongAdder items = new LongAdder();

    HealthScan(FindingList findings) {
        this.findings = findings;
    }

    void accept(Collection<Map<String, AttributeValue>> page) {
        for (Map<String, AttributeValue> item : page) {
            accept(item);
        }
    }

    void accept(Map<String, AttributeValue> item) {
        items.increment();
        String pk = TableItems.text(item, TableItems.PK);
        String sk = TableItems.text(item, TableItems.SK);
        if (pk != null && pk.startsWith(TableItems.MESSAGE_PREFIX) && ItemRules.isUuid(pk.substring(4))) {
            message(pk.substring(4), pk, sk, item);
        } else if (pk != null && pk.startsWith(TableItems.GROUP_PREFIX) && ItemRules.isUuid(pk.substring(4))) {
            groupRow(pk.substring(4), pk, sk, item);
        } else {
            String group = TableItems.text(item, TableItems.MESSAGE_GROUP_UUID);
            findings.add(new Finding(FindingKind.BAD_KEY, ItemRules.isUuid(group) ? group : null, pk, sk,
                    "pk '" + pk + "' is neither MSG#<uuid> nor GRP#<uuid>", false));
        }
    }

    private void message(String groupUuid, String pk, String sk, Map<String, AttributeValue> item) {
        ItemRules.SortKeyTime time = ItemRules.time(sk);
        List<Finding> found = new ArrayList<>(0);
        ItemRules.judgeTime(groupUuid, pk, sk, time, found);
        List<String> missing = ItemRules.missing(item, ItemRules.MESSAGE_ATTRIBUTES);
        if (!missing.isEmpty()) {
            found.add(new Finding(FindingKind.MISSING_ATTRIBUTE, groupUuid, pk, sk,
                    "message lacks " + String.join(", ", missing), false));
        }
        found.forEach(findings::add);
        conversation(groupUuid).addMessage(sk, time == null ? null : time.at(), time != null && time.canonical(),
                TableItems.text(item, TableItems.MESSAGE), share(TableItems.text(item, TableItems.USER_UUID)),
                share(TableItems.text(item, TableItems.USER_DISPLAY_NAME)), share(TableItems.text(item, TableItems.USER_HANDLE)));
    }

    private void groupRow(String owner, String pk, String sk, Map<String, AttributeValue> item) {
        String groupUuid = TableItems.text(item, TableItems.MESSAGE_GROUP_UUID);
        List<String> missing = ItemRules.missing(item, ItemRules.GROUP_ATTRIBUTES);
        if (!ItemRules.isUuid(groupUuid)) {
            // a row that names no conversation cannot be put with one; reported on its own
            findings.add(new Finding(FindingKind.MISSING_ATTRIBUTE, null, pk, sk, groupUuid == null || groupUuid.isEmpty()
                    ? "group row lacks " + String.join(", ", missing)
                    : "group row's message_group_uuid '" + groupUuid + "' is not a uuid", false));
            return;
        }
        List<Finding> found = new ArrayList<>(0);
        ItemRules.judgeTime(groupUuid, pk, sk, ItemRules.time(sk), found);
        if (!missing.isEmpty()) {
            found.add(new Finding(FindingKind.MISSING_ATTRIBUTE, groupUuid, pk, sk, "group row lacks " + String.join(", ", missing), false));
        }
        String other = TableItems.text(item, TableItems.USER_UUID);
        if (owner.equals(other)) {
            found.add(new Finding(FindingKind.SELF_CONVERSATION, groupUuid, pk, sk, "group row of " + owner + " names its own owner", false));
        }
        conversation(groupUuid).addRow(new ConversationSummary.RowSeen(share(owner), sk, TableItems.text(item, TableItems.MESSAGE),
                share(other == null || other.isEmpty() ? null : other), share(TableItems.text(item, TableItems.USER_DISPLAY_NAME)),
                share(TableItems.text(item, TableItems.USER_HANDLE)), missing.isEmpty()), found);
    }

    private ConversationSummary conversation(String groupUuid) {
        ConversationSummary summary = conversations.get(groupUuid);
        return summary != null ? summary : conversations.computeIfAbsent(groupUuid, ConversationSummary::new);
    }

    private String share(String s) {
        if (s == null) {
            return null;
        }
        String known = shared.get(s);
        if (known != null) {
            return known;
        }
        if (shared.size() >= MAX_SHARED_STRINGS) {
            return s;
        }
        known = shared.putIfAbsent(s, s);
        return known == null ? s : known;
    }

    long items() {
        return items.sum();
    }

    Map<String, ConversationSummary> conversations() {
        return conversations;
    }
}

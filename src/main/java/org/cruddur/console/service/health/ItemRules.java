package org.cruddur.console.service.health;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cruddur.console.service.ConsoleException;
import org.cruddur.console.service.items.TableItems;
import org.cruddur.console.service.items.Timestamps;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The rules a single item must follow, read from the item shapes of the seed scripts and pattern D: the key forms,
 * the sort-key time forms the backend writes, and the attributes of each shape.
 */
final class ItemRules {

    /** The attributes of a message item besides its keys. */
    static final List<String> MESSAGE_ATTRIBUTES = List.of(TableItems.MESSAGE, TableItems.MESSAGE_UUID, TableItems.USER_UUID,
            TableItems.USER_DISPLAY_NAME, TableItems.USER_HANDLE);
    /** The attributes of a group row besides its keys. */
    static final List<String> GROUP_ATTRIBUTES = List.of(TableItems.MESSAGE_GROUP_UUID, TableItems.MESSAGE, TableItems.USER_UUID,
            TableItems.USER_DISPLAY_NAME, TableItems.USER_HANDLE);

    private ItemRules() {
    }

    /** A sort key as a time: its instant (null for our own format, which sorts as text), and whether it has no offset. */
    record SortKeyTime(Instant at, boolean canonical, boolean naive) {
    }

    /** The time an sk names, or null when it is not an ISO-8601 time in any form the backend writes. */
    static SortKeyTime time(String sk) {
        if (Timestamps.isCanonical(sk)) {
            return new SortKeyTime(null, true, false);
        }
        try {
            Instant at = Timestamps.parse(sk);
            return new SortKeyTime(at, false, !hasOffset(sk));
        } catch (ConsoleException notATime) {
            return null;
        }
    }

    /** Python's isoformat() of a naive datetime ends without "Z" or "+hh:mm"/"-hh:mm" after the date. */
    static boolean hasOffset(String iso) {
        for (int i = 10; i < iso.length(); i++) {
            char c = iso.charAt(i);
            if (c == 'Z' || c == 'z' || c == '+' || c == '-') {
                return true;
            }
        }
        return false;
    }

    /** The canonical textual form of a UUID (any version): what the backend puts after MSG# and GRP#. */
    static boolean isUuid(String s) {
        if (s == null || s.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : Character.digit(c, 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The attributes of {@code shape} the item lacks (absent, not a string, or empty). */
    static List<String> missing(Map<String, AttributeValue> item, List<String> shape) {
        List<String> missing = new ArrayList<>(0);
        for (String name : shape) {
            String value = TableItems.text(item, name);
            if (value == null || value.isEmpty()) {
                missing.add(name);
            }
        }
        return missing;
    }

    /** Findings about an item's sort key: not a time at all, or a time without offset. */
    static void judgeTime(String groupUuid, String pk, String sk, SortKeyTime time, List<Finding> out) {
        if (time == null) {
            out.add(new Finding(FindingKind.BAD_TIMESTAMP, groupUuid, pk, sk,
                    "sk '" + sk + "' is not an ISO-8601 time in any form the backend writes", false));
        } else if (time.naive()) {
            out.add(new Finding(FindingKind.NAIVE_TIMESTAMP, groupUuid, pk, sk,
                    "sk '" + sk + "' has no offset (read as UTC)", false));
        }
    }
}

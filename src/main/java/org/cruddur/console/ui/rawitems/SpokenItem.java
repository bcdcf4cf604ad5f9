package org.cruddur.console.ui.rawitems;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What a screen reader says for a raw-item row: its keys first (what identifies it), then how many attributes. */
public final class SpokenItem {

    private SpokenItem() {
    }

    /** "pk MSG#5ae2…, sk 2026-01-01T06:30:00Z, 9 attributes". */
    public static String of(Map<String, AttributeValue> item) {
        return "pk " + keyText(item, "pk") + ", sk " + keyText(item, "sk") + ", " + item.size()
                + (item.size() == 1 ? " attribute" : " attributes");
    }

    private static String keyText(Map<String, AttributeValue> item, String key) {
        String text = RawItemsViewModel.cellText(item, key);
        return text.isEmpty() ? "missing" : text;
    }
}

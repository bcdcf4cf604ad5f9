package org.cruddur.console.ui.rawitems;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cruddur.console.service.json.SdkJson;
import org.cruddur.console.service.items.TableItems;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Raw DynamoDB items as stored: a table of pk, sk and every other attribute, and the selected item's JSON in either
 * style. Whoever owns the items (the thread, the scan browser) fills {@link #items()} and may bind the selection.
 */
public final class RawItemsViewModel {

    private final ObservableList<Map<String, AttributeValue>> items = FXCollections.observableArrayList();
    private final IntegerProperty selectedIndex = new SimpleIntegerProperty(this, "selectedIndex", -1);
    private final ObjectProperty<JsonStyle> jsonStyle = new SimpleObjectProperty<>(this, "jsonStyle", JsonStyle.DYNAMODB);
    private final StringBinding selectedJson;

    public RawItemsViewModel() {
        selectedJson = Bindings.createStringBinding(() -> json(selectedItem(), jsonStyle.get()), selectedIndex, jsonStyle, items);
    }

    public static String json(Map<String, AttributeValue> item, JsonStyle style) {
        if (item == null) {
            return "";
        }
        // keys first, then the other attributes by name: the SDK's map has no useful order
        Map<String, AttributeValue> ordered = new java.util.LinkedHashMap<>();
        attributeNames(List.of(item)).forEach(name -> {
            if (item.containsKey(name)) {
                ordered.put(name, item.get(name));
            }
        });
        return SdkJson.pretty(style == JsonStyle.PLAIN ? SdkJson.plainJson(ordered) : SdkJson.dynamoJson(ordered));
    }

    /** Column names for the items: pk and sk first, then the others in the order first seen. */
    public static List<String> attributeNames(List<Map<String, AttributeValue>> items) {
        Set<String> others = new java.util.TreeSet<>();
        items.stream().limit(500).forEach(i -> others.addAll(i.keySet()));
        Set<String> names = new LinkedHashSet<>(List.of(TableItems.PK, TableItems.SK));
        names.addAll(others);
        return new ArrayList<>(names);
    }

    /** A cell's text: the scalar value, or a short JSON rendering for sets, lists and maps. */
    public static String cellText(Map<String, AttributeValue> item, String attribute) {
        AttributeValue v = item.get(attribute);
        if (v == null) {
            return "";
        }
        if (v.s() != null) {
            return v.s();
        }
        if (v.n() != null) {
            return v.n();
        }
        if (v.bool() != null) {
            return v.bool().toString();
        }
        return SdkJson.compact(SdkJson.plainJson(Map.of(attribute, v)).get(attribute));
    }

    public Map<String, AttributeValue> selectedItem() {
        int i = selectedIndex.get();
        return i >= 0 && i < items.size() ? items.get(i) : null;
    }

    public ObservableList<Map<String, AttributeValue>> items() {
        return items;
    }

    public IntegerProperty selectedIndexProperty() {
        return selectedIndex;
    }

    public ObjectProperty<JsonStyle> jsonStyleProperty() {
        return jsonStyle;
    }

    public StringBinding selectedJsonProperty() {
        return selectedJson;
    }
}

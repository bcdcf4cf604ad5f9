package org.cruddur.console.ui.rawitems;

/** How an item's JSON is shown: as DynamoDB's wire format with type tags, or as plain values. */
public enum JsonStyle {
    DYNAMODB("DynamoDB JSON"), PLAIN("Plain JSON");

    private final String label;

    JsonStyle(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}

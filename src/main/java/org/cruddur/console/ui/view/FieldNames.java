package org.cruddur.console.ui.view;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;

/**
 * Names a field for screen readers whose caption is a separate label (or only a prompt). A field's accessible text
 * stands in for its content, so the name is bound together with the content: "Message: hello".
 */
public final class FieldNames {

    private FieldNames() {
    }

    public static void name(TextInputControl field, String name) {
        field.accessibleTextProperty().bind(Bindings.createStringBinding(
                () -> field.getText() == null || field.getText().isEmpty() ? name + ", empty" : name + ": " + field.getText(),
                field.textProperty()));
    }

    public static void name(Spinner<?> spinner, String name) {
        spinner.accessibleTextProperty().bind(Bindings.createStringBinding(
                () -> name + ": " + spinner.getValue(), spinner.valueProperty()));
    }
}

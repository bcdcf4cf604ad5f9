package org.cruddur.console.ui.rawitems;

import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A table of raw items with one column per attribute, and the selected item's JSON. */
public final class RawItemsController {

    private final RawItemsViewModel vm;
    private final String title;
    private List<String> columnNames = List.of();
    private boolean syncing;

    @FXML private Label rawTitle;
    @FXML private TableView<Map<String, AttributeValue>> itemTable;
    @FXML private ToggleButton dynamoJsonToggle;
    @FXML private ToggleButton plainJsonToggle;
    @FXML private Button copyButton;
    @FXML private TextArea jsonText;

    public RawItemsController(RawItemsViewModel vm, String title) {
        this.vm = vm;
        this.title = title;
    }

    @FXML
    private void initialize() {
        rawTitle.setText(title);
        itemTable.setItems(vm.items());
        itemTable.setPlaceholder(new Label("No items"));
        itemTable.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        itemTable.setAccessibleText(title);
        itemTable.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Map<String, AttributeValue> item, boolean empty) {
                super.updateItem(item, empty);
                setAccessibleText(empty || item == null ? null : SpokenItem.of(item));
            }
        });
        vm.items().addListener((ListChangeListener<Map<String, AttributeValue>>) c -> rebuildColumns());
        rebuildColumns();

        ToggleGroup styles = new ToggleGroup();
        dynamoJsonToggle.setToggleGroup(styles);
        plainJsonToggle.setToggleGroup(styles);
        styles.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one style is always chosen
            } else {
                vm.jsonStyleProperty().set(now == plainJsonToggle ? JsonStyle.PLAIN : JsonStyle.DYNAMODB);
            }
        });
        jsonText.textProperty().bind(vm.selectedJsonProperty());
        copyButton.disableProperty().bind(vm.selectedJsonProperty().isEmpty());
        copyButton.setAccessibleText("Copy the selected item's JSON");
        org.cruddur.console.ui.view.FieldNames.name(jsonText, "The selected item as JSON");

        itemTable.getSelectionModel().selectedIndexProperty().addListener((obs, was, index) -> {
            if (!syncing) {
                vm.selectedIndexProperty().set(index.intValue());
            }
        });
        vm.selectedIndexProperty().addListener((obs, was, index) -> {
            int i = index.intValue();
            if (itemTable.getSelectionModel().getSelectedIndex() == i) {
                return;
            }
            syncing = true;
            try {
                if (i < 0) {
                    itemTable.getSelectionModel().clearSelection();
                } else {
                    itemTable.getSelectionModel().select(i);
                    itemTable.scrollTo(Math.max(0, i - 2));
                }
            } finally {
                syncing = false;
            }
        });
    }

    private void rebuildColumns() {
        List<String> names = RawItemsViewModel.attributeNames(vm.items());
        if (names.equals(columnNames)) {
            return;
        }
        columnNames = names;
        itemTable.getColumns().clear();
        for (String name : names) {
            TableColumn<Map<String, AttributeValue>, String> column = new TableColumn<>(name);
            column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(RawItemsViewModel.cellText(cell.getValue(), name)));
            org.cruddur.console.ui.view.TextSize.followWidth(column, name.equals("pk") || name.equals("sk") ? 230 : name.equals("message") ? 220 : 140);
            column.setSortable(false); // the order is the thread's (or the scan's); sorting would break row ↔ bubble
            itemTable.getColumns().add(column);
        }
    }

    @FXML
    private void copyJson() {
        ClipboardContent content = new ClipboardContent();
        content.putString(vm.selectedJsonProperty().get());
        Clipboard.getSystemClipboard().setContent(content);
    }
}

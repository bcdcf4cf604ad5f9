package org.cruddur.console.ui.admin;

import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import org.cruddur.console.service.capacity.ReadCapacityBudget;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.cruddur.console.service.items.MessagesSchema;
import org.cruddur.console.service.table.MessagesTable;
import org.cruddur.console.service.items.Page;
import org.cruddur.console.service.seeding.SeedPlan;
import org.cruddur.console.service.seeding.Seeder;
import org.cruddur.console.service.table.TableScanner;
import org.cruddur.console.ui.background.LatestRequest;
import org.cruddur.console.ui.background.OneLineError;
import org.cruddur.console.ui.background.WorkDone;
import org.cruddur.console.ui.connection.ConnectionContext;
import org.cruddur.console.ui.connection.TableState;
import org.cruddur.console.ui.rawitems.RawItemsViewModel;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Table administration: schema-load, describe, drop (typed confirmation), seed with progress and cancel, scan browser. */
public final class AdminViewModel {

    public static final int SCAN_PAGE = 50;

    private final ConnectionContext main;
    private final StringProperty output = new SimpleStringProperty(this, "output", "");
    private final StringProperty dropConfirmation = new SimpleStringProperty(this, "dropConfirmation", "");
    private final BooleanBinding dropConfirmed;
    private final IntegerProperty seedConversations = new SimpleIntegerProperty(this, "seedConversations", 6);
    private final IntegerProperty seedMessages = new SimpleIntegerProperty(this, "seedMessages", 600);
    private final StringProperty filterAttribute = new SimpleStringProperty(this, "filterAttribute", "");
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final BooleanProperty scanHasMore = new SimpleBooleanProperty(this, "scanHasMore");
    private final StringProperty scanStatus = new SimpleStringProperty(this, "scanStatus", "");
    private final RawItemsViewModel scanItems = new RawItemsViewModel();
    /** Load schema and drop: one at a time. */
    private final LatestRequest schemaChange;
    private final LatestRequest description;
    private final LatestRequest seed;
    private final LatestRequest fullScan;
    /** The scan browser's pages: a new first page replaces the one in flight; "next" waits for it. */
    private final LatestRequest scanPages;
    private final StringBinding tableName;
    private final BooleanBinding connected;
    private Map<String, AttributeValue> scanNextKey;

    public AdminViewModel(ConnectionContext main) {
        this.main = main;
        schemaChange = main.tableRequest();
        description = main.tableRequest();
        seed = main.tableRequest(failure -> {
            output.set(OneLineError.of(failure));
            main.report(failure);
        });
        fullScan = main.tableRequest();
        scanPages = main.tableRequest();
        tableName = Bindings.createStringBinding(() -> main.table() == null ? "" : main.table().session().tableName(),
                main.tableProperty());
        connected = main.tableProperty().isNotNull();
        dropConfirmed = Bindings.createBooleanBinding(() -> main.table() != null
                && main.table().session().tableName().equals(dropConfirmation.get()), dropConfirmation, main.tableProperty());
        main.tableProperty().addListener((obs, was, now) -> {
            output.set("");
            scanStatus.set("");
            scanItems.items().clear();
            scanNextKey = null;
            scanHasMore.set(false);
            dropConfirmation.set("");
        });
    }

    /** The admin pane came into view: show the table's description and a first page of items, once per table. */
    public void opened() {
        if (main.table() != null && scanItems.items().isEmpty() && output.get().isEmpty()
                && main.tableStateProperty().get() != TableState.MISSING) {
            describe();
            scanFirstPage();
        }
    }

    /** Runs {@code action} on the open table with {@code request}, or says there is no table. */
    private <T> void onTable(LatestRequest request, boolean replacing, String title, Function<MessagesTable, T> action,
                             Consumer<T> onSuccess) {
        MessagesTable t = main.table();
        if (t == null) {
            main.report("Not connected: choose a profile or press Refresh (F5)");
            return;
        }
        if (replacing) {
            request.run(title, progress -> action.apply(t), onSuccess);
        } else {
            request.runIfIdle(title, progress -> action.apply(t), onSuccess);
        }
    }

    public void loadSchema() {
        onTable(schemaChange, false, "Loading schema", t -> t.schema().load(), created -> {
            output.set(created ? "Table created and ACTIVE." : "Table already exists (nothing changed).");
            // a table just created is empty (the first-start offer then says so); one that existed is as it was
            main.dataChanged(created ? TableState.EMPTY : null);
        });
    }

    public void describe() {
        onTable(description, true, "Describing table", t -> t.schema().describe(), info -> output.set(describe(info)));
    }

    static String describe(MessagesSchema.TableInfo info) {
        StringBuilder b = new StringBuilder();
        b.append("Table:    ").append(info.name()).append(" (").append(info.status()).append(")\n");
        b.append("Keys:     ").append(info.keys()).append('\n');
        info.indexes().forEach(i -> b.append("GSI:      ").append(i).append('\n'));
        b.append("Items:    ").append(info.itemCount()).append(" (approximate), ").append(info.sizeBytes()).append(" bytes\n");
        b.append("Stream:   ").append(info.stream()).append('\n');
        b.append("Capacity: ").append(info.capacity());
        return b.toString();
    }

    public void drop() {
        String typed = dropConfirmation.get();
        onTable(schemaChange, false, "Dropping table", t -> {
            t.schema().drop(typed);
            return t.session().tableName();
        }, name -> {
            output.set("Table " + name + " dropped.");
            dropConfirmation.set("");
            main.dataChanged(TableState.MISSING);
        });
    }

    public void seed() {
        MessagesTable t = main.table();
        if (t == null || seed.isLoading()) {
            return;
        }
        SeedPlan plan;
        try {
            plan = new SeedPlan(t.users().seedUsers(), seedConversations.get(), seedMessages.get());
        } catch (RuntimeException e) {
            main.report(e);
            return;
        }
        output.set("Seeding " + plan.conversations() + " conversations, " + plan.messages() + " messages…");
        seed.run("Seeding", progress -> t.seeder().seed(plan, progress::update, progress::stopRequested),
                (Seeder.SeedReport report) -> {
                    output.set(String.format(java.util.Locale.ROOT, "Seeded %d items (%d conversations, %d messages) in %.1f s: %.0f items/s, %d retries.",
                            report.itemsWritten(), report.conversations(), report.messages(), report.took().toMillis() / 1000.0,
                            report.itemsPerSecond(), report.retries()));
                    main.dataChanged(TableState.READY);
                    main.finished(WorkDone.shownIn(WorkDone.Place.MESSAGES, "Seed finished", String.format(java.util.Locale.ROOT,
                            "%d conversations with %d messages written to '%s' in %.1f s.", report.conversations(), report.messages(),
                            t.session().tableName(), report.took().toMillis() / 1000.0)));
                });
    }

    public void cancelSeed() {
        if (seed.isLoading()) {
            seed.stop();
            output.set("Seed cancelled; run it again to finish (it writes no duplicates).");
            main.dataChanged(null);
        }
    }

    private TableScanner.ScanFilter filter() {
        String attribute = filterAttribute.get() == null ? "" : filterAttribute.get().trim();
        String text = filterText.get() == null ? "" : filterText.get();
        if (attribute.isEmpty() && text.isEmpty()) {
            return null;
        }
        return new TableScanner.ScanFilter(attribute, text); // tells people when one half is missing
    }

    /** First page of the scan browser, with the filter as typed; replaces a page still in flight. */
    public void scanFirstPage() {
        withFilter(f -> {
            scanNextKey = null;
            scanItems.items().clear();
            onTable(scanPages, true, "Scanning", t -> t.scanner().page(SCAN_PAGE, null, f), this::showScanPage);
        });
    }

    /** The next page of the scan browser, appended; ignored while a page is in flight (a double click asks once). */
    public void scanPage() {
        if (scanNextKey == null && !scanItems.items().isEmpty()) {
            return; // end of table
        }
        withFilter(f -> {
            Map<String, AttributeValue> from = scanNextKey;
            onTable(scanPages, false, "Scanning", t -> t.scanner().page(SCAN_PAGE, from, f), this::showScanPage);
        });
    }

    private void showScanPage(Page<Map<String, AttributeValue>> page) {
        scanItems.items().addAll(page.items());
        scanNextKey = page.nextKey();
        scanHasMore.set(page.hasMore());
        scanStatus.set(scanItems.items().size() + " items shown" + (page.hasMore() ? "; more available" : "; end of table"));
    }

    /** Runs {@code scan} with the filter as typed (null: none), or reports why the typed text is not a filter. */
    private void withFilter(java.util.function.Consumer<TableScanner.ScanFilter> scan) {
        TableScanner.ScanFilter f;
        try {
            f = filter();
        } catch (RuntimeException e) {
            main.report(e);
            return;
        }
        scan.accept(f);
    }

    /** Counts matching items over the whole table (parallel segments), with progress and cancel. */
    public void fullScan() {
        MessagesTable t = main.table();
        if (t == null || fullScan.isLoading()) {
            return;
        }
        withFilter(f -> fullScan.run("Full scan", progress -> {
            // paced like every whole-table scan (on AWS half the provisioned read capacity); the pace is shown as it goes
            ReadCapacityBudget budget = ReadCapacityBudget.forSession(t.session(), null);
            TableScanner.ScanSummary summary = t.scanner().scanAll(TableScanner.AUTO_SEGMENTS, f, items -> { },
                    (scanned, matched, total) -> {
                        progress.update(scanned, Math.max(scanned, total));
                        progress.message(pace(budget));
                    }, progress::stopRequested, budget);
            return new FullScan(summary, budget.consumedTotal(), budget.describe());
        }, done -> {
            scanStatus.set(String.format(Locale.ROOT, "Full scan: %d items read, %d matched (%d segments; %.1f RCU consumed, %s)",
                    done.summary().scanned(), done.summary().matched(), done.summary().segments(), done.consumed(), done.budget()));
            main.finished(WorkDone.shownIn(WorkDone.Place.ADMIN, "Full scan finished", String.format(Locale.ROOT,
                    "%d items read, %d matched.", done.summary().scanned(), done.summary().matched())));
        }));
    }

    /** A full scan's answer and what it cost. */
    private record FullScan(TableScanner.ScanSummary summary, double consumed, String budget) {
    }

    /** The pace beside a scan's progress, as the Health pane shows it: measured RCU/s and the consumed total. */
    static String pace(ReadCapacityBudget budget) {
        return String.format(Locale.ROOT, "%.1f RCU/s · %.1f RCU consumed", budget.recentRate(), budget.consumedTotal());
    }

    public void cancelFullScan() {
        if (fullScan.isLoading()) {
            fullScan.stop();
            scanStatus.set("Full scan cancelled");
        }
    }

    /** The open table's name, empty when there is none. */
    public StringBinding tableNameProperty() {
        return tableName;
    }

    public BooleanBinding connectedProperty() {
        return connected;
    }

    public StringProperty outputProperty() {
        return output;
    }

    public StringProperty dropConfirmationProperty() {
        return dropConfirmation;
    }

    public BooleanBinding dropConfirmedProperty() {
        return dropConfirmed;
    }

    public IntegerProperty seedConversationsProperty() {
        return seedConversations;
    }

    public IntegerProperty seedMessagesProperty() {
        return seedMessages;
    }

    public ReadOnlyDoubleProperty seedProgressProperty() {
        return seed.progressProperty();
    }

    public ReadOnlyBooleanProperty seedingProperty() {
        return seed.loadingProperty();
    }

    public StringProperty filterAttributeProperty() {
        return filterAttribute;
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    public BooleanProperty scanHasMoreProperty() {
        return scanHasMore;
    }

    public ReadOnlyBooleanProperty fullScanningProperty() {
        return fullScan.loadingProperty();
    }

    public ReadOnlyDoubleProperty fullScanProgressProperty() {
        return fullScan.progressProperty();
    }

    /** The running full scan's pace (RCU/s and consumed so far); its last pace once it ended. */
    public ReadOnlyStringProperty fullScanPaceProperty() {
        return fullScan.messageProperty();
    }

    /** True while a page of the scan browser is being read. */
    public ReadOnlyBooleanProperty scanningProperty() {
        return scanPages.loadingProperty();
    }

    public StringProperty scanStatusProperty() {
        return scanStatus;
    }

    public RawItemsViewModel scanItems() {
        return scanItems;
    }
}

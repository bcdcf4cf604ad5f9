package org.cruddur.console.ui.admin;

import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.cruddur.console.service.MessagesSchema;
import org.cruddur.console.service.MessagesTable;
import org.cruddur.console.service.Page;
import org.cruddur.console.service.SeedPlan;
import org.cruddur.console.service.Seeder;
import org.cruddur.console.service.TableScanner;
import org.cruddur.console.ui.background.OneLineError;
import org.cruddur.console.ui.background.RunningJob;
import org.cruddur.console.ui.main.MainViewModel;
import org.cruddur.console.ui.main.TableState;
import org.cruddur.console.ui.rawitems.RawItemsViewModel;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Table administration: schema-load, describe, drop (typed confirmation), seed with progress and cancel, scan browser. */
public final class AdminViewModel {

    public static final int SCAN_PAGE = 50;

    private final MainViewModel main;
    private final StringProperty output = new SimpleStringProperty(this, "output", "");
    private final StringProperty dropConfirmation = new SimpleStringProperty(this, "dropConfirmation", "");
    private final BooleanBinding dropConfirmed;
    private final IntegerProperty seedConversations = new SimpleIntegerProperty(this, "seedConversations", 6);
    private final IntegerProperty seedMessages = new SimpleIntegerProperty(this, "seedMessages", 600);
    private final DoubleProperty seedProgress = new SimpleDoubleProperty(this, "seedProgress", 0);
    private final BooleanProperty seeding = new SimpleBooleanProperty(this, "seeding");
    private final StringProperty filterAttribute = new SimpleStringProperty(this, "filterAttribute", "");
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final BooleanProperty scanHasMore = new SimpleBooleanProperty(this, "scanHasMore");
    private final BooleanProperty fullScanning = new SimpleBooleanProperty(this, "fullScanning");
    private final DoubleProperty fullScanProgress = new SimpleDoubleProperty(this, "fullScanProgress", 0);
    private final StringProperty scanStatus = new SimpleStringProperty(this, "scanStatus", "");
    private final RawItemsViewModel scanItems = new RawItemsViewModel();
    private RunningJob seedJob;
    private RunningJob fullScanJob;
    private Map<String, AttributeValue> scanNextKey;

    public AdminViewModel(MainViewModel main) {
        this.main = main;
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
                && main.tableStateProperty().get() != org.cruddur.console.ui.main.TableState.MISSING) {
            describe();
            scanFirstPage();
        }
    }

    public void loadSchema() {
        main.onTable("Loading schema", t -> t.schema().load(), created -> {
            output.set(created ? "Table created and ACTIVE." : "Table already exists (nothing changed).");
            main.dataChanged(null);
            main.refresh();
        });
    }

    public void describe() {
        main.onTable("Describing table", t -> t.schema().describe(), info -> output.set(describe(info)));
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
        main.onTable("Dropping table", t -> {
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
        if (t == null || seeding.get()) {
            return;
        }
        SeedPlan plan;
        try {
            plan = new SeedPlan(t.users().seedUsers(), seedConversations.get(), seedMessages.get());
        } catch (RuntimeException e) {
            main.report(e);
            return;
        }
        seeding.set(true);
        seedProgress.set(0);
        output.set("Seeding " + plan.conversations() + " conversations, " + plan.messages() + " messages…");
        seedJob = main.work().submit("Seeding", progress -> t.seeder().seed(plan, progress::update, progress::stopRequested),
                (Seeder.SeedReport report) -> {
                    seeding.set(false);
                    seedProgress.set(1);
                    output.set(String.format(java.util.Locale.ROOT, "Seeded %d items (%d conversations, %d messages) in %.1f s: %.0f items/s, %d retries.",
                            report.itemsWritten(), report.conversations(), report.messages(), report.took().toMillis() / 1000.0,
                            report.itemsPerSecond(), report.retries()));
                    main.dataChanged(TableState.READY);
                }, failure -> {
                    seeding.set(false);
                    output.set(OneLineError.of(failure));
                    main.report(failure);
                });
        seedProgress.bind(seedJob.progressProperty());
        seeding.addListener((obs, was, now) -> {
            if (!now) {
                seedProgress.unbind();
            }
        });
    }

    public void cancelSeed() {
        if (seedJob != null && seeding.get()) {
            seedJob.stop();
            seeding.set(false);
            seedProgress.unbind();
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

    /** First page of the scan browser, with the filter as typed. */
    public void scanFirstPage() {
        scanNextKey = null;
        scanItems.items().clear();
        scanPage();
    }

    /** The next page of the scan browser, appended. */
    public void scanPage() {
        withFilter(f -> {
            Map<String, AttributeValue> from = scanNextKey;
            main.onTable("Scanning", t -> t.scanner().page(SCAN_PAGE, from, f), (Page<Map<String, AttributeValue>> page) -> {
                scanItems.items().addAll(page.items());
                scanNextKey = page.nextKey();
                scanHasMore.set(page.hasMore());
                scanStatus.set(scanItems.items().size() + " items shown" + (page.hasMore() ? "; more available" : "; end of table"));
            });
        });
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
        if (t == null || fullScanning.get()) {
            return;
        }
        withFilter(f -> fullScan(t, f));
    }

    private void fullScan(MessagesTable t, TableScanner.ScanFilter f) {
        fullScanning.set(true);
        fullScanJob = main.work().submit("Full scan", progress -> t.scanner().scanAll(TableScanner.AUTO_SEGMENTS, f, items -> { },
                        (scanned, matched, total) -> progress.update(scanned, Math.max(scanned, total)), progress::stopRequested),
                summary -> {
                    fullScanning.set(false);
                    fullScanProgress.unbind();
                    fullScanProgress.set(1);
                    scanStatus.set("Full scan: " + summary.scanned() + " items read, " + summary.matched() + " matched ("
                            + summary.segments() + " segments)");
                }, failure -> {
                    fullScanning.set(false);
                    fullScanProgress.unbind();
                    main.report(failure);
                });
        fullScanProgress.bind(fullScanJob.progressProperty());
    }

    public void cancelFullScan() {
        if (fullScanJob != null && fullScanning.get()) {
            fullScanJob.stop();
            fullScanning.set(false);
            fullScanProgress.unbind();
            scanStatus.set("Full scan cancelled");
        }
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

    public DoubleProperty seedProgressProperty() {
        return seedProgress;
    }

    public BooleanProperty seedingProperty() {
        return seeding;
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

    public BooleanProperty fullScanningProperty() {
        return fullScanning;
    }

    public DoubleProperty fullScanProgressProperty() {
        return fullScanProgress;
    }

    public StringProperty scanStatusProperty() {
        return scanStatus;
    }

    public RawItemsViewModel scanItems() {
        return scanItems;
    }
}

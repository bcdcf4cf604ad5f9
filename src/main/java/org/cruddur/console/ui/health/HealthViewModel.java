package org.cruddur.console.ui.health;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cruddur.console.service.ConsoleException;
import org.cruddur.console.service.table.MessagesTable;
import org.cruddur.console.service.capacity.ReadCapacityBudget;
import org.cruddur.console.service.health.Finding;
import org.cruddur.console.service.health.FindingKind;
import org.cruddur.console.service.health.HealthProgress;
import org.cruddur.console.service.health.HealthReport;
import org.cruddur.console.service.health.RepairReport;
import org.cruddur.console.service.health.TableHealth;
import org.cruddur.console.ui.background.BackgroundWork;
import org.cruddur.console.ui.background.LatestRequest;
import org.cruddur.console.ui.background.OneLineError;
import org.cruddur.console.ui.background.WorkDone;
import org.cruddur.console.ui.connection.ConnectionContext;
import org.cruddur.console.ui.rawitems.RawItemsViewModel;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Admin › Health: runs a check (progress, pace, cancel), groups its findings by kind, shows the raw items behind a
 * finding, and repairs after showing the dry-run plan. Every table call runs as a background job.
 */
public final class HealthViewModel {

    /** A kind of finding and how many the last check found. */
    public record KindCount(FindingKind kind, long count) {
        @Override
        public String toString() {
            return kind.code() + "  (" + kind.severity().code() + ")  " + count;
        }
    }

    private final ConnectionContext connection;
    /** Check, plan and repair: one at a time, stopped when the table changes. */
    private final LatestRequest jobs;
    /** The raw items behind the selected finding: the latest selection wins. */
    private final LatestRequest items;
    private final ObservableList<KindCount> kinds = FXCollections.observableArrayList();
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final ObjectProperty<KindCount> selectedKind = new SimpleObjectProperty<>(this, "selectedKind");
    private final ObjectProperty<Finding> selectedFinding = new SimpleObjectProperty<>(this, "selectedFinding");
    private final ObjectProperty<RepairReport> plan = new SimpleObjectProperty<>(this, "plan");
    private final ObjectProperty<HealthReport> report = new SimpleObjectProperty<>(this, "report");
    private final RawItemsViewModel rawItems = new RawItemsViewModel();
    private final StringProperty status = new SimpleStringProperty(this, "status", "Run a check to find what the backend left broken.");
    private final StringProperty maxRcu = new SimpleStringProperty(this, "maxRcu", "");
    private final BooleanBinding canRepair;
    private final HealthFindings shared;

    /** @param writesAllowed whether the read-only lock is open (a repair writes) */
    public HealthViewModel(ConnectionContext connection, ObservableBooleanValue writesAllowed) {
        this(connection, writesAllowed, new HealthFindings());
    }

    /**
     * @param writesAllowed whether the read-only lock is open (a repair writes)
     * @param shared where the last report is published for the other views, and where they ask to open a finding
     */
    public HealthViewModel(ConnectionContext connection, ObservableBooleanValue writesAllowed, HealthFindings shared) {
        this.connection = connection;
        this.shared = shared;
        this.jobs = connection.tableRequest(failure -> {
            status.set(OneLineError.of(failure));
            connection.report(failure);
        });
        this.items = connection.tableRequest();
        canRepair = Bindings.createBooleanBinding(() -> !jobs.isLoading() && writesAllowed.get() && report.get() != null
                && report.get().findings().stream().anyMatch(Finding::repairable), jobs.loadingProperty(), writesAllowed, report);
        selectedKind.addListener((obs, was, k) -> showKind(k));
        selectedFinding.addListener((obs, was, f) -> showItems(f));
        connection.tableProperty().addListener((obs, was, now) -> {
            show(null); // the table's requests were stopped with it
            status.set("Run a check to find what the backend left broken.");
        });
        shared.openedProperty().addListener((obs, was, f) -> openAt(f));
    }

    /** Selects {@code f} (and its kind) when the last report holds it: another view asked to open the pane at it. */
    void openAt(Finding f) {
        HealthReport r = report.get();
        if (f == null || r == null || !r.findings().contains(f)) {
            return;
        }
        kinds.stream().filter(k -> k.kind() == f.kind()).findFirst().ifPresent(k -> {
            selectedKind.set(k);
            showKind(k);
            selectedFinding.set(f);
        });
    }

    /** The budget as typed: empty for the default (on AWS half the provisioned read capacity, elsewhere unpaced). */
    Double typedMaxRcu() {
        String typed = maxRcu.get() == null ? "" : maxRcu.get().trim();
        if (typed.isEmpty()) {
            return null;
        }
        try {
            double value = Double.parseDouble(typed);
            if (value > 0 && !Double.isInfinite(value)) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, as for zero or less
        }
        throw ConsoleException.validation("Max RCU/s must be a positive number, or empty for the default");
    }

    /** A job on the open table with the typed read budget; nothing when there is no table, a job runs, or the budget is bad. */
    private interface BudgetedJob<T> {
        T run(MessagesTable table, ReadCapacityBudget budget, BackgroundWork.JobProgress progress);
    }

    private <T> void startOnTable(String title, String statusText, BudgetedJob<T> job, java.util.function.Consumer<T> done) {
        MessagesTable t = connection.table();
        if (t == null || jobs.isLoading()) {
            return;
        }
        Double rcu;
        try {
            rcu = typedMaxRcu();
        } catch (ConsoleException e) {
            connection.report(e);
            return;
        }
        start(title, statusText, p -> job.run(t, ReadCapacityBudget.forSession(t.session(), rcu), p), done);
    }

    public void runCheck() {
        startOnTable("Health check", "Checking…", (t, budget, p) -> new TableHealth(t.session(), t.users()::find)
                .check(budget, progressOf(p), p::stopRequested), (HealthReport r) -> {
            show(r);
            status.set(summary(r));
        });
    }

    /** Step one of a repair: the dry-run plan, which the pane shows for confirmation ({@link #planProperty()}). */
    public void planRepair() {
        startOnTable("Repair plan", "Planning the repair…", (t, budget, p) -> new TableHealth(t.session(), t.users()::find)
                .repair(FindingKind.GROUP_ROW_KINDS, true, budget, progressOf(p), p::stopRequested),
                (RepairReport r) -> {
                    status.set(r.writes().isEmpty() ? "Nothing to repair." : "Repair plan ready: " + r.writes().size() + " conversations.");
                    plan.set(r.writes().isEmpty() ? null : r);
                });
    }

    /** Step two, after the person confirmed the plan: the repair itself; then the inbox and thread reload. */
    public void repair() {
        plan.set(null);
        startOnTable("Repair", "Repairing…", (t, budget, p) -> new TableHealth(t.session(), t.users()::find)
                .repair(FindingKind.GROUP_ROW_KINDS, false, budget, progressOf(p), p::stopRequested),
                (RepairReport r) -> {
                    connection.dataChanged(null);
                    show(null);
                    String done = String.format(Locale.ROOT, "Repaired %d conversations: %d rows deleted, %d put%s.",
                            r.writes().size(), r.rowsDeleted(), r.rowsPut(), r.skipped().isEmpty() ? "" : "; " + r.skipped().size() + " skipped");
                    status.set(done + " Run the check again to see the rest.");
                    connection.finished(WorkDone.shownIn(WorkDone.Place.HEALTH, "Repair applied", done));
                });
    }

    public void discardPlan() {
        plan.set(null);
        status.set("Repair not started.");
    }

    public void cancel() {
        if (jobs.isLoading()) {
            jobs.stop();
            status.set("Cancelled.");
        }
    }

    private <T> void start(String title, String statusText, BackgroundWork.Job<T> work, java.util.function.Consumer<T> done) {
        status.set(statusText);
        jobs.runIfIdle(title, work, done);
    }

    /** Progress and pace from the service's worker threads to the job (which hands them to the UI thread). */
    private static HealthProgress progressOf(BackgroundWork.JobProgress p) {
        return (phase, done, total, rate, consumed) -> {
            p.update(done, Math.max(done, total));
            p.message(String.format(Locale.ROOT, "%s %,d / ~%,d · %.1f RCU/s · %.1f RCU consumed", phase, done, total, rate, consumed));
        };
    }

    static String summary(HealthReport r) {
        return String.format(Locale.ROOT, "%,d items, %,d conversations: %s (%.1f RCU consumed)", r.itemsScanned(), r.conversations(),
                r.total() == 0 ? "healthy" : r.total() + " findings" + (r.unlisted() > 0 ? ", " + r.unlisted() + " not listed" : ""),
                r.consumedCapacity());
    }

    void show(HealthReport r) {
        report.set(r);
        shared.publish(r);
        selectedFinding.set(null);
        findings.clear();
        rawItems.items().clear();
        if (r == null) {
            kinds.clear();
            return;
        }
        kinds.setAll(r.counts().entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.comparingByKey())
                .map(e -> new KindCount(e.getKey(), e.getValue())).toList());
        if (!kinds.isEmpty()) {
            selectedKind.set(kinds.get(0));
            showKind(kinds.get(0));
        }
    }

    private void showKind(KindCount k) {
        HealthReport r = report.get();
        findings.setAll(k == null || r == null ? List.of() : r.findings().stream().filter(f -> f.kind() == k.kind()).toList());
    }

    private void showItems(Finding f) {
        rawItems.items().clear();
        MessagesTable t = connection.table();
        if (f == null || t == null) {
            items.stop();
            return;
        }
        items.run("Reading the items behind the finding", p -> new TableHealth(t.session()).rawItems(f),
                (List<Map<String, AttributeValue>> found) -> rawItems.items().setAll(found));
    }

    public ObservableList<KindCount> kinds() {
        return kinds;
    }

    public ObservableList<Finding> findings() {
        return findings;
    }

    public ObjectProperty<KindCount> selectedKindProperty() {
        return selectedKind;
    }

    public ObjectProperty<Finding> selectedFindingProperty() {
        return selectedFinding;
    }

    public ObjectProperty<RepairReport> planProperty() {
        return plan;
    }

    public ObjectProperty<HealthReport> reportProperty() {
        return report;
    }

    public RawItemsViewModel rawItems() {
        return rawItems;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return jobs.loadingProperty();
    }

    /** -1 while unknown, then 0..1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return jobs.progressProperty();
    }

    public ReadOnlyStringProperty paceProperty() {
        return jobs.messageProperty();
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty maxRcuProperty() {
        return maxRcu;
    }

    public BooleanBinding canRepairProperty() {
        return canRepair;
    }
}

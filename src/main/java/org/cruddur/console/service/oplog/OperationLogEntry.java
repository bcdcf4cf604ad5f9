package org.cruddur.console.service.oplog;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import software.amazon.awssdk.core.SdkRequest;

/**
 * One DynamoDB call as the operation log shows it. The key condition and the AWS CLI rendering are worked out from
 * the (immutable) request only when asked for, so logging adds next to nothing to a call.
 */
public final class OperationLogEntry {

    private final Instant startedAt;
    private final String operation;
    private final String table;
    private final SdkRequest request;
    private final String endpointUrl;
    private final String region;
    private final Integer itemCount;
    private final Duration latency;
    private final Double consumedCapacity;
    private final String error;
    private final String purpose;
    private String keyCondition;
    private String awsCli;

    OperationLogEntry(Instant startedAt, SdkRequest request, String endpointUrl, String region, Integer itemCount,
                      Duration latency, Double consumedCapacity, String error, String purpose) {
        this.startedAt = startedAt;
        this.operation = AwsCliCommand.operationName(request);
        this.table = request.getValueForField("TableName", Object.class).map(String::valueOf).orElse(null);
        this.request = request;
        this.endpointUrl = endpointUrl;
        this.region = region;
        this.itemCount = itemCount;
        this.latency = latency;
        this.consumedCapacity = consumedCapacity;
        this.error = error;
        this.purpose = purpose;
    }

    /** The console action the call was part of (e.g. {@code delete-message}); null for plain reads and writes. */
    public String purpose() {
        return purpose;
    }

    /** The operation, with the console action it served when there is one: {@code TransactWriteItems (delete-message)}. */
    public String operationAndPurpose() {
        return purpose == null ? operation : operation + " (" + purpose + ")";
    }

    public Instant startedAt() {
        return startedAt;
    }

    /** The DynamoDB operation, e.g. {@code Query}. */
    public String operation() {
        return operation;
    }

    public String table() {
        return table;
    }

    /** The key condition or key, with its values filled in; null for calls without one. */
    public synchronized String keyCondition() {
        if (keyCondition == null) {
            keyCondition = AwsCliCommand.keyCondition(request);
        }
        return keyCondition;
    }

    /** Items read or written; null where the call has none. */
    public Integer itemCount() {
        return itemCount;
    }

    public Duration latency() {
        return latency;
    }

    /** Capacity units from ReturnConsumedCapacity TOTAL; null where the server reported none. */
    public Double consumedCapacity() {
        return consumedCapacity;
    }

    /** The equivalent {@code aws dynamodb ...} command line. */
    public synchronized String awsCli() {
        if (awsCli == null) {
            awsCli = AwsCliCommand.render(request, endpointUrl, region);
        }
        return awsCli;
    }

    /** The one-line failure, null on success. */
    public String error() {
        return error;
    }

    public boolean failed() {
        return error != null;
    }

    /** A one-line summary: {@code Query cruddur-messages [pk = "MSG#..."] → 50 items, 12 ms, 3.5 CU}. */
    public String summary() {
        StringBuilder b = new StringBuilder(operationAndPurpose());
        if (table != null) {
            b.append(' ').append(table);
        }
        String key = keyCondition();
        if (key != null) {
            b.append(" [").append(key).append(']');
        }
        if (error != null) {
            b.append(" FAILED: ").append(error);
        } else if (itemCount != null) {
            b.append(" → ").append(itemCount).append(itemCount == 1 ? " item" : " items");
        }
        b.append(", ").append(latency.toMillis()).append(" ms");
        if (consumedCapacity != null) {
            b.append(", ").append(String.format(Locale.ROOT, "%.1f", consumedCapacity)).append(" CU");
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return summary();
    }
}

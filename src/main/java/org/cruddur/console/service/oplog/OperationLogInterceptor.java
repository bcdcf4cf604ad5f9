package org.cruddur.console.service.oplog;

import org.cruddur.console.service.DynamoErrors;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Records every call the DynamoDB client makes in the {@link OperationLog}, and asks every data call for its
 * consumed capacity, in one place rather than at each call site.
 */
public final class OperationLogInterceptor implements ExecutionInterceptor {

    private static final ExecutionAttribute<Long> STARTED_NANOS = new ExecutionAttribute<>("cruddur.startedNanos");
    private static final ExecutionAttribute<Instant> STARTED_AT = new ExecutionAttribute<>("cruddur.startedAt");
    private static final ExecutionAttribute<String> PURPOSE = new ExecutionAttribute<>("cruddur.purpose");

    private final OperationLog log;
    private final String endpointUrl;
    private final String region;

    public OperationLogInterceptor(OperationLog log, String endpointUrl, String region) {
        this.log = log;
        this.endpointUrl = endpointUrl;
        this.region = region;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(STARTED_NANOS, System.nanoTime());
        attributes.putAttribute(STARTED_AT, Instant.now());
        String purpose = log.currentPurpose();
        if (purpose != null) {
            attributes.putAttribute(PURPOSE, purpose);
        }
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest r = context.request();
        ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
        if (r instanceof QueryRequest q && q.returnConsumedCapacity() == null) {
            return q.toBuilder().returnConsumedCapacity(total).build();
        }
        if (r instanceof ScanRequest s && s.returnConsumedCapacity() == null) {
            return s.toBuilder().returnConsumedCapacity(total).build();
        }
        if (r instanceof GetItemRequest g && g.returnConsumedCapacity() == null) {
            return g.toBuilder().returnConsumedCapacity(total).build();
        }
        if (r instanceof PutItemRequest p && p.returnConsumedCapacity() == null) {
            return p.toBuilder().returnConsumedCapacity(total).build();
        }
        if (r instanceof DeleteItemRequest d && d.returnConsumedCapacity() == null) {
            return d.toBuilder().returnConsumedCapacity(total).build();
        }
        if (r instanceof UpdateItemRequest u && u.returnConsumedCapacity() == null) {
            return u.toBuilder().returnConsumedCapacity(total).build();
        }
        if (r instanceof BatchWriteItemRequest b && b.returnConsumedCapacity() == null) {
            return b.toBuilder().returnConsumedCapacity(total).build();
        }
        if (r instanceof TransactWriteItemsRequest t && t.returnConsumedCapacity() == null) {
            return t.toBuilder().returnConsumedCapacity(total).build();
        }
        return r;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        record(context.request(), context.response(), null, attributes);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        record(request, context.response().orElse(null), DynamoErrors.oneLine(context.exception()), attributes);
    }

    private void record(SdkRequest request, SdkResponse response, String error, ExecutionAttributes attributes) {
        Long started = attributes.getAttribute(STARTED_NANOS);
        Duration latency = started == null ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - started);
        Instant at = Optional.ofNullable(attributes.getAttribute(STARTED_AT)).orElse(Instant.now());
        log.record(new OperationLogEntry(at, request, endpointUrl, region,
                response == null ? null : itemCount(request, response), latency,
                response == null ? null : capacity(response), error, attributes.getAttribute(PURPOSE)));
    }

    private static Integer itemCount(SdkRequest request, SdkResponse response) {
        Object count = response.getValueForField("Count", Object.class).orElse(null);
        if (count instanceof Integer n) {
            return n;
        }
        if (response.getValueForField("Item", Object.class).orElse(null) instanceof Map<?, ?> item && !item.isEmpty()) {
            return 1;
        }
        if (request instanceof PutItemRequest || request instanceof DeleteItemRequest || request instanceof UpdateItemRequest) {
            return 1;
        }
        if (request instanceof BatchWriteItemRequest b) {
            return b.requestItems().values().stream().mapToInt(List::size).sum();
        }
        if (request instanceof TransactWriteItemsRequest t) {
            return t.transactItems().size();
        }
        if (request instanceof GetItemRequest) {
            return 0;
        }
        return null;
    }

    private static Double capacity(SdkResponse response) {
        Object value = response.getValueForField("ConsumedCapacity", Object.class).orElse(null);
        if (value instanceof ConsumedCapacity single) {
            return single.capacityUnits();
        }
        if (value instanceof Collection<?> many && !many.isEmpty()) {
            double sum = 0;
            for (Object c : many) {
                if (c instanceof ConsumedCapacity cc && cc.capacityUnits() != null) {
                    sum += cc.capacityUnits();
                }
            }
            return sum;
        }
        return null;
    }
}

package org.cruddur.console.service.session;

import java.util.LinkedHashSet;
import java.util.Set;
import org.cruddur.console.service.FailedCall;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * Marks a refused DynamoDB call with the IAM action and resource it needed, taken from the request itself, so the
 * access-denied line says "dynamodb:Query on index message-group-sk-index of table cruddur-messages".
 */
final class FailedCallNaming implements ExecutionInterceptor {

    @Override
    public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes attributes) {
        Throwable error = context.exception();
        // DynamoDB answers AccessDeniedException with status 400; other refusals come as 403
        if (error instanceof AwsServiceException ase && (ase.statusCode() == 403 || ase.awsErrorDetails() != null
                && String.valueOf(ase.awsErrorDetails().errorCode()).contains("AccessDenied"))) {
            String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
            ase.addSuppressed(new FailedCall("dynamodb:" + operation, resource(context.request())));
        }
        return error;
    }

    static String resource(SdkRequest request) {
        if (request instanceof QueryRequest q && q.indexName() != null) {
            return "index " + q.indexName() + " of table " + q.tableName();
        }
        if (request instanceof ScanRequest s && s.indexName() != null) {
            return "index " + s.indexName() + " of table " + s.tableName();
        }
        Set<String> tables = new LinkedHashSet<>();
        if (request instanceof BatchWriteItemRequest b) {
            tables.addAll(b.requestItems().keySet());
        } else if (request instanceof BatchGetItemRequest b) {
            tables.addAll(b.requestItems().keySet());
        } else if (request instanceof TransactWriteItemsRequest t) {
            t.transactItems().forEach(i -> {
                if (i.put() != null) tables.add(i.put().tableName());
                if (i.update() != null) tables.add(i.update().tableName());
                if (i.delete() != null) tables.add(i.delete().tableName());
                if (i.conditionCheck() != null) tables.add(i.conditionCheck().tableName());
            });
        } else if (request instanceof TransactGetItemsRequest t) {
            t.transactItems().forEach(i -> tables.add(i.get().tableName()));
        } else {
            request.getValueForField("TableName", String.class).ifPresent(tables::add);
        }
        if (tables.isEmpty()) {
            return "every table (the call names none)";
        }
        return (tables.size() == 1 ? "table " : "tables ") + String.join(", ", tables);
    }
}

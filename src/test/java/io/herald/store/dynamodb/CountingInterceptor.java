package io.herald.store.dynamodb;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Records every DynamoDB call the application makes, with the capacity the table reports and, for a put, the item
 * it replaced, so that a test can count requests and write units (a table's own and its indexes') per event.
 * Registered by class name ({@code quarkus.dynamodb.interceptors}), so its record is static.
 */
public class CountingInterceptor implements ExecutionInterceptor {

    /** One call: a put's old item is null when it created the item; a failed conditional write has no new item. */
    public record Call(String operation, String table, String index, double units, Map<String, ?> oldItem,
            Map<String, ?> newItem, boolean failed) {
    }

    private static final List<Call> CALLS = new CopyOnWriteArrayList<>();

    static void reset() {
        CALLS.clear();
    }

    static List<Call> calls() {
        return List.copyOf(CALLS);
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        if (request instanceof PutItemRequest put && put.returnValues() == null) {
            return put.toBuilder().returnValues(ReturnValue.ALL_OLD)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        }
        if (request instanceof GetItemRequest get) {
            return get.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        }
        if (request instanceof QueryRequest query) {
            return query.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        }
        if (request instanceof UpdateItemRequest update && update.returnValues() == null) {
            return update.toBuilder().returnValues(ReturnValue.ALL_OLD)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        }
        return request;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        Object response = context.response();
        if (context.request() instanceof PutItemRequest put && response instanceof PutItemResponse answer) {
            CALLS.add(new Call(operation, put.tableName(), null, units(answer.consumedCapacity()),
                    answer.hasAttributes() && !answer.attributes().isEmpty() ? answer.attributes() : null,
                    put.item(), false));
        } else if (context.request() instanceof GetItemRequest get && response instanceof GetItemResponse answer) {
            CALLS.add(new Call(operation, get.tableName(), null, units(answer.consumedCapacity()), null, null,
                    false));
        } else if (context.request() instanceof QueryRequest query && response instanceof QueryResponse answer) {
            CALLS.add(new Call(operation, query.tableName(), query.indexName(), units(answer.consumedCapacity()),
                    null, null, false));
        } else if (context.request() instanceof UpdateItemRequest update
                && response instanceof UpdateItemResponse answer) {
            Map<String, AttributeValue> old = answer.hasAttributes() && !answer.attributes().isEmpty()
                    ? answer.attributes() : null;
            CALLS.add(new Call(operation, update.tableName(), null, units(answer.consumedCapacity()), old,
                    updated(old, update), false));
        } else {
            CALLS.add(new Call(operation, null, null, 0, null, null, false));
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        if (context.exception() instanceof ConditionalCheckFailedException) {
            // DynamoDB charges a refused conditional write as a write of the item
            String table = context.request() instanceof PutItemRequest put ? put.tableName()
                    : context.request() instanceof UpdateItemRequest update ? update.tableName() : null;
            CALLS.add(new Call(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), table, null, 1, null,
                    null, true));
        }
    }

    /**
     * The item an update of the form {@code SET #a = :a, #b = :b} leaves; any other form is refused, so that a count
     * is never silently wrong.
     */
    private static Map<String, AttributeValue> updated(Map<String, AttributeValue> old, UpdateItemRequest update) {
        Matcher set = Pattern.compile("SET\\s+(.+)").matcher(update.updateExpression().trim());
        if (!set.matches()) {
            throw new IllegalStateException("cannot count the index writes of " + update.updateExpression());
        }
        Map<String, AttributeValue> item = new HashMap<>(old == null ? update.key() : old);
        for (String assignment : set.group(1).split(",")) {
            String[] sides = assignment.split("=");
            String name = sides[0].trim();
            String value = sides.length == 2 ? sides[1].trim() : "";
            if (!name.startsWith("#") || !value.startsWith(":")) {
                throw new IllegalStateException("cannot count the index writes of " + update.updateExpression());
            }
            item.put(update.expressionAttributeNames().get(name), update.expressionAttributeValues().get(value));
        }
        return item;
    }

    private static double units(ConsumedCapacity capacity) {
        return capacity == null || capacity.capacityUnits() == null ? 0 : capacity.capacityUnits();
    }
}

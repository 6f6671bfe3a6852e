package io.herald.routing;

import io.cloudevents.sql.EvaluationException;
import io.cloudevents.sql.EvaluationRuntime;
import io.cloudevents.sql.Expression;
import io.cloudevents.sql.ParseException;
import io.cloudevents.sql.Parser;
import io.cloudevents.sql.Result;
import io.herald.events.RoutableEvent;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * A rule's CESQL condition, compiled once when the rules are loaded. It may read context attributes and
 * extensions as CESQL defines, and data fields as {@code data.x.y} (see {@link DataReferences} and, for how
 * data values are typed, {@link ConditionEventView}).
 *
 * <p>A condition that reads a field or attribute the event does not have is false as a whole, whatever the rest
 * of it says; guard optional fields with {@code EXISTS data.x}. Any other evaluation error (a failed cast,
 * division by zero) also counts as no match and is logged with the rule name, never with event values.
 */
final class Condition {

    private static final Logger LOG = Logger.getLogger(Condition.class);
    private static final EvaluationRuntime RUNTIME = EvaluationRuntime.getDefault();

    private final String rule;
    private final String text;
    private final Expression expression;
    private final DataReferences.Rewritten rewritten;

    private Condition(String rule, String text, Expression expression, DataReferences.Rewritten rewritten) {
        this.rule = rule;
        this.text = text;
        this.expression = expression;
        this.rewritten = rewritten;
    }

    /**
     * @param rule the rule's name, for logs
     * @throws IllegalArgumentException with a reason fit for the operator, if the condition is not valid
     */
    static Condition compile(String rule, String text) {
        DataReferences.Rewritten rewritten = DataReferences.rewrite(text);
        for (String function : rewritten.functions()) {
            if (!isKnownFunction(function)) {
                throw new IllegalArgumentException("unknown function '" + function + "'");
            }
        }
        CesqlSyntax.firstError(rewritten.cesql()).ifPresent(error -> {
            throw new IllegalArgumentException(rewritten.restore("Cannot parse: " + error));
        });
        try {
            return new Condition(rule, text, Parser.parseDefault(rewritten.cesql()), rewritten);
        } catch (ParseException e) {
            throw new IllegalArgumentException(rewritten.restore(withoutPosition(e.getMessage())), e);
        }
    }

    /** @return true only if the condition evaluates to TRUE without any error */
    boolean test(RoutableEvent event) {
        Result result;
        try {
            result = expression.evaluate(RUNTIME, new ConditionEventView(event, rewritten.fields()));
        } catch (RuntimeException e) {
            LOG.warnf("Rule '%s': condition could not be evaluated (%s); treated as no match", rule,
                    e.getClass().getSimpleName());
            return false;
        }
        if (result.isFailed()) {
            logFailure(result);
            return false;
        }
        if (result.value() instanceof Boolean matched) {
            return matched;
        }
        LOG.warnf("Rule '%s': condition does not yield a boolean but %s; treated as no match", rule,
                result.value() == null ? "null" : result.value().getClass().getSimpleName());
        return false;
    }

    @Override
    public String toString() {
        return text;
    }

    private void logFailure(Result result) {
        if (result.causes().stream().anyMatch(c -> c.getKind() == EvaluationException.ErrorKind.MISSING_ATTRIBUTE)) {
            LOG.debugf("Rule '%s': the event lacks a field the condition reads; no match", rule);
            return;
        }
        // Only kinds and the rule's own sub-expressions: CESQL's messages quote event values.
        String causes = result.causes().stream()
                .map(c -> c.getKind() + " at `" + rewritten.restore(String.valueOf(c.getExpressionText())) + "`")
                .collect(Collectors.joining(", "));
        LOG.warnf("Rule '%s': condition failed (%s); treated as no match", rule, causes);
    }

    /** CESQL upper-cases function names; arity is not checked here (a wrong one fails at evaluation). */
    private static boolean isKnownFunction(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        for (int arity = 0; arity <= 3; arity++) {
            try {
                RUNTIME.resolveFunction(upper, arity);
                return true;
            } catch (IllegalStateException unknownForThisArity) {
                // try the next arity
            }
        }
        return false;
    }

    /** Drops the parser's "[KIND at a:b `token`]" prefix: its offsets refer to the rewritten text. */
    private static String withoutPosition(String message) {
        return message == null ? "cannot parse" : message.replaceFirst("^\\[[^\\]]*\\]\\s*", "");
    }
}

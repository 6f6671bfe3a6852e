package io.herald.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.herald.http.HttpFunction;
import io.herald.queue.QueueConsumer;
import io.herald.schedule.ScheduledFunction;
import io.herald.wiring.FunctionsManifest.FunctionSpec;
import io.herald.wiring.FunctionsManifest.HttpRoute;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** functions.yaml and the code must describe the same functions, routes, queues and schedules. */
@QuarkusTest
class FunctionsWiringTest {

    @Inject
    FunctionsManifest manifest;

    @Inject
    Instance<HttpFunction> httpFunctions;

    @Inject
    Instance<QueueConsumer> consumers;

    @Inject
    Instance<ScheduledFunction> scheduledFunctions;

    @Inject
    BeanManager beans;

    @Test
    void everyHttpFunctionInCodeIsDeclaredWithRoutesAndTheOtherWayRound() {
        Set<String> inCode = httpFunctions.stream().map(HttpFunction::name).collect(Collectors.toSet());
        Set<String> declared = manifest.functions().values().stream().filter(f -> !f.http().isEmpty())
                .map(FunctionSpec::handler).collect(Collectors.toSet());
        assertThat(inCode).isEqualTo(declared);
    }

    @Test
    void everyQueueHasExactlyItsDeclaredConsumer() {
        Set<String> consumed = consumers.stream().map(QueueConsumer::queue).collect(Collectors.toSet());
        Set<String> triggering = manifest.functions().values().stream().map(FunctionSpec::queue)
                .filter(q -> q != null).collect(Collectors.toSet());
        assertThat(consumed).isEqualTo(triggering);
        assertThat(manifest.queues().keySet()).isEqualTo(triggering);
    }

    @Test
    void everyScheduledFunctionInCodeIsDeclaredWithAScheduleAndTheOtherWayRound() {
        Set<String> inCode = scheduledFunctions.stream().map(ScheduledFunction::name).collect(Collectors.toSet());
        Set<String> declared = manifest.functions().values().stream().filter(f -> f.schedule() != null)
                .map(FunctionSpec::handler).collect(Collectors.toSet());
        assertThat(inCode).isEqualTo(declared);
        // and local mode finds each one's bean: it has a job for every schedule
        assertThat(LocalSchedules.jobs(manifest, scheduledFunctions, Map.of())).extracting(LocalSchedules.Job::id)
                .containsExactlyInAnyOrderElementsOf(manifest.schedules().keySet());
    }

    @Test
    void everyScheduleTriggersExactlyOneFunction() {
        List<String> triggering = manifest.functions().values().stream().map(FunctionSpec::schedule)
                .filter(s -> s != null).toList();
        assertThat(triggering).doesNotHaveDuplicates();
        assertThat(manifest.schedules().keySet()).containsExactlyInAnyOrderElementsOf(triggering);
    }

    @Test
    void everyScheduleRunsLocallyAtTheRateTheCloudRunsIt() {
        Pattern rate = Pattern.compile("rate\\((\\d+) (minute|hour|day)s?\\)");
        manifest.schedules().forEach((name, schedule) -> {
            assertThat(schedule.every()).as(name + " every").isNotBlank();
            Duration every = Duration.parse("PT" + schedule.every());
            assertThat(every).as(name + " every").isPositive();
            Matcher cloud = rate.matcher(schedule.expression());
            if (cloud.matches()) {
                ChronoUnit unit = ChronoUnit.valueOf(cloud.group(2).toUpperCase(Locale.ROOT) + "S");
                assertThat(every).as(name + " every, against " + schedule.expression())
                        .isEqualTo(Duration.of(Long.parseLong(cloud.group(1)), unit));
            }
        });
    }

    @Test
    void everyFunctionHasAHandlerAndExactlyOneTrigger() {
        manifest.functions().forEach((name, spec) -> {
            assertThat(spec.handler()).as(name + " handler").isNotBlank();
            int triggers = (spec.http().isEmpty() ? 0 : 1) + (spec.queue() == null ? 0 : 1)
                    + (spec.schedule() == null ? 0 : 1);
            assertThat(triggers).as(name + " triggers").isEqualTo(1);
        });
    }

    @Test
    void everyFunctionHasALambdaHandlerOfItsNameAndNoHandlerIsUndeclared() {
        // a parameterised bean type does not match a raw lookup, so look at every bean's class
        Set<String> handlers = beans.getBeans(Object.class, Any.Literal.INSTANCE).stream()
                .filter(bean -> RequestHandler.class.isAssignableFrom(bean.getBeanClass()))
                .map(Bean::getName).collect(Collectors.toSet());
        Set<String> declared = manifest.functions().values().stream().map(FunctionSpec::handler)
                .collect(Collectors.toSet());
        assertThat(handlers).isEqualTo(declared);
    }

    @Test
    void everyDeclaredRouteIsServedLocally() {
        for (FunctionSpec spec : manifest.functions().values()) {
            for (HttpRoute route : spec.http()) {
                // a path parameter gets a value; a function may answer 404 for it, but then as a problem
                var response = io.herald.support.Herald.http().urlEncodingEnabled(false)
                        .request(route.method(), route.path().replaceAll("\\{\\w+}", "probe"));
                assertThat(response.statusCode()).as(route.key()).isNotEqualTo(405);
                if (response.statusCode() == 404) {
                    assertThat(response.contentType()).as(route.key()).startsWith("application/problem+json");
                }
            }
        }
    }
}

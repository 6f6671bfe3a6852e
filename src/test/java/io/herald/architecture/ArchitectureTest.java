package io.herald.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.PackageMatchers;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.herald.dispatch.UpwardImportFixture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Herald's shape, enforced on the production classes: four layers whose dependencies point down only, no package
 * cycle, and simulators outside the layers.
 *
 * <pre>
 * wiring     wiring, nativeimage: chooses adapters, serves local routes and schedules
 * adapters   store.jdbc, store.dynamodb, queue.sqs, queue.inprocess, notifier.opentext, directory.yaml, config.ssm
 * functions  intake, dispatch, callback, writeback, slasweep, recovery
 * core       domain, events, routing, sla, task, outbox, work, signing, links, display, schedule, metrics, audit,
 *            access, config, clock, http, grouping, restore, announce, and the ports: store, queue, notifier,
 *            directory
 * </pre>
 *
 * <p>For example, {@code import io.herald.store.jdbc.JdbcStore;} in a class of {@code io.herald.dispatch} is a
 * function reaching up into an adapter, and {@link #anUpwardImportBreaksTheLayers} proves the rule refuses it.
 */
class ArchitectureTest {

    private static final String[] CORE = {"io.herald.domain..", "io.herald.events..", "io.herald.routing..",
        "io.herald.sla..", "io.herald.task..", "io.herald.outbox..", "io.herald.work..", "io.herald.signing..",
        "io.herald.links..", "io.herald.display..", "io.herald.schedule..", "io.herald.metrics..",
        "io.herald.audit..", "io.herald.access..", "io.herald.config", "io.herald.clock..", "io.herald.http..",
        "io.herald.store", "io.herald.queue", "io.herald.notifier", "io.herald.directory",
        "io.herald.grouping..", "io.herald.restore..", "io.herald.announce.."};
    private static final String[] FUNCTIONS = {"io.herald.intake..", "io.herald.dispatch..", "io.herald.callback..",
        "io.herald.writeback..", "io.herald.slasweep..", "io.herald.recovery..", "io.herald.console.."};
    private static final String[] ADAPTERS = {"io.herald.store.jdbc..", "io.herald.store.dynamodb..",
        "io.herald.queue.sqs..", "io.herald.queue.inprocess..", "io.herald.notifier.opentext..",
        "io.herald.directory.yaml..", "io.herald.config.ssm.."};
    private static final String[] WIRING = {"io.herald.wiring..", "io.herald.nativeimage.."};

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.herald");

    static ArchRule layers() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("core").definedBy(CORE)
                .layer("functions").definedBy(FUNCTIONS)
                .layer("adapters").definedBy(ADAPTERS)
                .layer("wiring").definedBy(WIRING)
                .layer("simulators").definedBy("io.herald.simulator..")
                .whereLayer("wiring").mayNotBeAccessedByAnyLayer()
                .whereLayer("adapters").mayOnlyBeAccessedByLayers("wiring", "simulators")
                .whereLayer("functions").mayOnlyBeAccessedByLayers("adapters", "wiring", "simulators")
                .whereLayer("simulators").mayNotBeAccessedByAnyLayer();
    }

    static ArchRule noCycles() {
        return slices().matching("io.herald.(**)").should().beFreeOfCycles();
    }

    /** A package no layer names would escape the layer rule, which only looks at dependencies within layers. */
    @Test
    void everyPackageBelongsToALayer() {
        PackageMatchers layered = PackageMatchers.of(Stream.of(CORE, FUNCTIONS, ADAPTERS, WIRING,
                new String[] {"io.herald.simulator.."}).flatMap(Stream::of).toArray(String[]::new));

        assertThat(PRODUCTION.stream().map(JavaClass::getPackageName).distinct().filter(p -> !layered.test(p)))
                .isEmpty();
    }

    @Test
    void dependenciesPointDownTheLayersOnly() {
        layers().check(PRODUCTION);
    }

    @Test
    void packagesFormNoCycle() {
        noCycles().check(PRODUCTION);
    }

    @Test
    void anUpwardImportBreaksTheLayers() {
        JavaClasses withUpwardImport = new ClassFileImporter().importClasses(UpwardImportFixture.class,
                io.herald.store.jdbc.JdbcStore.class);

        EvaluationResult result = layers().evaluate(withUpwardImport);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains(UpwardImportFixture.class.getName())
                .contains("io.herald.store.jdbc.JdbcStore");
    }
}

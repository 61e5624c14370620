package dev.realtimetck.mockserver.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/** Checks the module's main classes against {@link MockServerArchitecture}, and that its rules can fail. */
class ArchitectureTest {

    private static final String BASE = "dev.realtimetck.mockserver";
    private static final String FIXTURES = BASE + ".architecture.fixture";

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);

    @Test
    void mainClassesAreImported() {
        // guards the rules below against passing on an empty import
        assertThat(MAIN.stream().map(c -> c.getPackageName()).distinct())
                .contains(BASE, BASE + ".core", BASE + ".admin", BASE + ".simulator", BASE + ".scenario",
                        BASE + ".replay", BASE + ".record", BASE + ".schema", BASE + ".cli", BASE + ".junit",
                        BASE + ".metrics");
    }

    @Test
    void noPackageCycles() {
        MockServerArchitecture.noPackageCycles().check(MAIN);
    }

    @Test
    void coreImportsNoFeatureAndFeaturesOnlyWhatTheyBuildOn() {
        MockServerArchitecture.layering(BASE).check(MAIN);
    }

    @Test
    void neverDependsOnTheReferenceTransport() {
        MockServerArchitecture.noClientTransport().check(MAIN);
    }

    @Test
    void cycleRuleReportsAPlantedCycle() {
        JavaClasses planted = new ClassFileImporter().importPackages(FIXTURES + ".cycle");
        EvaluationResult result = MockServerArchitecture.noPackageCycles().evaluate(planted);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString())
                .contains("Cycle detected")
                .contains(FIXTURES + ".cycle.a")
                .contains(FIXTURES + ".cycle.b");
    }

    @Test
    void layeringRuleReportsACoreThatImportsAFeature() {
        JavaClasses planted = new ClassFileImporter().importPackages(FIXTURES + ".layers");
        EvaluationResult result = MockServerArchitecture.layering(FIXTURES + ".layers").evaluate(planted);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString())
                .contains("CoreThatKnowsTheSimulator")
                .contains("SimulatorFeature");
    }

    @Test
    void layeringRuleAcceptsTheFixtureFeatureOnItsOwn() {
        JavaClasses feature = new ClassFileImporter().importPackages(FIXTURES + ".layers.simulator");
        assertThat(MockServerArchitecture.layering(FIXTURES + ".layers").evaluate(feature).hasViolation()).isFalse();
    }
}

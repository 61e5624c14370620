package dev.realtimetck.protocoldata.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/** Checks the module's main classes against {@link ModuleArchitecture}, and that its rules can fail. */
class ArchitectureTest {

    private static final String BASE = "dev.realtimetck.protocoldata";
    private static final String FIXTURES = BASE + ".architecture.fixture";

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);

    @Test
    void mainClassesAreImported() {
        // guards the rules below against passing on an empty import
        assertThat(MAIN.stream().map(JavaClass::getPackageName)).contains(BASE);
    }

    @Test
    void noPackageCycles() {
        ModuleArchitecture.noPackageCycles().check(MAIN);
    }

    @Test
    void dependsOnNothingButTheJdk() {
        ModuleArchitecture.onlyTheJdk(BASE).check(MAIN);
    }

    @Test
    void jdkRuleReportsAPlantedDependency() {
        JavaClasses planted = new ClassFileImporter().importPackages(FIXTURES + ".leak");
        EvaluationResult result = ModuleArchitecture.onlyTheJdk(FIXTURES + ".leak").evaluate(planted);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("org.junit.jupiter.api.Assertions");
    }

    @Test
    void cycleRuleReportsAPlantedCycle() {
        JavaClasses planted = new ClassFileImporter().importPackages(FIXTURES + ".cycle");
        EvaluationResult result = ModuleArchitecture.noPackageCycles().evaluate(planted);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString())
                .contains("Cycle detected")
                .contains(FIXTURES + ".cycle.a")
                .contains(FIXTURES + ".cycle.b");
    }
}

package dev.realtimetck.mockserver.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The mock server's architecture as ArchUnit rules, written against a base package so that
 * {@link ArchitectureTest} can run the very same rules on planted fixtures and see them fail.
 *
 * <p>The layering (see "Architecture" in the module README): {@code core} and {@code schema} import no other
 * package of the module; each feature imports only the core and what it is built on ({@code scenario} checks its
 * events with {@code schema}, {@code replay} turns recordings into scenarios, {@code record} writes the replay
 * format); the base package is the one wiring point; {@code cli} and {@code junit} sit on top.
 */
final class MockServerArchitecture {

    private MockServerArchitecture() {
    }

    /** Each package is one slice; no two packages may depend on each other, directly or through others. */
    static ArchRule noPackageCycles() {
        return slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                return SliceIdentifier.of(javaClass.getPackageName());
            }

            @Override
            public String getDescription() {
                return "one slice per package";
            }
        }).should().beFreeOfCycles().allowEmptyShould(false);
    }

    /** The layering of the packages below {@code base} (the module's base package, or a fixture's). */
    static ArchRule layering(String base) {
        return Architectures.layeredArchitecture()
                .consideringOnlyDependenciesInAnyPackage(base + "..")
                .withOptionalLayers(true)
                .layer("Core").definedBy(base + ".core..")
                .layer("Schema").definedBy(base + ".schema..")
                .layer("Simulator").definedBy(base + ".simulator..")
                .layer("Scenario").definedBy(base + ".scenario..")
                .layer("Replay").definedBy(base + ".replay..")
                .layer("Record").definedBy(base + ".record..")
                .layer("Admin").definedBy(base + ".admin..")
                .layer("Metrics").definedBy(base + ".metrics..")
                .layer("Wiring").definedBy(base)
                .layer("Cli").definedBy(base + ".cli..")
                .layer("JUnit").definedBy(base + ".junit..")
                .whereLayer("Core").mayNotAccessAnyLayer()
                .whereLayer("Schema").mayNotAccessAnyLayer()
                .whereLayer("Simulator").mayOnlyAccessLayers("Core")
                .whereLayer("Scenario").mayOnlyAccessLayers("Core", "Schema")
                .whereLayer("Replay").mayOnlyAccessLayers("Core", "Scenario")
                .whereLayer("Record").mayOnlyAccessLayers("Replay")
                .whereLayer("Admin").mayOnlyAccessLayers("Core")
                .whereLayer("Metrics").mayOnlyAccessLayers("Core")
                .whereLayer("Wiring").mayOnlyAccessLayers("Core", "Schema", "Simulator", "Scenario", "Replay", "Admin",
                        "Metrics")
                .whereLayer("Cli").mayOnlyAccessLayers("Wiring", "Core", "Schema", "Simulator", "Scenario", "Replay",
                        "Record")
                .whereLayer("JUnit").mayOnlyAccessLayers("Wiring", "Core", "Scenario", "Replay");
    }

    /** The mock server is a server: it never depends on a client transport. */
    static ArchRule noClientTransport() {
        return noClasses().should().dependOnClassesThat().resideInAPackage("dev.realtimetck.referencetransport..");
    }
}

package dev.realtimetck.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The API module's architecture as ArchUnit rules, written so that {@link ArchitectureTest} can run the very same rules on
 * planted fixtures and see them fail.
 */
final class ModuleArchitecture {

    private ModuleArchitecture() {
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

    /** The contract has no runtime dependencies: only the JDK and its own packages. */
    static ArchRule onlyTheJdk(String base) {
        return classes().that().resideInAPackage(base + "..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.realtimetck.api..");
    }
}

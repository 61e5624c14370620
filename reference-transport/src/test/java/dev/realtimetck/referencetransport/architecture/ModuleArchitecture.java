package dev.realtimetck.referencetransport.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The reference transport's architecture as ArchUnit rules, written so that {@link ArchitectureTest} can run the very same rules on
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

    /**
     * The {@code protocol} package below {@code base} is socket-free: it depends on no other package of the
     * module (where the socket classes live) and not on {@code java.net.http}.
     */
    static ArchRule socketFreeProtocol(String base) {
        return noClasses().that().resideInAPackage(base + ".protocol..")
                .should().dependOnClassesThat(resideInAPackage(base + "..")
                        .and(resideOutsideOfPackage(base + ".protocol.."))
                        .or(resideInAPackage("java.net.http..")));
    }

    /** A client transport never depends on the mock server (the tests use it, the code does not). */
    static ArchRule noMockServer() {
        return noClasses().should().dependOnClassesThat().resideInAPackage("dev.realtimetck.mockserver..");
    }
}

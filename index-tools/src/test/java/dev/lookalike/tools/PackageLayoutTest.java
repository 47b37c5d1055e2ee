package dev.lookalike.tools;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The command line's packages import each other in one direction: commands use machinery, machinery never uses
 * a command, the shared {@code cli} package uses nothing of the command line, and no two packages depend on each
 * other in a cycle.
 */
class PackageLayoutTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.lookalike.tools");
    }

    @Test
    void packagesHaveNoCycles() {
        SliceAssignment eachPackage = new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                return SliceIdentifier.of(javaClass.getPackageName());
            }

            @Override
            public String getDescription() {
                return "each package of the command line";
            }
        };
        slices().assignedFrom(eachPackage).should().beFreeOfCycles().check(classes);
    }

    @Test
    void machineryNeverUsesACommandOrTheEntryPoint() {
        noClasses().that().resideOutsideOfPackages("dev.lookalike.tools", "dev.lookalike.tools.command..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.lookalike.tools", "dev.lookalike.tools.command..")
                .check(classes);
    }

    @Test
    void sharedCommandLineMachineryStandsAlone() {
        noClasses().that().resideInAPackage("dev.lookalike.tools.cli")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.lookalike.tools", "dev.lookalike.tools.command..", "dev.lookalike.tools.catalogue..",
                        "dev.lookalike.tools.search..", "dev.lookalike.tools.eval..", "dev.lookalike.tools.report..",
                        "dev.lookalike.tools.bench..", "dev.lookalike.tools.client..")
                .check(classes);
    }
}

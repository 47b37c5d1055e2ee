package dev.lookalike.search;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The packages of the search core import each other in one direction: no two depend on each other in a cycle. */
class PackageCyclesTest {

    @Test
    void packagesHaveNoCycles() {
        // "(**)" captures the whole package name below dev.lookalike, so each package is a slice of its own.
        slices().matching("dev.lookalike.(**)").should().beFreeOfCycles().check(new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.lookalike.search"));
    }
}

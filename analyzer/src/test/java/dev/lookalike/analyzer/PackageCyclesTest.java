package dev.lookalike.analyzer;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The analyzer's packages import each other in one direction: the preprocessing needs nothing of the model (the
 * input spec lives with it), datasets and distortions build on the preprocessing, the model on both, training on
 * all of them.
 */
class PackageCyclesTest {

    @Test
    void packagesHaveNoCycles() {
        // "(**)" captures the whole package name below dev.lookalike, so each package is a slice of its own.
        slices().matching("dev.lookalike.(**)").should().beFreeOfCycles().check(new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.lookalike.analyzer"));
    }
}

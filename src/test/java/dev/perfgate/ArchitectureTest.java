package dev.perfgate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package rules of docs/architecture.md, on the plugin's own classes: a Maven-free core, packages without
 * cycles, and a verdict that does not reach into the engine that measured it.
 */
@AnalyzeClasses(packages = "dev.perfgate", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Only the Mojos know Maven: the core runs, and is tested, without it. */
    @ArchTest
    static final ArchRule mavenTypesOnlyInTheMavenPackage = noClasses()
            .that().resideOutsideOfPackage("dev.perfgate.maven..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.maven..", "org.eclipse.aether..",
                    "org.codehaus.plexus..")
            .because("the core is Maven-free; dev.perfgate.maven maps parameters onto it and outcomes onto Maven");

    /** Every package depends only on packages below it. */
    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.perfgate.(**)").should().beFreeOfCycles();

    /**
     * Gates and reports judge a stored run: they never start a service, send load or orchestrate a measurement, so
     * that perfgate:check and perfgate:compare can judge any run.json, wherever it was measured.
     */
    @ArchTest
    static final ArchRule verdictsDoNotReachIntoTheEngine = noClasses()
            .that().resideInAnyPackage("dev.perfgate.gate..", "dev.perfgate.check..", "dev.perfgate.report..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.perfgate.service..", "dev.perfgate.load..",
                    "dev.perfgate.imports..", "dev.perfgate.scenario..", "dev.perfgate.version..",
                    "dev.perfgate.run..", "dev.perfgate.goal..", "dev.perfgate.maven..");

    /** The stored model is the bottom of the judging side: it knows no engine, gate or report either. */
    @ArchTest
    static final ArchRule theStoredModelStandsAlone = noClasses()
            .that().resideInAPackage("dev.perfgate.result..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.perfgate.service..", "dev.perfgate.load..",
                    "dev.perfgate.measure..", "dev.perfgate.run..", "dev.perfgate.gate..", "dev.perfgate.check..",
                    "dev.perfgate.report..", "dev.perfgate.goal..", "dev.perfgate.maven..");
}

package org.cruddur.console.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture the folder tree shows, checked on every build ({@code mvn verify}, so {@code .ci/run}): the
 * service layer knows neither front end nor JavaFX, configuration knows no service, the two front ends know nothing
 * of each other, feature view models see the connection only through its context, and no two packages depend on
 * each other, however indirectly.
 */
@AnalyzeClasses(packages = "org.cruddur.console", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageRulesTest {

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.cruddur.console.(**)")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule serviceKnowsNoFrontEndNorJavaFx = noClasses()
            .that().resideInAPackage("org.cruddur.console.service..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.cruddur.console.ui..", "org.cruddur.console.cli..");

    @ArchTest
    static final ArchRule configKnowsNoServiceNorFrontEnd = noClasses()
            .that().resideInAPackage("org.cruddur.console.config..")
            .should().dependOnClassesThat().resideInAnyPackage("org.cruddur.console.service..", "org.cruddur.console.ui..",
                    "org.cruddur.console.cli..", "javafx..");

    @ArchTest
    static final ArchRule commandLineKnowsNoDesktop = noClasses()
            .that().resideInAPackage("org.cruddur.console.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("org.cruddur.console.ui..", "javafx..");

    @ArchTest
    static final ArchRule desktopKnowsNoCommandLine = noClasses()
            .that().resideInAPackage("org.cruddur.console.ui..")
            .should().dependOnClassesThat().resideInAPackage("org.cruddur.console.cli..");

    /** Feature view models get a ConnectionContext; only the application wires them to the window's shell. */
    @ArchTest
    static final ArchRule featuresSeeTheConnectionOnlyThroughItsContext = noClasses()
            .that().resideInAnyPackage("org.cruddur.console.ui.admin..", "org.cruddur.console.ui.inbox..",
                    "org.cruddur.console.ui.conversation..", "org.cruddur.console.ui.composer..",
                    "org.cruddur.console.ui.oplog..", "org.cruddur.console.ui.profiles..", "org.cruddur.console.ui.userdetails..",
                    "org.cruddur.console.ui.rawitems..", "org.cruddur.console.ui.dynamodblocal..")
            .should().dependOnClassesThat().resideInAPackage("org.cruddur.console.ui.main..");
}

package vn.dossierpost;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The import rules of the code (ARCHITECTURE.md), on the compiled main classes: a forbidden import
 * fails the build here instead of in a review.
 */
class ArchitectureTest {
    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.dossierpost");
    }

    private static void check(ArchRule rule) {
        rule.check(main);
    }

    @Test
    void theDomainIsPlainJava() {
        check(classes()
                .that()
                .resideInAPackage("vn.dossierpost.domain..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("vn.dossierpost.domain..", "java..")
                .because("rules are tested with plain unit tests: no framework, no I/O"));
    }

    @Test
    void rowsAndDaosKnowOnlyTheDomain() {
        check(noClasses()
                .that()
                .resideInAPackage("vn.dossierpost.db..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "vn.dossierpost.service..",
                        "vn.dossierpost.resources..",
                        "vn.dossierpost.web..",
                        "vn.dossierpost.integration..",
                        "vn.dossierpost.api..",
                        "vn.dossierpost.auth..",
                        "vn.dossierpost.app..",
                        "vn.dossierpost.http..",
                        "vn.dossierpost.pdf..",
                        "vn.dossierpost.health..",
                        "vn.dossierpost.cli..",
                        "vn.dossierpost.agencysim.."));
    }

    @Test
    void jsonRecordsStandAlone() {
        check(noClasses()
                .that()
                .resideInAPackage("vn.dossierpost.api..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "vn.dossierpost.service..",
                        "vn.dossierpost.db..",
                        "vn.dossierpost.resources..",
                        "vn.dossierpost.integration..",
                        "org.jdbi.."));
    }

    @Test
    void servicesAreCalledNeverCalling() {
        check(noClasses()
                .that()
                .resideInAPackage("vn.dossierpost.service..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "vn.dossierpost.resources..",
                        "vn.dossierpost.web..",
                        "vn.dossierpost.integration..",
                        "vn.dossierpost.app..",
                        "vn.dossierpost.health..",
                        "vn.dossierpost.cli..",
                        "vn.dossierpost.http..",
                        "vn.dossierpost.agencysim..",
                        "jakarta.ws.rs..",
                        "org.apache.camel..")
                .because("resources, pages and routes call services, not the other way round"));
    }

    @Test
    void resourcesRoutesAndHealthChecksGoThroughServices() {
        check(noClasses()
                .that()
                .resideInAnyPackage(
                        "vn.dossierpost.resources..",
                        "vn.dossierpost.web..",
                        "vn.dossierpost.integration..",
                        "vn.dossierpost.health..",
                        "vn.dossierpost.http..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("vn.dossierpost.db..", "org.jdbi..")
                .because("no SQL and no transactions outside the services"));
    }

    @Test
    void theAgencySimulatorIsAnOutsider() {
        check(noClasses()
                .that()
                .resideInAPackage("vn.dossierpost.agencysim..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "vn.dossierpost.resources..",
                        "vn.dossierpost.db..",
                        "vn.dossierpost.service.(*)..",
                        "vn.dossierpost.app..")
                .because("it stands for an agency's own system: it shares the wire helpers, not the service"));
    }

    @Test
    void featuresDependInOneDirection() {
        check(layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("retention")
                .definedBy("vn.dossierpost.service.retention..")
                .layer("supervision")
                .definedBy("vn.dossierpost.service.supervision..")
                .layer("homepickup")
                .definedBy("vn.dossierpost.service.homepickup..")
                .layer("handover")
                .definedBy("vn.dossierpost.service.handover..")
                .layer("returnleg")
                .definedBy("vn.dossierpost.service.returnleg..")
                .layer("counter")
                .definedBy("vn.dossierpost.service.counter..")
                .layer("payment")
                .definedBy("vn.dossierpost.service.payment..")
                .layer("notify")
                .definedBy("vn.dossierpost.service.notify..")
                .layer("dossier")
                .definedBy("vn.dossierpost.service.dossier..")
                .layer("catalogue")
                .definedBy("vn.dossierpost.service.catalogue..")
                .layer("ground")
                .definedBy("vn.dossierpost.service")
                .whereLayer("retention")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("supervision")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("homepickup")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("handover")
                .mayOnlyBeAccessedByLayers("supervision")
                .whereLayer("returnleg")
                .mayOnlyBeAccessedByLayers("handover")
                .whereLayer("counter")
                .mayOnlyBeAccessedByLayers("returnleg", "handover", "homepickup")
                .whereLayer("payment")
                .mayOnlyBeAccessedByLayers("counter", "returnleg", "handover", "supervision", "homepickup")
                .whereLayer("notify")
                .mayOnlyBeAccessedByLayers("counter", "returnleg", "handover", "homepickup", "supervision")
                .whereLayer("dossier")
                .mayOnlyBeAccessedByLayers(
                        "payment", "counter", "notify", "returnleg", "handover", "homepickup", "supervision")
                .whereLayer("catalogue")
                .mayOnlyBeAccessedByLayers(
                        "dossier", "payment", "counter", "notify", "returnleg", "handover", "supervision", "homepickup")
                .whereLayer("ground")
                .mayOnlyBeAccessedByLayers(
                        "catalogue",
                        "dossier",
                        "payment",
                        "counter",
                        "notify",
                        "returnleg",
                        "handover",
                        "supervision",
                        "homepickup",
                        "retention"));
    }
}

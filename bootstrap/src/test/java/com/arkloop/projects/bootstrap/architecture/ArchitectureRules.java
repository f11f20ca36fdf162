package com.arkloop.projects.bootstrap.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture as rules over a root package, so the same rules run against the real code and
 * against deliberately broken fixtures (which proves each rule can fail).
 */
final class ArchitectureRules {

    private ArchitectureRules() {
    }

    static ArchRule dependenciesPointInwards(String root) {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Domain").definedBy(root + ".domain..")
                .layer("Application").definedBy(root + ".application..")
                .layer("Adapters").definedBy(root + ".adapters..")
                .layer("Bootstrap").definedBy(root + ".bootstrap..")
                .whereLayer("Bootstrap").mayNotBeAccessedByAnyLayer()
                .whereLayer("Adapters").mayOnlyBeAccessedByLayers("Bootstrap")
                .whereLayer("Application").mayOnlyBeAccessedByLayers("Adapters", "Bootstrap")
                .whereLayer("Domain").mayOnlyBeAccessedByLayers("Application", "Adapters", "Bootstrap")
                .as("dependencies point inwards: bootstrap -> adapters -> application -> domain");
    }

    static ArchRule domainDependsOnNothingButTheJdk(String root) {
        return classes().that().resideInAPackage(root + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(root + ".domain..", "java..")
                .andShould().onlyDependOnClassesThat(not(resideInAnyPackageOf("java.nio.file..", "java.sql..", "java.net.http..")))
                .as("the domain depends on nothing but the JDK, and not on its file system, SQL or HTTP APIs");
    }

    static ArchRule applicationImportsNoFramework(String root) {
        return classes().that().resideInAPackage(root + ".application..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(root + ".domain..", root + ".application..", "java..")
                .as("the application imports no framework, only the domain and the JDK");
    }

    static ArchRule adaptersDoNotKnowEachOther(String root) {
        return slices().matching(root + ".adapters.(*)..").should().notDependOnEachOther()
                .as("adapters do not know each other");
    }

    static ArchRule httpHandlersDoNotTouchDrivenPorts(String root) {
        DescribedPredicate<JavaClass> drivenPort = describe("a repository or store port of the domain",
                javaClass -> javaClass.getPackageName().startsWith(root + ".domain")
                        && (javaClass.getSimpleName().endsWith("Repository") || javaClass.getSimpleName().endsWith("Store")));
        return noClasses().that().resideInAPackage(root + ".adapters.http..")
                .should().dependOnClassesThat(drivenPort)
                .as("HTTP handlers call use cases and never touch a repository or a blob store");
    }

    private static DescribedPredicate<JavaClass> resideInAnyPackageOf(String... packages) {
        return JavaClass.Predicates.resideInAnyPackage(packages);
    }

    private static DescribedPredicate<JavaClass> not(DescribedPredicate<JavaClass> predicate) {
        return DescribedPredicate.not(predicate);
    }
}

package com.arkloop.projects.bootstrap.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arkloop.projects.archfixtures.adapters.http.HandlerUsingRepository;
import com.arkloop.projects.archfixtures.adapters.persistence.AdapterUsingAnotherAdapter;
import com.arkloop.projects.archfixtures.adapters.storage.StorageHelper;
import com.arkloop.projects.archfixtures.application.UseCaseUsingAFramework;
import com.arkloop.projects.archfixtures.domain.DomainUsingAnAdapter;
import com.arkloop.projects.archfixtures.domain.DomainUsingTheFileSystem;
import com.arkloop.projects.archfixtures.domain.FixtureRepository;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Each rule, run against a fixture package that breaks it on purpose, must report the violation:
 * a rule that cannot fail checks nothing.
 */
class ArchitectureRulesCatchViolationsTest {

    static final String FIXTURES = "com.arkloop.projects.archfixtures";

    static final JavaClasses BROKEN = new ClassFileImporter().importPackages(FIXTURES);

    static void assertCatches(Function<String, ArchRule> rule, Class<?> offender) {
        EvaluationResult result = rule.apply(FIXTURES).evaluate(BROKEN);
        assertTrue(result.hasViolation(), "expected a violation");
        String report = result.getFailureReport().toString();
        assertTrue(report.contains(offender.getName()), () -> "the report should name " + offender.getName() + ":\n" + report);
    }

    @Test
    void catches_the_domain_depending_on_an_adapter() {
        assertCatches(ArchitectureRules::dependenciesPointInwards, DomainUsingAnAdapter.class);
    }

    @Test
    void catches_the_domain_using_the_file_system() {
        assertCatches(ArchitectureRules::domainDependsOnNothingButTheJdk, DomainUsingTheFileSystem.class);
    }

    @Test
    void catches_a_use_case_importing_a_framework() {
        assertCatches(ArchitectureRules::applicationImportsNoFramework, UseCaseUsingAFramework.class);
    }

    @Test
    void catches_an_adapter_using_another_adapter() {
        assertCatches(ArchitectureRules::adaptersDoNotKnowEachOther, AdapterUsingAnotherAdapter.class);
    }

    @Test
    void catches_a_handler_touching_a_repository() {
        assertCatches(ArchitectureRules::httpHandlersDoNotTouchDrivenPorts, HandlerUsingRepository.class);
    }

    @Test
    void the_fixtures_that_break_nothing_pass() {
        JavaClasses clean = new ClassFileImporter().importClasses(FixtureRepository.class, StorageHelper.class);
        assertFalse(ArchitectureRules.adaptersDoNotKnowEachOther(FIXTURES).evaluate(clean).hasViolation());
    }
}

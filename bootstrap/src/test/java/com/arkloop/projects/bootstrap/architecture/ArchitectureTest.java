package com.arkloop.projects.bootstrap.architecture;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The module fences of the POMs, checked once more on the classes of every module together. */
@AnalyzeClasses(packages = ArchitectureTest.ROOT, importOptions = ProductionCodeOnly.class)
class ArchitectureTest {

    static final String ROOT = "com.arkloop.projects";

    @ArchTest
    static final ArchRule dependencies_point_inwards = ArchitectureRules.dependenciesPointInwards(ROOT);

    @ArchTest
    static final ArchRule the_domain_depends_on_nothing_but_the_jdk = ArchitectureRules.domainDependsOnNothingButTheJdk(ROOT);

    @ArchTest
    static final ArchRule the_application_imports_no_framework = ArchitectureRules.applicationImportsNoFramework(ROOT);

    @ArchTest
    static final ArchRule adapters_do_not_know_each_other = ArchitectureRules.adaptersDoNotKnowEachOther(ROOT);

    @ArchTest
    static final ArchRule http_handlers_do_not_touch_repositories = ArchitectureRules.httpHandlersDoNotTouchDrivenPorts(ROOT);
}

package com.arkloop.projects.bootstrap.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/**
 * Leaves out test classes, including those shipped in test-jars (the fakes and the HTTP harness wire
 * repositories on purpose), which {@link ImportOption.DoNotIncludeTests} does not recognise.
 */
public final class ProductionCodeOnly implements ImportOption {

    @Override
    public boolean includes(Location location) {
        return !location.contains("/test-classes/") && !location.contains("-tests.jar");
    }
}

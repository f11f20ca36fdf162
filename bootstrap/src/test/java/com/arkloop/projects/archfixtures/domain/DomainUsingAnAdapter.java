package com.arkloop.projects.archfixtures.domain;

import com.arkloop.projects.archfixtures.adapters.storage.StorageHelper;

public final class DomainUsingAnAdapter {
    public String use() {
        return new StorageHelper().help();
    }
}

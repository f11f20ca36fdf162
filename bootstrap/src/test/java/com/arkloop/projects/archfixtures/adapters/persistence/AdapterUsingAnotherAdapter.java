package com.arkloop.projects.archfixtures.adapters.persistence;

import com.arkloop.projects.archfixtures.adapters.storage.StorageHelper;

public final class AdapterUsingAnotherAdapter {
    public String use() {
        return new StorageHelper().help();
    }
}

package com.arkloop.projects.archfixtures.adapters.storage;

public final class StorageHelper {
    public String help() {
        return "help";
    }
}

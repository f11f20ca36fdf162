package com.arkloop.projects.archfixtures.domain;

public interface FixtureRepository {
    String find(String id);
}

package com.arkloop.projects.archfixtures.adapters.http;

import com.arkloop.projects.archfixtures.domain.FixtureRepository;

public final class HandlerUsingRepository {
    private final FixtureRepository repository;

    public HandlerUsingRepository(FixtureRepository repository) {
        this.repository = repository;
    }

    public String handle(String id) {
        return repository.find(id);
    }
}

/**
 * The REST adapter: {@link com.arkloop.projects.adapters.http.HttpApi} builds a Javalin server whose
 * handlers translate HTTP to use-case calls and back. Everything else here is package-private, so the
 * error envelope, the strict JSON reading and the route tables can change without touching embedders.
 */
package com.arkloop.projects.adapters.http;

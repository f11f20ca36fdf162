package com.arkloop.projects.adapters.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** The error envelope of every failed request. {@code details} is left out when there is nothing in it. */
record ErrorBody(String code, String message, String traceId,
                 @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> details) {
}

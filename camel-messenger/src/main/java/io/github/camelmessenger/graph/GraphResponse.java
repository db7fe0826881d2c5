package io.github.camelmessenger.graph;

import java.util.Map;

import io.github.camelmessenger.model.SendResponse;

/**
 * A successful Graph call: the parsed body, its top-level scalar fields (for calls other than the Send API) and the
 * usage headers Meta sent with it.
 */
public record GraphResponse(SendResponse body, Map<String, Object> fields, Map<String, String> usageHeaders) {
}

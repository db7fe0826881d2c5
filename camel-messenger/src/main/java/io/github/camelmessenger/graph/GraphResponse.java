package io.github.camelmessenger.graph;

import java.util.Map;

import io.github.camelmessenger.model.SendResponse;

/** A successful Graph call: the parsed body and the usage headers Meta sent with it. */
public record GraphResponse(SendResponse body, Map<String, String> usageHeaders) {
}

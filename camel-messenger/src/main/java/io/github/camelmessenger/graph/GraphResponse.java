package io.github.camelmessenger.graph;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelmessenger.model.SendResponse;

/**
 * A successful Graph call: the Send API answer, the whole JSON answer (for other calls) and the usage headers Meta
 * sent with it.
 */
public record GraphResponse(SendResponse body, JsonNode json, Map<String, String> usageHeaders) {
}

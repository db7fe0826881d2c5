package io.github.camelmessenger.model.template;

import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The product template: at most 10 products of the Page's catalog, by product id. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProductTemplate(@JsonProperty("elements") List<Element> elements) implements Template {

    public static ProductTemplate of(String... productIds) {
        return new ProductTemplate(Arrays.stream(productIds).map(Element::new).toList());
    }

    @Override
    public String templateType() {
        return "product";
    }

    public record Element(@JsonProperty("id") String id) {
    }
}

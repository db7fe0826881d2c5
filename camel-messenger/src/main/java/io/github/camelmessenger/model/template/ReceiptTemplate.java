package io.github.camelmessenger.model.template;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The receipt template: an order confirmation with at most 100 elements, an address, a summary and adjustments. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReceiptTemplate(
        @JsonProperty("recipient_name") String recipientName,
        @JsonProperty("merchant_name") String merchantName,
        @JsonProperty("order_number") String orderNumber,
        @JsonProperty("currency") String currency,
        @JsonProperty("payment_method") String paymentMethod,
        @JsonProperty("order_url") String orderUrl,
        @JsonProperty("timestamp") String timestamp,
        @JsonProperty("address") Address address,
        @JsonProperty("summary") Summary summary,
        @JsonProperty("adjustments") List<Adjustment> adjustments,
        @JsonProperty("elements") List<Element> elements,
        @JsonProperty("sharable") Boolean sharable) implements Template {

    @Override
    public String templateType() {
        return "receipt";
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Element(
            @JsonProperty("title") String title,
            @JsonProperty("subtitle") String subtitle,
            @JsonProperty("quantity") Integer quantity,
            @JsonProperty("price") BigDecimal price,
            @JsonProperty("currency") String currency,
            @JsonProperty("image_url") String imageUrl) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Address(
            @JsonProperty("street_1") String street1,
            @JsonProperty("street_2") String street2,
            @JsonProperty("city") String city,
            @JsonProperty("postal_code") String postalCode,
            @JsonProperty("state") String state,
            @JsonProperty("country") String country) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Summary(
            @JsonProperty("subtotal") BigDecimal subtotal,
            @JsonProperty("shipping_cost") BigDecimal shippingCost,
            @JsonProperty("total_tax") BigDecimal totalTax,
            @JsonProperty("total_cost") BigDecimal totalCost) {

        public static Summary total(BigDecimal totalCost) {
            return new Summary(null, null, null, totalCost);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Adjustment(@JsonProperty("name") String name, @JsonProperty("amount") BigDecimal amount) {
    }
}

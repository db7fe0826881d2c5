package io.github.camelmessenger.model.template;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The coupon template: a code to copy or a URL to open, with an optional image and postback payload. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CouponTemplate(
        @JsonProperty("title") String title,
        @JsonProperty("subtitle") String subtitle,
        @JsonProperty("coupon_code") String couponCode,
        @JsonProperty("coupon_url") String couponUrl,
        @JsonProperty("coupon_url_button_title") String couponUrlButtonTitle,
        @JsonProperty("coupon_pre_message") String couponPreMessage,
        @JsonProperty("image_url") String imageUrl,
        @JsonProperty("payload") String payload) implements Template {

    public static CouponTemplate code(String title, String couponCode) {
        return new CouponTemplate(title, null, couponCode, null, null, null, null, null);
    }

    @Override
    public String templateType() {
        return "coupon";
    }
}

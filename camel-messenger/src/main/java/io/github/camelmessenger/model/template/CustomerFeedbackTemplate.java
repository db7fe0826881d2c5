package io.github.camelmessenger.model.template;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The customer feedback template: one screen with one CSAT, NPS or CES question (and an optional free-form follow-up).
 * It is the only message the {@code CUSTOMER_FEEDBACK} tag may send.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerFeedbackTemplate(
        @JsonProperty("title") String title,
        @JsonProperty("subtitle") String subtitle,
        @JsonProperty("button_title") String buttonTitle,
        @JsonProperty("feedback_screens") List<Screen> feedbackScreens,
        @JsonProperty("business_privacy") BusinessPrivacy businessPrivacy,
        @JsonProperty("expires_in_days") Integer expiresInDays) implements Template {

    /** One question on one screen, as Meta requires today. */
    public static CustomerFeedbackTemplate of(String title, String buttonTitle, Question question, String privacyUrl) {
        return new CustomerFeedbackTemplate(title, null, buttonTitle, List.of(new Screen(List.of(question))),
                new BusinessPrivacy(privacyUrl), null);
    }

    @Override
    public String templateType() {
        return "customer_feedback";
    }

    public record Screen(@JsonProperty("questions") List<Question> questions) {
    }

    /** @param type {@code csat}, {@code nps} or {@code ces} */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Question(
            @JsonProperty("id") String id,
            @JsonProperty("type") String type,
            @JsonProperty("title") String title,
            @JsonProperty("score_label") String scoreLabel,
            @JsonProperty("score_option") String scoreOption,
            @JsonProperty("follow_up") FollowUp followUp) {

        public static Question csat(String id, String title) {
            return new Question(id, "csat", title, null, null, null);
        }

        public static Question nps(String id, String title) {
            return new Question(id, "nps", title, null, null, null);
        }

        public Question withFreeFormFollowUp(String placeholder) {
            return new Question(id, type, title, scoreLabel, scoreOption, new FollowUp("free_form", placeholder));
        }
    }

    public record FollowUp(@JsonProperty("type") String type, @JsonProperty("placeholder") String placeholder) {
    }

    public record BusinessPrivacy(@JsonProperty("url") String url) {
    }
}

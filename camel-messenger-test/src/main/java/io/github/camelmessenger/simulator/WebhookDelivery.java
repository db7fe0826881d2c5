package io.github.camelmessenger.simulator;

/**
 * One webhook batch the simulator posted as Meta: to which app's webhook, what it carried, and what the consumer
 * answered.
 *
 * @param kind    the event's key: {@code message}, {@code pass_thread_control}, {@code take_thread_control},
 *                {@code request_thread_control}, {@code app_roles}
 * @param standby true when it came in {@code standby[]}: the app does not control the thread
 * @param status  the HTTP status the consumer answered, -1 when it could not be reached
 */
public record WebhookDelivery(String appId, String kind, boolean standby, String json, int status) {
}

package io.github.camelmessenger.examples;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelmessenger.model.UserProfile;

/**
 * A stand-in for the CRM or helpdesk behind a contact center: one ticket per person whose conversation was passed to
 * the helpdesk app, with who they are (their profile) and what they wrote, and the time of each person's last message
 * (which decides how an agent may answer: within 24 hours, or with the HUMAN_AGENT tag for 7 days). A real deployment
 * sends these to its CRM (a queue, an HTTP call); the routes are the same.
 */
public class Helpdesk {

    /** One person's ticket. */
    public record Ticket(String psid, String name, String reason, List<String> messages) {
    }

    private final Map<String, Ticket> tickets = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastMessages = new ConcurrentHashMap<>();

    /** A conversation was passed to the helpdesk: a ticket with the person's profile and why. */
    public Ticket open(String psid, UserProfile profile, String reason) {
        Ticket ticket = new Ticket(psid, profile.firstName() + " " + profile.lastName(), reason, List.of());
        tickets.put(psid, ticket);
        return ticket;
    }

    /** The person wrote: seen by the helpdesk in standby too, so that it knows the time before it has the ticket. */
    public void wrote(String psid, String text, long at, boolean forTheHelpdesk) {
        lastMessages.merge(psid, Instant.ofEpochMilli(at), (old, now) -> now.isAfter(old) ? now : old);
        if (forTheHelpdesk) {
            tickets.computeIfPresent(psid, (id, ticket) -> {
                List<String> messages = new ArrayList<>(ticket.messages());
                messages.add(text);
                return new Ticket(psid, ticket.name(), ticket.reason(), List.copyOf(messages));
            });
        }
    }

    public Ticket ticket(String psid) {
        return tickets.get(psid);
    }

    /** When the person last wrote, or null. */
    public Instant lastMessageAt(String psid) {
        return lastMessages.get(psid);
    }
}

package io.github.camelmessenger;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import io.github.camelmessenger.error.MessengerValidationException;
import io.github.camelmessenger.internal.conversation.ConversationRequests;
import io.github.camelmessenger.internal.graph.GraphClient;
import io.github.camelmessenger.internal.graph.PageCredentials;
import io.github.camelmessenger.model.Persona;
import org.apache.camel.Exchange;

/**
 * {@code messenger:personas}: the Page's personas, by the action of CamelMessengerAction (else {@code action}):
 * {@code create} (the body is a {@link Persona} or a {@code Map} with {@code name} and {@code profile_picture_url}; the
 * new id goes in CamelMessengerPersonaId, ready for a send), {@code get} (the body becomes the {@link Persona}),
 * {@code list} (the body becomes a {@code List<Persona>}, every page of the answer) and {@code delete}.
 */
public class MessengerPersonasProducer extends MessengerGraphProducer {

    private static final Set<String> ACTIONS = Set.of("create", "get", "list", "delete");
    /** The most pages of a persona list followed: far more personas than a Page has. */
    private static final int MAX_PAGES = 100;

    public MessengerPersonasProducer(MessengerEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (configuration.getAction() != null) {
            action(configuration.getAction());
        }
    }

    @Override
    CompletableFuture<Outcome> call(Exchange exchange, String pageId, PageCredentials credentials, GraphClient client) {
        String action = action(headerOr(exchange, MessengerConstants.ACTION, configuration.getAction()));
        String personaId = headerOr(exchange, MessengerConstants.PERSONA_ID, configuration.getPersonaId());
        return switch (action) {
            case "create" -> client.execute(ConversationRequests.createPersona(pageId, credentials,
                    persona(exchange.getMessage().getBody())))
                    .thenApply(response -> {
                        String id = ConversationRequests.createdId(response);
                        return new Outcome(response, message -> message.setHeader(MessengerConstants.PERSONA_ID, id));
                    });
            case "get" -> client.execute(ConversationRequests.getPersona(credentials, personaId))
                    .thenApply(response -> new Outcome(response,
                            message -> message.setBody(ConversationRequests.persona(response))));
            case "delete" -> client.execute(ConversationRequests.deletePersona(credentials, personaId))
                    .thenApply(response -> {
                        ConversationRequests.confirm(response);
                        return new Outcome(response, message -> {
                        });
                    });
            default -> list(pageId, credentials, client, null, new ArrayList<>(), 0);
        };
    }

    /** Every page of the list, one call after the other. */
    private static CompletableFuture<Outcome> list(String pageId, PageCredentials credentials, GraphClient client,
            String cursor, List<Persona> personas, int pages) {
        return client.execute(ConversationRequests.listPersonas(pageId, credentials, cursor)).thenCompose(response -> {
            personas.addAll(ConversationRequests.personas(response));
            String next = ConversationRequests.nextCursor(response);
            if (next == null || pages + 1 >= MAX_PAGES) {
                List<Persona> all = List.copyOf(personas);
                return CompletableFuture.completedFuture(new Outcome(response, message -> message.setBody(all)));
            }
            return list(pageId, credentials, client, next, personas, pages + 1);
        });
    }

    private static String action(String action) {
        String value = action == null ? "" : action.trim().toLowerCase(Locale.ROOT);
        if (!ACTIONS.contains(value)) {
            throw new MessengerValidationException("action", "The personas operation needs an action, one of create, get,"
                    + " list, delete (the action option or the CamelMessengerAction header), not '" + action + "'");
        }
        return value;
    }

    private static Persona persona(Object body) {
        if (body instanceof Persona persona) {
            return persona;
        }
        if (body instanceof Map<?, ?> map) {
            return new Persona(null, text(map.get("name")), text(map.get("profile_picture_url")));
        }
        throw new MessengerValidationException("body", "To create a persona the body is a Persona or a Map with name and"
                + " profile_picture_url, not " + (body == null ? "null" : body.getClass().getName()));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}

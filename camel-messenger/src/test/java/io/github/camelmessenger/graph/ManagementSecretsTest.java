package io.github.camelmessenger.graph;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.github.camelmessenger.MessengerComponent;
import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.MessengerTestSupport;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No token, app secret or Page token shows in any JMX attribute Camel exposes for the routes, endpoints, producers and
 * components of a context that sends with them.
 */
class ManagementSecretsTest extends MessengerTestSupport {

    private static final String APP_SECRET = "jmxAppSecretValue";
    private static final String PAGE_TOKEN = "EAApageTokenForJmx";

    @Override
    protected boolean useJmx() {
        return true;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {

            @Override
            public void configure() {
                MessengerComponent messenger = getContext().getComponent("messenger", MessengerComponent.class);
                messenger.getConfiguration().setPageAccessTokens(Map.of("5544332211", PAGE_TOKEN));
                from("direct:send").routeId("jmx-send").to(sendUri("recipientId=1&appSecret=" + APP_SECRET));
            }
        };
    }

    @Test
    void noSecretInAnyCamelMBeanAttribute() throws Exception {
        template.sendBody("direct:send", "x");
        // a Page the simulator does not know: refused, and its token travelled
        template.send("direct:send", e -> {
            e.getMessage().setBody("y");
            e.getMessage().setHeader(MessengerConstants.PAGE_ID, "5544332211");
        });

        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        List<String> values = new ArrayList<>();
        for (ObjectName name : server.queryNames(new ObjectName("org.apache.camel:*"), null)) {
            for (MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
                try {
                    values.add(name + " " + attribute.getName() + "=" + server.getAttribute(name, attribute.getName()));
                } catch (Exception unreadable) {
                    // an attribute that cannot be read exposes nothing
                }
            }
        }

        assertThat(values).as("attributes read").hasSizeGreaterThan(100);
        assertThat(values).anyMatch(value -> value.contains("messenger:"));
        assertThat(values)
                .noneMatch(value -> value.contains(TOKEN) || value.contains(APP_SECRET) || value.contains(PAGE_TOKEN));
    }
}

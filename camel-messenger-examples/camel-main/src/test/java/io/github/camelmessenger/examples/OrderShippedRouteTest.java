package io.github.camelmessenger.examples;

import io.github.camelmessenger.simulator.MessengerSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.camelmessenger.simulator.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The user's route test of docs/testing.md, as it is shown there. */
class OrderShippedRouteTest extends CamelTestSupport {

    @RegisterExtension
    static MessengerSimulatorExtension messenger = new MessengerSimulatorExtension();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        return messenger.configure(super.createCamelContext());
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new OrderShippedRoutes();
    }

    @Test
    void tellsTheCustomerTheOrderShipped() {
        template.sendBodyAndHeader("direct:order-shipped", "4711", "psid", "1254477777772919");

        assertThat(messenger.simulator().lastRequest().json()).isEqualTo(json("{'recipient':{'id':'1254477777772919'},"
                + "'messaging_type':'MESSAGE_TAG','tag':'POST_PURCHASE_UPDATE','message':{'text':'Your order 4711 has shipped.'}}"));
    }
}

package io.github.camelmessenger.springboot;

import io.github.camelmessenger.MessengerComponent;
import io.github.camelmessenger.MessengerConfiguration;
import io.github.camelmessenger.MessengerHttpClientConfigurer;
import io.github.camelmessenger.PageAccessTokenProvider;
import io.github.camelmessenger.model.NotificationType;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** camel.component.messenger.* reaches the component, the way Camel's own starters apply their properties. */
class MessengerStarterTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class, MessengerComponentConverter.class,
                    MessengerComponentAutoConfiguration.class));

    private static MessengerConfiguration messenger(org.springframework.context.ApplicationContext context) {
        return context.getBean(CamelContext.class).getComponent("messenger", MessengerComponent.class).getConfiguration();
    }

    @Test
    void propertiesConfigureTheComponent() {
        runner.withPropertyValues(
                "camel.component.messenger.access-token=EAAtoken",
                "camel.component.messenger.page-id=1122334455",
                "camel.component.messenger.notification-type=SILENT_PUSH",
                "camel.component.messenger.response-timeout=15s",
                "camel.component.messenger.attachment-cache-ttl=2h",
                "camel.component.messenger.max-body-size=2048").run(context -> {
                    assertThat(context).hasNotFailed();
                    MessengerConfiguration configuration = messenger(context);
                    assertThat(configuration.getAccessToken()).isEqualTo("EAAtoken");
                    assertThat(configuration.getPageId()).isEqualTo("1122334455");
                    assertThat(configuration.getNotificationType()).isEqualTo(NotificationType.SILENT_PUSH);
                    assertThat(configuration.getResponseTimeout()).isEqualTo(15_000);
                    assertThat(configuration.getAttachmentCacheTtl()).isEqualTo(7_200_000);
                    assertThat(configuration.getMaxBodySize()).isEqualTo(2048);
                });
    }

    @Test
    void aBeanOptionTakesABeanReference() {
        MessengerHttpClientConfigurer configurer = builder -> builder.setUserAgent("acme");
        runner.withBean("egress", MessengerHttpClientConfigurer.class, () -> configurer)
                .withPropertyValues("camel.component.messenger.http-client-configurer=#bean:egress").run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(messenger(context).getHttpClientConfigurer()).isSameAs(configurer);
                });
    }

    @Test
    void pageTokensAndATokenProviderAreBound() {
        PageAccessTokenProvider vault = pageId -> "vault-" + pageId;
        runner.withBean("vault", PageAccessTokenProvider.class, () -> vault)
                .withPropertyValues("camel.component.messenger.page-access-tokens[1122334455]=EAAone",
                        "camel.component.messenger.page-access-tokens[5544332211]=EAAtwo",
                        "camel.component.messenger.access-token-provider=#bean:vault",
                        "camel.component.messenger.max-connections=50")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    MessengerConfiguration configuration = messenger(context);
                    assertThat(configuration.getPageAccessTokens()).containsEntry("1122334455", "EAAone")
                            .containsEntry("5544332211", "EAAtwo");
                    assertThat(configuration.getAccessTokenProvider()).isSameAs(vault);
                    assertThat(configuration.getMaxConnections()).isEqualTo(50);
                });
    }

    @Test
    void anUnknownKeyFailsTheStart() {
        runner.withPropertyValues("camel.component.messenger.acess-token=typo").run(context -> assertThat(context).hasFailed());
    }

    @Test
    void theStarterCanBeTurnedOff() {
        runner.withPropertyValues("camel.component.messenger.enabled=false", "camel.component.messenger.page-id=42")
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(MessengerComponentAutoConfiguration.class);
                    assertThat(messenger(context).getPageId()).isEqualTo("me");
                });
        runner.withPropertyValues("camel.component.enabled=false", "camel.component.messenger.page-id=42")
                .run(context -> assertThat(messenger(context).getPageId()).isEqualTo("me"));
    }
}

package io.github.camelmessenger.graph;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;

import javax.net.ssl.KeyManagerFactory;

import io.github.camelmessenger.MessengerComponent;
import io.github.camelmessenger.MessengerTestSupport;
import io.github.camelmessenger.simulator.MessengerSimulator;
import org.apache.camel.Exchange;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * sslContextParameters are honoured: the simulator serves HTTPS with a self-signed certificate (made by the JDK's
 * keytool), which only a client trusting it can reach.
 */
class TlsTest extends MessengerTestSupport {

    private static final String PASSWORD = "changeit";

    @TempDir
    static Path dir;
    private static MessengerSimulator tlsSimulator;

    @BeforeAll
    static void startTlsSimulator() throws Exception {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Path keyStore = dir.resolve("server.p12");
        Path certificate = dir.resolve("server.cer");
        run(keytool, "-genkeypair", "-alias", "sim", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore",
                keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
        run(keytool, "-exportcert", "-alias", "sim", "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-file",
                certificate.toString());
        run(keytool, "-importcert", "-noprompt", "-alias", "sim", "-file", certificate.toString(), "-storetype", "PKCS12",
                "-keystore", dir.resolve("trust.p12").toString(), "-storepass", PASSWORD);

        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keyStore.toFile())) {
            keys.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD.toCharArray());
        tlsSimulator = MessengerSimulator.builder().page(MessengerSimulator.DEFAULT_PAGE_ID, TOKEN).tls(kmf).start();
    }

    @AfterAll
    static void stopTlsSimulator() {
        if (tlsSimulator != null) {
            tlsSimulator.close();
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isZero();
    }

    private static SSLContextParameters trustingTheSimulator() {
        KeyStoreParameters trustStore = new KeyStoreParameters();
        trustStore.setResource("file:" + dir.resolve("trust.p12"));
        trustStore.setPassword(PASSWORD);
        trustStore.setType("PKCS12");
        TrustManagersParameters trustManagers = new TrustManagersParameters();
        trustManagers.setKeyStore(trustStore);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trustManagers);
        return parameters;
    }

    @Test
    void endpointSslContextParametersAreUsed() {
        context.getRegistry().bind("simulatorTls", trustingTheSimulator());

        Exchange exchange = send(
                "messenger:send?recipientId=1&accessToken=" + TOKEN + "&sslContextParameters=#simulatorTls&baseUrl="
                        + tlsSimulator.baseUrl(),
                "over TLS", Map.of());

        assertThat(exchange.getException()).isNull();
        assertThat(tlsSimulator.lastRequest().json().path("message").path("text").asText()).isEqualTo("over TLS");
        assertThat(tlsSimulator.lastRequest().protocol()).as("HTTP/2, negotiated by ALPN").isEqualTo("HTTP/2");
    }

    @Test
    void globalSslContextParametersAreUsedWhenTheComponentEnablesThem() {
        context.setSSLContextParameters(trustingTheSimulator());
        context.getComponent("messenger", MessengerComponent.class).setUseGlobalSslContextParameters(true);

        Exchange exchange = send("messenger:send?recipientId=1&accessToken=" + TOKEN + "&baseUrl=" + tlsSimulator.baseUrl(),
                "global TLS", Map.of());

        assertThat(exchange.getException()).isNull();
    }

    @Test
    void withoutTrustTheHandshakeFailsAndNothingIsDelivered() {
        int before = tlsSimulator.delivered().size();

        Exchange exchange = send("messenger:send?recipientId=1&accessToken=" + TOKEN + "&baseUrl=" + tlsSimulator.baseUrl(),
                "untrusted", Map.of());

        assertThat(exchange.getException()).isInstanceOf(IOException.class);
        assertThat(exchange.getException().getClass().getName()).contains("SSL");
        assertThat(tlsSimulator.delivered()).hasSize(before);
        assertThat(Files.exists(dir.resolve("trust.p12"))).isTrue();
    }
}

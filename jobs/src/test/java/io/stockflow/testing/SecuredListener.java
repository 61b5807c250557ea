package io.stockflow.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.test.KafkaClusterTestKit;

/**
 * A SASL_SSL listener for {@link KafkaBroker}: TLS with a self-signed certificate for 127.0.0.1 made at run time with
 * the JDK's {@code keytool} (a PKCS12 key store for the broker, a trust store holding its certificate for clients), and
 * SASL PLAIN with one user besides the broker's own. Clients verify the broker's host name against the certificate
 * (Kafka's default), so a client that trusts another certificate, or none, fails the handshake.
 */
final class SecuredListener {
    static final String NAME = "SECURE";

    final int port;
    private final Path keyStore;
    private final Path trustStore;
    private final String storePassword = UUID.randomUUID().toString();
    private final String user;
    private final String password;

    SecuredListener(Path dir, String user, String password) {
        this.user = user;
        this.password = password;
        try {
            Files.createDirectories(dir);
            this.keyStore = dir.resolve("broker.p12");
            this.trustStore = dir.resolve("truststore.p12");
            Path certificate = dir.resolve("broker.crt");
            keytool(
                    "-genkeypair",
                    "-alias",
                    "broker",
                    "-keyalg",
                    "RSA",
                    "-keysize",
                    "2048",
                    "-validity",
                    "2",
                    "-dname",
                    "CN=127.0.0.1",
                    "-ext",
                    "SAN=IP:127.0.0.1,DNS:localhost",
                    "-storetype",
                    "PKCS12",
                    "-keystore",
                    keyStore.toString(),
                    "-storepass",
                    storePassword,
                    "-keypass",
                    storePassword);
            keytool(
                    "-exportcert",
                    "-alias",
                    "broker",
                    "-keystore",
                    keyStore.toString(),
                    "-storepass",
                    storePassword,
                    "-rfc",
                    "-file",
                    certificate.toString());
            keytool(
                    "-importcert",
                    "-noprompt",
                    "-alias",
                    "broker",
                    "-file",
                    certificate.toString(),
                    "-storetype",
                    "PKCS12",
                    "-keystore",
                    trustStore.toString(),
                    "-storepass",
                    storePassword);
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                this.port = s.getLocalPort();
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("could not make the test certificates in " + dir, e);
        }
    }

    void configure(KafkaClusterTestKit.Builder builder) {
        String prefix = "listener.name." + NAME.toLowerCase() + ".";
        builder.setConfigProp(
                        "listeners", "EXTERNAL://localhost:0,CONTROLLER://localhost:0," + NAME + "://127.0.0.1:" + port)
                .setConfigProp(
                        "listener.security.protocol.map",
                        "EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT," + NAME + ":SASL_SSL")
                .setConfigProp("sasl.enabled.mechanisms", "PLAIN")
                .setConfigProp(prefix + "sasl.enabled.mechanisms", "PLAIN")
                .setConfigProp(
                        prefix + "plain.sasl.jaas.config",
                        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"broker\""
                                + " password=\"" + storePassword + "\" user_broker=\"" + storePassword + "\" user_"
                                + user + "=\"" + password + "\";")
                .setConfigProp(prefix + "ssl.keystore.location", keyStore.toString())
                .setConfigProp(prefix + "ssl.keystore.type", "PKCS12")
                .setConfigProp(prefix + "ssl.keystore.password", storePassword)
                .setConfigProp(prefix + "ssl.key.password", storePassword);
    }

    /** A client's settings for the listener: the trust store with the broker's certificate, SASL PLAIN. */
    Properties clientProperties(String user, String password) {
        Properties p = new Properties();
        p.setProperty("security.protocol", "SASL_SSL");
        p.setProperty("sasl.mechanism", "PLAIN");
        p.setProperty(
                "sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user + "\" password=\""
                        + password + "\";");
        p.setProperty("ssl.truststore.location", trustStore.toString());
        p.setProperty("ssl.truststore.type", "PKCS12");
        p.setProperty("ssl.truststore.password", storePassword);
        return p;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool " + args[0] + " failed: " + out);
        }
    }
}

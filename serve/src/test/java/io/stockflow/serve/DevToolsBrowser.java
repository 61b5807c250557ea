package io.stockflow.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A headless Chromium driven over the Chrome DevTools protocol, with the JDK's own WebSocket client: start it, open an
 * address, run a script in the page, click where an element is (real mouse events), take a screenshot. One page, one
 * browser process, a profile of its own that is deleted at the end.
 */
final class DevToolsBrowser implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final Duration ANSWER = Duration.ofSeconds(30);

    private final Process process;
    private final Path profile;
    private final List<String> output = new ArrayList<>();
    private final Map<Integer, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private WebSocket socket;

    private DevToolsBrowser(Process process, Path profile) {
        this.process = process;
        this.profile = profile;
    }

    static DevToolsBrowser launch(Path chromium) throws Exception {
        Path profile = Files.createTempDirectory("stockflow-chromium");
        List<String> argv = new ArrayList<>(List.of(
                chromium.toString(),
                "--headless=new",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-extensions",
                "--window-size=1280,1000",
                "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0",
                "--user-data-dir=" + profile));
        // Chromium's sandbox refuses to run as root; in a throwaway profile on loopback pages it is not needed.
        if (Chromium.isRoot()) argv.add("--no-sandbox");
        argv.add("about:blank");
        Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
        DevToolsBrowser browser = new DevToolsBrowser(process, profile);
        try {
            browser.connect();
        } catch (Exception e) {
            browser.close();
            throw e;
        }
        return browser;
    }

    private void connect() throws Exception {
        CompletableFuture<String> endpoint = new CompletableFuture<>();
        Thread drain = new Thread(
                () -> {
                    try (BufferedReader r = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line; (line = r.readLine()) != null; ) {
                            synchronized (output) {
                                if (output.size() < 200) output.add(line);
                            }
                            Matcher m = LISTENING.matcher(line);
                            if (m.find()) endpoint.complete(m.group(1));
                        }
                    } catch (IOException e) {
                        // the browser went away; what it said is in output
                    }
                    endpoint.completeExceptionally(new IllegalStateException("Chromium exited: " + output()));
                },
                "chromium-output");
        drain.setDaemon(true);
        drain.start();
        URI browserSocket = URI.create(endpoint.get(60, TimeUnit.SECONDS));
        HttpClient http = HttpClient.newHttpClient();
        URI list = URI.create("http://" + browserSocket.getHost() + ":" + browserSocket.getPort() + "/json/list");
        String pages = http.send(HttpRequest.newBuilder(list).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        String pageSocket = null;
        for (JsonNode target : JSON.readTree(pages))
            if ("page".equals(target.path("type").asText()))
                pageSocket = target.path("webSocketDebuggerUrl").asText();
        if (pageSocket == null) throw new IllegalStateException("Chromium shows no page: " + pages);
        socket = http.newWebSocketBuilder()
                .buildAsync(URI.create(pageSocket), new Listener())
                .get(30, TimeUnit.SECONDS);
        send("Page.enable", JSON.createObjectNode());
        send("Runtime.enable", JSON.createObjectNode());
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(text.toString());
                    if (message.has("id")) {
                        CompletableFuture<JsonNode> f =
                                waiting.remove(message.get("id").asInt());
                        if (f != null) f.complete(message);
                    }
                } catch (IOException e) {
                    // not a protocol message: nothing waits for it
                }
                text.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }

    /** Sends one protocol command and waits for its result; an error answer throws with the browser's message. */
    JsonNode send(String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        waiting.put(id, answer);
        ObjectNode command = JSON.createObjectNode().put("id", id).put("method", method);
        command.set("params", params);
        socket.sendText(command.toString(), true).get(10, TimeUnit.SECONDS);
        JsonNode message = answer.get(ANSWER.toSeconds(), TimeUnit.SECONDS);
        if (message.has("error")) throw new IllegalStateException(method + ": " + message.get("error"));
        return message.path("result");
    }

    /** Opens an address in the page; the caller waits for what it expects to see. */
    void open(String url) throws Exception {
        send("Page.navigate", JSON.createObjectNode().put("url", url));
    }

    /** The value of a script run in the page (a promise is awaited); null for undefined. */
    JsonNode eval(String expression) throws Exception {
        JsonNode result = send(
                "Runtime.evaluate",
                JSON.createObjectNode()
                        .put("expression", expression)
                        .put("returnByValue", true)
                        .put("awaitPromise", true));
        if (result.has("exceptionDetails"))
            throw new IllegalStateException("script failed: " + result.get("exceptionDetails"));
        return result.path("result").get("value");
    }

    String text(String expression) throws Exception {
        JsonNode v = eval(expression);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** Clicks the middle of the first element matching the selector, as a mouse would. */
    void click(String selector) throws Exception {
        JsonNode box = eval("(() => { const e = document.querySelector(" + JSON.writeValueAsString(selector)
                + "); if (!e) return null; e.scrollIntoView({block: 'center'});"
                // The first line box: a link broken over two lines has a union box whose middle may be empty space.
                + " const r = e.getClientRects()[0];"
                + " return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()");
        if (box == null || box.isNull()) throw new IllegalStateException("nothing to click matches " + selector);
        for (String type : List.of("mouseMoved", "mousePressed", "mouseReleased")) {
            ObjectNode e = JSON.createObjectNode()
                    .put("type", type)
                    .put("x", box.get("x").asDouble())
                    .put("y", box.get("y").asDouble());
            if (!type.equals("mouseMoved")) e.put("button", "left").put("clickCount", 1);
            send("Input.dispatchMouseEvent", e);
        }
    }

    /** A PNG of the page's viewport, written to {@code file}. */
    Path screenshot(Path file) throws Exception {
        JsonNode shot = send("Page.captureScreenshot", JSON.createObjectNode().put("format", "png"));
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(shot.get("data").asText()));
        return file;
    }

    String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    @Override
    public void close() throws Exception {
        if (socket != null) socket.abort();
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }
}

package io.stockflow.notifier.render;

import com.github.mustachejava.Mustache;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders a notification's template in its locale to an email (subject, plain text, HTML) and an SMS within the
 * segment limit. A locale no folder serves is rendered in the default locale and the result says so; a template that
 * is missing, does not compile or does not render is a {@link RenderFailure} with the reason, and holds up nothing
 * else (each compiled template, or its failure, is kept per folder).
 */
public final class MessageRenderer {
    /** Variables whose values are codes, worded per locale in {@code phrases.properties}. */
    private static final List<String> CODED = List.of("offer", "next_step");

    private final TemplateSource source;
    private final String defaultLocale;
    private final SmsLimit smsLimit;
    private final Mustache layout;
    private final Map<String, Object> compiled = new ConcurrentHashMap<>();
    private final Map<String, Phrases> phrases = new ConcurrentHashMap<>();

    public MessageRenderer(TemplateSource source, String defaultLocale, SmsLimit smsLimit) {
        this.source = source;
        this.defaultLocale = defaultLocale;
        this.smsLimit = smsLimit;
        String layoutSource = source.read("layout.html.mustache");
        if (layoutSource == null) throw new IllegalStateException("no messages/layout.html.mustache");
        try {
            this.layout = Mustaches.html("layout.html", layoutSource);
        } catch (RenderFailure e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    public String defaultLocale() {
        return defaultLocale;
    }

    public RenderedMessage render(String template, String locale, Map<String, String> variables) throws RenderFailure {
        CompiledTemplate found = find(template, LocaleFolders.of(locale));
        String fallbackFrom = null;
        if (found == null) {
            found = find(template, LocaleFolders.of(defaultLocale));
            if (found == null)
                throw new RenderFailure("no message template '" + template + "' for locale " + locale
                        + " nor the default " + defaultLocale);
            fallbackFrom = locale == null ? "(none)" : locale;
        }
        String servedLocale = fallbackFrom == null ? locale : defaultLocale;
        Map<String, Object> scope = scope(found.folder(), variables);
        String subject = oneLine(Mustaches.run(found.subject(), scope));
        String text = Mustaches.run(found.text(), scope).strip();
        String sms = oneLine(Mustaches.run(found.sms(), scope));
        if (subject.isEmpty())
            throw new RenderFailure("template " + found.folder() + "/" + template + " renders an empty subject");
        if (sms.isEmpty())
            throw new RenderFailure("template " + found.folder() + "/" + template + " renders an empty SMS");
        String html = Mustaches.run(layout, htmlScope(servedLocale, subject, text));
        return new RenderedMessage(
                template, servedLocale, fallbackFrom, new RenderedEmail(subject, text, html), smsLimit.fit(sms));
    }

    private CompiledTemplate find(String template, List<String> folders) throws RenderFailure {
        for (String folder : folders) {
            Object entry = compiled.computeIfAbsent(folder + "/" + template, key -> load(folder, template));
            if (entry instanceof RenderFailure failure) throw new RenderFailure(failure.getMessage(), failure);
            if (entry instanceof CompiledTemplate c) return c;
        }
        return null;
    }

    /** The compiled template, its failure, or {@link Boolean#FALSE} when the folder has no such file. */
    private Object load(String folder, String template) {
        String content = source.read(folder + "/" + template + ".mustache");
        if (content == null) return Boolean.FALSE;
        try {
            return CompiledTemplate.compile(folder, template, content);
        } catch (RenderFailure failure) {
            return failure;
        }
    }

    private Map<String, Object> scope(String folder, Map<String, String> variables) throws RenderFailure {
        Map<String, Object> scope = new HashMap<>(variables);
        Phrases wording = phrases.computeIfAbsent(folder, f -> new Phrases(source.read(f + "/" + Phrases.FILE)));
        for (String coded : CODED) {
            String code = variables.get(coded);
            if (code != null && !code.isBlank()) scope.put(coded + "_text", wording.of(folder, coded, code));
        }
        return scope;
    }

    private static Map<String, Object> htmlScope(String locale, String subject, String text) {
        List<String> paragraphs = new ArrayList<>();
        for (String paragraph : text.split("\\n\\s*\\n")) paragraphs.add(paragraph.strip());
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("lang", locale);
        scope.put("subject", subject);
        scope.put("paragraphs", paragraphs);
        return scope;
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}

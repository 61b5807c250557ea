package io.stockflow.notifier.render;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One message template file, split into its parts. A part starts at a line {@code == subject}, {@code == text} or
 * {@code == sms}; the three live in one file so a translator sees a message whole. The HTML part is not written per
 * template: the shared layout builds it from the text part, so the two never say different things.
 */
record TemplateFile(String subject, String text, String sms) {
    static final String MARK = "== ";

    static TemplateFile parse(String name, String content) throws RenderFailure {
        Map<String, StringBuilder> parts = new LinkedHashMap<>();
        StringBuilder current = null;
        for (String line : content.split("\n", -1)) {
            if (line.startsWith(MARK)) {
                String part = line.substring(MARK.length()).trim();
                if (!part.equals("subject") && !part.equals("text") && !part.equals("sms"))
                    throw new RenderFailure("template " + name + " has an unknown part '" + part + "'");
                current = new StringBuilder();
                parts.put(part, current);
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        for (String required : new String[] {"subject", "text", "sms"})
            if (!parts.containsKey(required))
                throw new RenderFailure("template " + name + " has no '" + MARK + required + "' part");
        return new TemplateFile(
                parts.get("subject").toString().strip(),
                parts.get("text").toString().strip(),
                parts.get("sms").toString().strip());
    }
}

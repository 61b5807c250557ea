package io.stockflow.notifier.render;

import com.github.mustachejava.Mustache;

/** A template file's parts, compiled once, with the folder that served it. */
record CompiledTemplate(String folder, Mustache subject, Mustache text, Mustache sms) {
    static CompiledTemplate compile(String folder, String template, String content) throws RenderFailure {
        String name = folder + "/" + template;
        TemplateFile file = TemplateFile.parse(name, content);
        return new CompiledTemplate(
                folder,
                Mustaches.plain(name + "#subject", file.subject()),
                Mustaches.plain(name + "#text", file.text()),
                Mustaches.plain(name + "#sms", file.sms()));
    }
}

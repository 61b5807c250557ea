package io.stockflow.notifier.render;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * A folder's wording for the codes the lifecycle job puts in variables ({@code offer: voucher-15-percent},
 * {@code next_step: collect-at-pickup-point}), from its {@code phrases.properties}: a template says
 * {@code {{offer_text}}}, never the code.
 */
final class Phrases {
    static final String FILE = "phrases.properties";
    private final Properties properties = new Properties();

    Phrases(String content) {
        if (content == null) return;
        try {
            properties.load(new StringReader(content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String of(String folder, String variable, String code) throws RenderFailure {
        String phrase = properties.getProperty(variable + "." + code);
        if (phrase == null)
            throw new RenderFailure("no wording for " + variable + " '" + code + "' in " + folder + "/" + FILE);
        return phrase;
    }
}

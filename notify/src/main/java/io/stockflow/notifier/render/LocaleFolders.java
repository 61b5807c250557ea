package io.stockflow.notifier.render;

import java.util.List;
import java.util.Locale;

/**
 * Which template folders serve a locale, most specific first: the tag itself ({@code de-AT}), then its language
 * ({@code de}). The default locale's folders come last, as the fallback.
 */
final class LocaleFolders {
    private LocaleFolders() {}

    static List<String> of(String locale) {
        if (locale == null || locale.isBlank()) return List.of();
        String tag = locale.strip();
        int dash = tag.indexOf('-');
        String language = (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
        return dash < 0 ? List.of(language) : List.of(tag, language);
    }
}

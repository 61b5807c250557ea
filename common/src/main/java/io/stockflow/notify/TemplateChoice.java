package io.stockflow.notify;

/** The template chosen for one notification: its id, the branch that chose it and the locale. */
public final class TemplateChoice {
    public final String template;
    public final String branch;
    public final String locale;
    public final TemplateBranch from;

    TemplateChoice(TemplateBranch from, String locale) {
        this.template = from.template;
        this.branch = from.name;
        this.locale = locale;
        this.from = from;
    }
}

package dev.quorum.template;

/** One entry of an option list: its id as written in files, its label, and help for tooltips. */
public record TemplateOption(String id, String label, String help) {
}

package dev.edgeforge.web;

/** Stands in for platform-api's ProjectRole in template tests: the templates call {@code role.value()}. */
public record TemplateRole(String value) {}

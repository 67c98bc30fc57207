/**
 * Generated text, made data-safe: every C, C++, Makefile and Markdown file the firmware builder writes comes from a
 * template under {@code src/main/resources/templates/} rendered by
 * {@link dev.edgeforge.firmware.template.CodeTemplate}.
 *
 * <p>The one rule: <b>text for people never reaches a generated file except through a placeholder that names its
 * context.</b> Model names, labels, block names, board names, tensor names and descriptions built from them are
 * written as {@code {{modelName:c-string}}}, {@code {{modelName:c-comment}}}, {@code {{label:c-string}}},
 * {@code {{modelName:makefile-comment}}}, {@code {{modelName:markdown}}} …, and the template engine escapes them with
 * the matching {@link dev.edgeforge.firmware.template.TextContext}; generators pass the raw text and never escape it
 * themselves. A plain {@code {{key}}} is reserved for code the generator made (numbers, tables, identifiers it chose,
 * other rendered templates) and is inserted as it is. So a name is free text for people: it is shown exactly (a C
 * string literal holds its bytes, Markdown renders it as typed) or, in comments, readably and harmlessly, and it can
 * never close a string, end a comment, start a new line of a Makefile or inject Markdown.
 *
 * <p>What holds the rule: the engine refuses a template that uses a key both ways; {@code TemplateLintTest} fails
 * when any template under {@code templates/} shows a placeholder whose key names text for people ({@code name},
 * {@code label}, {@code description}, {@code origin}, or ending in one of them) without a context, or a key that is
 * text in one template and code in another; {@code TextContextProperties} checks each escape on thousands of hostile
 * strings and {@code HostileTextCompileIT} has gcc and g++ compile and read them back.
 *
 * <p>Adding a context: a constant in {@code TextContext} with its escape and a property for it. Adding a template:
 * put it under {@code templates/}; the lint test reads it.
 *
 * <p>{@link dev.edgeforge.firmware.template.CSyntax} spells generator-made values (number literals, const tables).
 */
package dev.edgeforge.firmware.template;

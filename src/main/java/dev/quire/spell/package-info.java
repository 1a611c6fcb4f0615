/**
 * Spell check with no UI: {@link dev.quire.spell.Speller} wraps LanguageTool for one language (spelling, and its
 * grammar and style rules when the writer turns them on), {@link dev.quire.spell.KnownWords} is what a story counts
 * as spelled right, and {@link dev.quire.spell.SpellChecks} checks a text a paragraph at a time, checking again only
 * the paragraphs that changed and telling which results are stale. Same layer as prompt, cliche and stitch.
 */
package dev.quire.spell;

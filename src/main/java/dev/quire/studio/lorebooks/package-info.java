/**
 * Lorebooks in and out: SillyTavern World Info and NovelAI {@code .lorebook} files read into a story's lore entries
 * (with a preview before anything is written) and written back from them. What a format has that Quire does not
 * model is kept on each entry as its extensions, so an export gives it back. The mapping is in docs/lorebooks.md.
 */
package dev.quire.studio.lorebooks;

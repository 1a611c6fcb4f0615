/**
 * Manuscripts in and stories out.
 *
 * <h2>Import</h2>
 * {@link dev.quire.studio.manuscript.ManuscriptReader} reads Markdown, plain text or DOCX into a
 * {@link dev.quire.studio.manuscript.Manuscript}: a title and draft scenes, with nothing written yet.
 * A preview adjusts it ({@code mergeWithNext}, {@code split}, {@code rename}, {@code remove},
 * {@code withTitle}); {@link dev.quire.studio.manuscript.ManuscriptImport#commit} then writes the story,
 * its scenes and an IMPORT revision of each in one transaction. A file that cannot be read raises
 * {@link dev.quire.studio.manuscript.ManuscriptException}, whose message names the file, says what is
 * wrong and what to do.
 *
 * <p>Scenes start at headings and at scene-break lines; paragraphs, italics and bold are kept. When a
 * manuscript has headings at level 1 and level 2 (Markdown {@code #} and {@code ##}, Word "Heading 1"
 * and "Heading 2"), the level-1 headings are chapters: the {@code Manuscript} carries them, and the
 * commit creates them with their scenes in them. What counts as each is described on
 * {@code TextBlocks} (Markdown, plain text), {@code DocxBlocks} (Word), {@code SceneBreaks} and
 * {@code Assembler} (which heading is the story's title, and when headings are chapters).
 *
 * <p>A Word document is read as Word shows it with every tracked change accepted, from the package's XML
 * ({@code DocxBlocks} opens it, {@code DocxBody} walks the body, {@code DocxParagraph} makes blocks of paragraphs,
 * {@code WordStyles} resolves a Word file's formatting: direct over character style over paragraph style over document defaults,
 * {@code w:val="0"} turning a property off, style levels toggling as Word's do). Deleted and moved-from text is left
 * out; inserted and moved-to text, content controls and text boxes (the {@code mc:AlternateContent} Choice, else its
 * Fallback) are read once; hidden text, tables of contents and the Subtitle, Author, Date and Abstract lines are not
 * prose; a drop cap joins its word; footnotes and endnotes become bracketed notes ({@code [1] …}) at the end of their
 * scene; an empty paragraph drawn as a rule is a scene break, and so is a page break when
 * {@link dev.quire.studio.manuscript.ImportOptions} asks. A Word line break stays a line break inside its paragraph
 * (U+2028 LINE SEPARATOR, which every export writes back as its format's line break); small caps and all caps keep the typed text (the model has no small caps). The
 * {@link dev.quire.studio.manuscript.Manuscript} carries the author the file names and an
 * {@link dev.quire.studio.manuscript.ImportReport} of what was accepted, read, kept as notes and left out, with
 * warnings for unresolved changes and comments.
 *
 * <h2>Export</h2>
 * {@link dev.quire.studio.manuscript.StoryExport} writes Markdown, plain text, DOCX, EPUB 3 or PDF with a
 * title page, chapter headings (for a story in chapters), scene headings (titled scenes) and scene
 * breaks ({@code * * *} before an untitled scene that does not open a chapter), italics and bold,
 * atomically. Under chapters, Markdown puts the title in front matter and the chapters at {@code #},
 * Word puts chapters in "Heading 1" and scenes in "Heading 2", and the EPUB's contents nest each
 * chapter's scenes under it; Markdown and Word read back in the same chapters. Markdown, plain text and DOCX exports read back as the same scenes and
 * text, except that Markdown emphasis cannot start or end with a space (the space moves outside it),
 * and in plain text and DOCX a paragraph made only of break characters reads back as a break.
 *
 * <p>Options:
 * <ul>
 *   <li>Provenance marks: text that came from a variant, labelled by its letter. DOCX: shaded in the
 *       editor's colour for the letter ({@code ProvenancePalette}: A blue, B red, C green, D purple, E amber,
 *       F teal, then again). EPUB:
 *       {@code <span class="mark mark-N" title="Variant A">} coloured by the stylesheet. Markdown:
 *       {@code <mark class="variant-a" title="Variant A">…</mark>}, which Markdown renderers pass
 *       through. Plain text: {@code {{A: …}}}. Every format adds "About the marks", a legend, after the
 *       story.</li>
 *   <li>Unused variants: an appendix of the variants of the story's generations (chat excluded) that
 *       no scene uses. A variant is used when a scene has text marked with its id, or when one of its
 *       paragraphs of 30 characters or more (or all of it, if shorter) appears word for word in a scene,
 *       ignoring emphasis marks, case, quote styles and spacing; empty variants are left out.</li>
 * </ul>
 */
package dev.quire.studio.manuscript;

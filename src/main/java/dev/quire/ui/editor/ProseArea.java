package dev.quire.ui.editor;

/**
 * The prose area under its old name, kept only while {@code ui.chat} still imports it from here; the area itself
 * lives in {@link dev.quire.ui.prose}, shared by the scene editor and the stitching pane.
 *
 * @deprecated use {@link dev.quire.ui.prose.ProseArea}
 */
@Deprecated(forRemoval = true)
public final class ProseArea extends dev.quire.ui.prose.ProseArea {
}

/**
 * The studio window (JavaFX, RichTextFX, AtlantaFX): the app shell and one package per screen, each
 * a thin view bound to a view model. Background work goes through {@link dev.quire.ui.common.Background};
 * the FX thread is entered only through {@link dev.quire.ui.common.Fx}.
 */
package dev.quire.ui;

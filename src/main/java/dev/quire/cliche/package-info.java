/**
 * Cliché watch, with no UI and no library: stock words, phrases, names and constructions found in prose
 * ({@link dev.quire.cliche.Detector}, over versioned lists in resources that a story extends with its avoid list
 * and overrides with what it allows), and the names a model keeps reaching for across a story's generations
 * ({@link dev.quire.cliche.Recurring}). Depends only on the model.
 */
package dev.quire.cliche;

/**
 * What a writer does, tied together: opening a library, seeding the sample story, autosaving,
 * checking integrity. The command line and the studio window both stand on this package.
 */
package dev.quire.studio;

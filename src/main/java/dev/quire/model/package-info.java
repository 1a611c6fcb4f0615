/**
 * The writer's world as immutable values: stories, characters, scenes, prose with provenance,
 * generations and their variants, conversations. No I/O, no JavaFX, no other Quire package.
 */
package dev.quire.model;

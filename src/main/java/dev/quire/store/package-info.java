/**
 * The library: one SQLite file, opened only after it has been checked to be a Quire library of a
 * schema this build knows, migrated by numbered SQL files, and reached through one repository per
 * aggregate. Every multi-statement write runs in one transaction; every failure surfaces as a
 * {@link dev.quire.store.PersistenceException}.
 */
package dev.quire.store;
